package org.mbmskeys.mbms.ue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.model.ProcedureDefinition;

/**
 * The shipped UE scripts of {@link UeProcedures}: compiled at the first load in a class loader and shared by every
 * later load (definitions are immutable), and refused as a whole when the class path lacks one of them.
 *
 * <p>The compiled scripts are cached in a static field, so whether a load is the first one depends on the tests
 * that ran before in the same JVM; this test empties the cache (by reflection, the field is the class's own state)
 * and puts the previous value back afterwards. An incomplete procedures jar is stood in for by a cache holding
 * the shipped scripts but one, which is what such a jar would have compiled to.
 */
class UeProceduresShippedScriptsTest {

    private Field cache;
    private Object before;

    @BeforeEach
    void emptyTheCache() throws ReflectiveOperationException {
        cache = UeProcedures.class.getDeclaredField("shipped");
        cache.setAccessible(true);
        before = cache.get(null);
        cache.set(null, null);
    }

    @AfterEach
    void restoreTheCache() throws ReflectiveOperationException {
        cache.set(null, before);
    }

    @Test
    void theFirstLoadCompilesTheShippedScriptsAndLaterLoadsShareThem() {
        List<ProcedureDefinition> first = UeProcedures.load(Optional.empty());
        List<ProcedureDefinition> second = UeProcedures.load(Optional.empty());

        assertThat(first).extracting(ProcedureDefinition::name).containsExactlyInAnyOrderElementsOf(UeProcedures.NAMES);
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).as("compiled once: the same definition").isSameAs(first.get(i));
        }
    }

    @Test
    void aClassPathLackingAShippedScriptIsRefused() throws ReflectiveOperationException {
        List<ProcedureDefinition> all = UeProcedures.load(Optional.empty());
        cache.set(null, all.stream().filter(d -> !d.name().equals("ue.service")).toList());

        assertThatThrownBy(() -> UeProcedures.load(Optional.empty())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected " + UeProcedures.NAMES)
                .hasMessageContaining("is the procedures jar complete?");
    }
}
