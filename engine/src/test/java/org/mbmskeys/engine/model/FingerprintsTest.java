package org.mbmskeys.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.TestEvents.Go;

/** A definition built in Java gets a fingerprint from its structure; closures are not covered. */
class FingerprintsTest {

    private static ProcedureDefinition timed(Duration delay, String target) {
        return ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Go.class, target).after("t", delay, t -> t.to("done")))
                .state("b", s -> s.on(Go.class, "done"))
                .finalState("done")
                .build();
    }

    @Test
    void theStructureDecidesNotTheVersionNumber() {
        ProcedureDefinition d = timed(Duration.ofSeconds(5), "b");

        assertThat(d.fingerprint()).matches("[0-9a-f]{16}");
        assertThat(timed(Duration.ofSeconds(5), "b").fingerprint()).isEqualTo(d.fingerprint());
        assertThat(d.withVersion(7).fingerprint()).isEqualTo(d.fingerprint());
        assertThat(timed(Duration.ofSeconds(6), "b").fingerprint()).isNotEqualTo(d.fingerprint());
        assertThat(timed(Duration.ofSeconds(5), "done").fingerprint()).isNotEqualTo(d.fingerprint());
    }

    @Test
    void aFingerprintGivenByTheBuilderIsKeptAcrossVersions() {
        ProcedureDefinition d = timed(Duration.ofSeconds(5), "b").withFingerprint("release-2026-12");

        assertThat(d.withVersion(3).fingerprint()).isEqualTo("release-2026-12");
    }

    @Test
    void aTextFingerprintIgnoresLineEndingsOnly() {
        assertThat(Fingerprints.ofText("a\r\nb\rc\n")).isEqualTo(Fingerprints.ofText("a\nb\nc\n"))
                .isNotEqualTo(Fingerprints.ofText("a\nb\nc"));
    }
}
