package org.mbmskeys.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.mbmskeys.engine.Harness;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.TestEvents.Go;
import org.mbmskeys.engine.TestEvents.Stop;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** A new version is used by new instances; running instances finish on the version they started on. */
@OnBothBackends
class VersionTest {

    @Parameter
    String backend;

    /**
     * Version 2 and later also have a state 'pause', declared second, so their states are numbered
     * differently from v1's (a running v1 instance handled with v2's tables would go elsewhere).
     */
    private static ProcedureDefinition version(int v, String target) {
        var b = ProcedureDefinition.builder("p").version(v).state("a", s -> {
            s.on(Go.class, target);
            if (v > 1) {
                s.on(Stop.class, "pause");
            }
        });
        if (v > 1) {
            b.state("pause", s -> s.on(Go.class, "a"));
        }
        return b.state(target, s -> s.on(Go.class, "done"))
                .finalState("done")
                .build();
    }

    @Test
    void aRunningInstanceKeepsItsVersionWhileNewInstancesUseTheNewest() {
        Harness h = Harness.of(backend, version(1, "b"));
        h.engine.start("p", "old", Map.of());

        h.engine.deploy(version(2, "c"));
        h.engine.start("p", "new", Map.of());
        h.engine.send("p", "old", new Go());
        h.engine.send("p", "new", new Go());

        assertThat(h.engine.instance("p", "old").orElseThrow()).satisfies(r -> {
            assertThat(r.version()).isEqualTo(1);
            assertThat(r.state()).isEqualTo("b");
        });
        assertThat(h.engine.instance("p", "new").orElseThrow()).satisfies(r -> {
            assertThat(r.version()).isEqualTo(2);
            assertThat(r.state()).isEqualTo("c");
        });
        assertThat(h.engine.definition("p").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void anInstanceOnAnOldVersionRunsToItsEnd() {
        Harness h = Harness.of(backend, version(1, "b"));
        h.engine.start("p", "old", Map.of());
        h.engine.deploy(version(2, "c"));

        h.engine.send("p", "old", new Go());
        h.engine.send("p", "old", new Go());

        assertThat(h.journal.ended).extracting(e -> e.last().version() + " " + e.last().state()).containsExactly("1 done");
    }

    @Test
    void deployingTheSameOrAnOlderVersionIsRefusedNamingTheDeployedOne() {
        Harness h = Harness.of(backend, version(2, "b"));

        assertThatThrownBy(() -> h.engine.deploy(version(2, "c")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("procedure 'p' v2 is already deployed; a new definition needs a version above 2, got v2");
        assertThatThrownBy(() -> h.engine.deploy(version(1, "c"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(h.engine.procedures()).containsExactly("p");
    }
}
