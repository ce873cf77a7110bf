package org.mbmskeys.engine.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryInstanceStoreTest {

    private final InstanceStore store = InstanceStore.inMemory();

    private static InstanceRecord record(String procedure, Object key, String state) {
        return InstanceRecord.of(procedure, 1, key, state, Map.of(), Map.of(), List.of(), Map.of(), Optional.empty());
    }

    @Test
    void keepsTheSavedObjectItselfPerProcedureAndKey() {
        InstanceRecord a = record("p", "k", "a");
        InstanceRecord other = record("q", "k", "x");

        store.save(a);
        store.save(other);

        assertThat(store.load("p", "k")).containsSame(a);
        assertThat(store.load("q", "k")).containsSame(other);
        assertThat(store.load("p", "missing")).isEmpty();
        assertThat(store.load("unknown", "k")).isEmpty();
    }

    @Test
    void savingAgainReplacesAndRemovingForgets() {
        store.save(record("p", "k", "a"));
        InstanceRecord b = record("p", "k", "b");

        store.save(b);
        assertThat(store.load("p", "k")).containsSame(b);

        store.remove("p", "k");
        store.remove("p", "k");
        store.remove("nothing", "k");
        assertThat(store.load("p", "k")).isEmpty();
    }

    @Test
    void savingTheStoredObjectAgainKeepsItButAnEqualCopyReplacesIt() {
        InstanceRecord a = record("p", "k", "a");
        InstanceRecord equalCopy = record("p", "k", "a");
        store.save(a);

        store.save(a);
        assertThat(store.load("p", "k")).containsSame(a);

        // The engine mutates its records in place, so the store keeps the object it was given, not an equal one.
        store.save(equalCopy);
        assertThat(store.load("p", "k")).containsSame(equalCopy);

        store.remove("p", "k");
        store.save(equalCopy);
        assertThat(store.load("p", "k")).containsSame(equalCopy);
    }

    /** A procedure is named by its name's text: an equal name in another String is the same procedure. */
    @Test
    void aProcedureIsFoundByItsNameWhateverStringHoldsIt() {
        InstanceRecord a = record("p", "k", "a");
        InstanceRecord b = record("q", "k", "b");
        store.save(a);
        store.save(b);
        String p = new String("p");

        assertThat(store.load(p, "k")).containsSame(a);
        assertThat(store.load("q", "k")).containsSame(b);
        assertThat(store.load("p", "k")).containsSame(a);
        store.remove(p, "k");
        assertThat(store.load("p", "k")).isEmpty();
        assertThat(store.load("q", "k")).containsSame(b);
        assertThat(store.load("", "k")).isEmpty();
    }

    @Test
    void forEachVisitsEveryRecord() {
        store.save(record("p", 1, "a"));
        store.save(record("p", 2, "a"));
        store.save(record("q", 1, "a"));
        List<String> seen = new ArrayList<>();

        store.forEach(r -> seen.add(r.procedure() + "/" + r.key()));

        assertThat(seen).containsExactlyInAnyOrder("p/1", "p/2", "q/1");
    }
}
