package org.mbmskeys.mbms.ue.keys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * Everything an ME keeps for MBMS key management (MGV-S, TS 33.246 §6.5.1; ME-based key management,
 * §6.1): the plain, immutable record that a {@link UeKeyStorage} loads and stores as one unit. The rules
 * that change it live in {@link UeKeyStore}.
 *
 * <ul>
 *   <li>{@code uicc}: the last inserted UICC identity;</li>
 *   <li>{@code currentMuks}, {@code lastUsedMuks}, {@code mrks}: by IDi (TS 31.102 EF_MUK holds one MUK
 *       per IDi); the last successfully used MUK is kept apart from the current one;</li>
 *   <li>{@code mukCounters}: the replay counter of MSK messages, per MUK ID;</li>
 *   <li>{@code mukGenerations}: per current or last used MUK ID, the number {@link UeKeyStore#installMuk}
 *       gave it (1, 2, … in install order; {@code lastMukGeneration} is the last number given), for the
 *       two-MSK rule ({@link MskAge});</li>
 *   <li>{@code msks}: by identity, each with its MTK replay state (current MTK ID and MTK counter);</li>
 *   <li>{@code mtks}: the MTKs held, oldest accepted first, at most two per Key Domain ID and Key Group
 *       (one Key Group protects one session, TS 33.246 §4.2; the ME keeps the two most recent MTKs per
 *       session, §6.5.4), each under a held MSK;</li>
 *   <li>{@code invalidatedMsks}: MSKs deleted by an invalidation (SEQl &gt; SEQu), remembered so that MTK
 *       messages for them are reported as such.</li>
 *   <li>{@code retiredMukCounters}, {@code retiredMtkStates}: the replay state of MUKs and MSKs the ME no
 *       longer holds, with a fingerprint of the key (never the key), so that the same key coming back
 *       under the same ID does not start a fresh counter (TS 33.246 §6.4.3 resets a counter only for a new
 *       MUK or a new MSK).</li>
 * </ul>
 *
 * <p>The constructor checks the invariants a storage implementation must keep: map keys match their
 * records, and at most two MSKs per Key Domain ID and Key Group. Equality compares key material in
 * constant time, so two states can be compared for "nothing changed".
 */
public record UeKeyState(
        Optional<UiccId> uicc,
        Map<Bytes, StoredGbaKey> currentMuks,
        Map<Bytes, StoredGbaKey> lastUsedMuks,
        Map<Bytes, StoredGbaKey> mrks,
        Map<MukId, TimestampCounter> mukCounters,
        Map<MukId, Long> mukGenerations,
        long lastMukGeneration,
        Map<MskRef, StoredMsk> msks,
        List<StoredMtk> mtks,
        Set<MskRef> invalidatedMsks,
        Map<MukId, RetiredMukCounter> retiredMukCounters,
        Map<MskRef, RetiredMtkState> retiredMtkStates) {

    private static final UeKeyState EMPTY =
            new UeKeyState(Optional.empty(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), 0, Map.of(), List.of(), Set.of(),
                    Map.of(), Map.of());

    public UeKeyState {
        Objects.requireNonNull(uicc, "uicc");
        currentMuks = Map.copyOf(currentMuks);
        lastUsedMuks = Map.copyOf(lastUsedMuks);
        mrks = Map.copyOf(mrks);
        mukCounters = Map.copyOf(mukCounters);
        mukGenerations = Map.copyOf(mukGenerations);
        msks = Map.copyOf(msks);
        mtks = List.copyOf(mtks);
        invalidatedMsks = Set.copyOf(invalidatedMsks);
        retiredMukCounters = Map.copyOf(retiredMukCounters);
        retiredMtkStates = Map.copyOf(retiredMtkStates);
        requireKeyedBy(currentMuks, k -> k.id().idi(), "currentMuks");
        requireKeyedBy(lastUsedMuks, k -> k.id().idi(), "lastUsedMuks");
        requireKeyedBy(mrks, k -> k.id().idi(), "mrks");
        requireKeyedBy(msks, StoredMsk::ref, "msks");
        requireAtMostTwoPerKeyGroup(msks);
        requireMtksUnderHeldMsksAtMostTwoPerKeyGroup(mtks, msks);
    }

    /** The state of a new ME: no UICC seen, no keys. */
    public static UeKeyState empty() {
        return EMPTY;
    }

    /** True if no key, counter or invalidation marker is held (the UICC identity may be). */
    public boolean holdsNoKeys() {
        return currentMuks.isEmpty() && lastUsedMuks.isEmpty() && mrks.isEmpty() && mukCounters.isEmpty()
                && mukGenerations.isEmpty() && msks.isEmpty() && mtks.isEmpty() && invalidatedMsks.isEmpty()
                && retiredMukCounters.isEmpty() && retiredMtkStates.isEmpty();
    }

    /** Every key object held, for copying and destroying. */
    Stream<SecretBytes> secrets() {
        List<SecretBytes> all = new ArrayList<>();
        forEachSecret(all::add);
        return all.stream();
    }

    /** Hands every key object held to {@code action}, with plain loops (no stream to set up). */
    void forEachSecret(Consumer<SecretBytes> action) {
        for (StoredGbaKey k : currentMuks.values()) {
            action.accept(k.key());
        }
        for (StoredGbaKey k : lastUsedMuks.values()) {
            action.accept(k.key());
        }
        for (StoredGbaKey k : mrks.values()) {
            action.accept(k.key());
        }
        for (StoredMsk m : msks.values()) {
            action.accept(m.key());
        }
        for (StoredMtk m : mtks) {
            action.accept(m.key());
            m.salt().ifPresent(action);
        }
    }

    private static <K, V> void requireKeyedBy(Map<K, V> map, Function<V, K> keyOf, String name) {
        map.forEach((k, v) -> {
            if (!k.equals(keyOf.apply(v))) {
                throw new IllegalArgumentException(name + ": entry under " + k + " belongs under " + keyOf.apply(v));
            }
        });
    }

    private static void requireMtksUnderHeldMsksAtMostTwoPerKeyGroup(List<StoredMtk> mtks, Map<MskRef, StoredMsk> msks) {
        Map<MskRef, Integer> perGroup = new HashMap<>();
        for (StoredMtk mtk : mtks) {
            if (!msks.containsKey(mtk.msk())) {
                throw new IllegalArgumentException("MTK " + mtk.mtkId() + " under MSK " + mtk.msk()
                        + ", which is not held; an MTK is kept only with its MSK");
            }
            MskRef group = MskRef.of(mtk.msk().keyDomain(), MskId.current(mtk.msk().keyGroup()));
            if (perGroup.merge(group, 1, Integer::sum) > 2) {
                throw new IllegalArgumentException("more than two MTKs for Key Domain ID " + group.keyDomain()
                        + " and Key Group " + group.keyGroup() + "; TS 33.246 §6.5.4 keeps the two most recent");
            }
        }
    }

    private static void requireAtMostTwoPerKeyGroup(Map<MskRef, StoredMsk> msks) {
        if (msks.size() <= 2) {
            return; // two cannot be more than two of a group (a state is built at every accepted message)
        }
        Map<MskRef, Integer> perGroup = new HashMap<>();
        for (MskRef ref : msks.keySet()) {
            MskRef group = MskRef.of(ref.keyDomain(), MskId.current(ref.keyGroup()));
            if (perGroup.merge(group, 1, Integer::sum) > 2) {
                throw new IllegalArgumentException("more than two MSKs for Key Domain ID " + ref.keyDomain()
                        + " and Key Group " + ref.keyGroup() + "; TS 33.246 §6.3.2.1 allows two");
            }
        }
    }
}
