package org.mbmskeys.mbms.bmsc.keys;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyMaterialSource;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ProtectingKey;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.profile.InterimProfile;

/**
 * The BM-SC's keys (Key Distribution function, TS 33.246 §6.3): Key Groups per Key Domain, the MSKs of
 * each group, the MTK ID sequence under each MSK and the outgoing COUNTER streams, over a
 * {@link KeyRegistryStorage}.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Key Groups</b> are unique per Key Domain (within an operator, §6.3.2.1 NOTE): creating one that
 *       exists fails with {@link KeyRegistryException.Reason#DUPLICATE_KEY_GROUP}; Key Group 0 is not
 *       allowed (§6.3.2.1, {@link KeyRegistryException.Reason#RESERVED_KEY_GROUP}). Each has a
 *       {@link ServiceType}, fixed at creation: one Key Group protects one RTP session or FLUTE channel
 *       (§4.2). Its MTKs come with a salt iff it is streaming (§6.4.5.3).</li>
 *   <li><b>MIKEY-RAND</b>: each MSK gets one RAND at rotation, from the {@link KeyMaterialSource}, to be sent
 *       in the MSK messages to all UEs (§6.4.5.1) and used for the MTK messages under it (§6.5.4).</li>
 *   <li><b>Rotation</b> issues a new MSK with the next Key Number: 1, 2, …, 65535, then 1 again, never 0
 *       (Key Number 0 means "current MSK", §6.3.2.1A). The new MSK becomes current, the old current
 *       becomes previous, and the old previous is dropped with its MTK sequence and counter.</li>
 *   <li><b>Invalidation</b> removes an MSK (current or previous) from the registry. Telling UEs is a
 *       separate MSK delivery with SEQl &gt; SEQu ({@link KeyValidity#invalidated()}, §6.3.2.1B).</li>
 *   <li><b>MTK IDs</b> under an MSK are handed out in increasing order above SEQl up to SEQu: the first is
 *       SEQl + 1, since a UE admits only SEQl &lt; MTK ID ≤ SEQu (TS 33.246 §6.5.4) and the first MTK ID is
 *       "greater than zero" (§6.3.3.1); when SEQu has been handed out, {@link #nextMtk} answers
 *       {@link MtkAllocation.Exhausted}. An MTK ID is never handed out twice, even if the key validity is
 *       changed.</li>
 *   <li><b>Key validity</b>: "The BM-SC shall never set SEQu to its maximum possible value" (§6.4.5.1;
 *       §6.3.3.1 NOTE 3), and SEQl &lt; SEQu is needed for at least one MTK ID to fit; {@link #rotate} and
 *       {@link #updateValidity} refuse anything else.</li>
 *   <li><b>Counters</b>: one COUNTER stream per {@link ProtectingKey} ("one counter per UE for MSK
 *       delivery, and one counter common to all UEs for MTK delivery", TS 33.246 §6.4.3): the first value
 *       is 1 (configurable), then +1 per message with the RFC 1982 wrap from 4294967295 to 0.</li>
 * </ul>
 *
 * <h2>Keys and threads</h2>
 * Key material comes from the injected {@link KeyMaterialSource} (never from a {@code SecureRandom}
 * created here). Keys handed out are copies. The registry is safe for concurrent use by any number of
 * threads: every change is a compare-and-set on one storage record, retried on contention, so no counter
 * value or MTK ID is ever handed out twice.
 *
 * <pre>{@code
 * KeyRegistry registry = KeyRegistry.create(KeyRegistryStorage.inMemory(), KeyMaterialSource.secureRandom());
 * registry.createGroup(domain, KeyGroup.of(1), ServiceType.STREAMING);
 * RegisteredMsk msk = registry.rotate(domain, KeyGroup.of(1), KeyValidity.of(0, 1000));
 * MtkAllocation mtk = registry.nextMtk(msk.ref());                    // MTK ID 1 = SEQl + 1
 * TimestampCounter t = registry.nextCounter(ProtectingKey.msk(msk.ref()));
 * }</pre>
 */
public final class KeyRegistry {

    /** The first counter value of a new stream unless configured otherwise. */
    public static final TimestampCounter DEFAULT_FIRST_COUNTER = TimestampCounter.of(1);

    /** The largest 2-byte MTK ID, which SEQu never takes (TS 33.246 §6.4.5.1, §6.3.3.1 NOTE 3). */
    private static final int MAX_MTK_ID = 0xFFFF;

    private final KeyRegistryStorage storage;
    private final KeyMaterialSource keys;
    private final TimestampCounter firstCounter;

    private KeyRegistry(KeyRegistryStorage storage, KeyMaterialSource keys, TimestampCounter firstCounter) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.firstCounter = Objects.requireNonNull(firstCounter, "firstCounter");
    }

    /** A registry whose counter streams start at {@link #DEFAULT_FIRST_COUNTER}. */
    public static KeyRegistry create(KeyRegistryStorage storage, KeyMaterialSource keys) {
        return new KeyRegistry(storage, keys, DEFAULT_FIRST_COUNTER);
    }

    /**
     * A registry whose counter streams start at {@code firstCounter}, e.g. a value above any counter
     * issued before a restart without durable storage.
     */
    public static KeyRegistry create(KeyRegistryStorage storage, KeyMaterialSource keys, TimestampCounter firstCounter) {
        return new KeyRegistry(storage, keys, firstCounter);
    }

    // ---------------------------------------------------------------------------------------- Key Groups

    /**
     * Creates an empty Key Group of {@code serviceType} (no MSK yet; {@link #rotate} issues the first).
     *
     * @throws KeyRegistryException {@link KeyRegistryException.Reason#DUPLICATE_KEY_GROUP} if it exists,
     *         {@link KeyRegistryException.Reason#RESERVED_KEY_GROUP} for Key Group 0
     */
    public KeyGroupRecord createGroup(KeyDomainId keyDomain, KeyGroup keyGroup, ServiceType serviceType) {
        if (keyGroup.isReserved()) {
            throw new KeyRegistryException(KeyRegistryException.Reason.RESERVED_KEY_GROUP,
                    "Key Group " + keyGroup + " in Key Domain " + keyDomain + " is not allowed (TS 33.246 §6.3.2.1: "
                            + "Key Group 0 is reserved); choose a Key Group from 0001 to ffff");
        }
        KeyGroupRecord group = KeyGroupRecord.empty(keyDomain, keyGroup, serviceType);
        if (!storage.insertGroup(group)) {
            throw new KeyRegistryException(KeyRegistryException.Reason.DUPLICATE_KEY_GROUP,
                    "Key Group " + keyGroup + " already exists in Key Domain " + keyDomain
                            + "; Key Groups must be unique within an operator (TS 33.246 §6.3.2.1 NOTE): "
                            + "choose an unused Key Group or rotate the MSK of the existing one");
        }
        return group;
    }

    public Optional<KeyGroupRecord> group(KeyDomainId keyDomain, KeyGroup keyGroup) {
        return storage.group(keyDomain, keyGroup);
    }

    public List<KeyGroupRecord> groups() {
        return storage.groups();
    }

    // ---------------------------------------------------------------------------------------- MSKs

    /**
     * Issues a new MSK for the group with the next Key Number, {@code validity} and a fresh MIKEY-RAND; it
     * becomes current, the current one becomes previous, and the previous one is dropped.
     *
     * @return the new MSK (a copy of its key)
     * @throws KeyRegistryException {@link KeyRegistryException.Reason#UNKNOWN_KEY_GROUP}
     * @throws IllegalArgumentException if {@code validity} has SEQl &gt; SEQu (use {@link #invalidate}),
     *         SEQl = SEQu (no MTK ID fits) or SEQu = 65535 (§6.4.5.1)
     */
    public RegisteredMsk rotate(KeyDomainId keyDomain, KeyGroup keyGroup, KeyValidity validity) {
        requireUsable(validity, "rotate " + keyDomain + "/" + keyGroup);
        SecretBytes key = generate(InterimProfile.MSK_LENGTH, "MSK");
        Bytes rand;
        try {
            rand = publicValue(generate(InterimProfile.RAND_LENGTH, "MIKEY-RAND"));
        } catch (RuntimeException e) {
            key.destroy();   // never stored or handed out
            throw e;
        }
        while (true) {
            KeyGroupRecord group;
            try {
                group = requireGroup(keyDomain, keyGroup);
            } catch (RuntimeException e) {
                // The new MSK was never stored or handed out: wipe it before the failure leaves.
                key.destroy();
                throw e;
            }
            MskRef ref = MskRef.of(keyDomain, MskId.of(keyGroup, group.nextKeyNumber()));
            if (!storage.replaceGroup(group, group.rotatedTo(ref))) {
                continue;
            }
            // The Key Number is now reserved; a wrapped number may name an identity used long ago, so its
            // counter stream starts afresh.
            RegisteredMsk msk = new RegisteredMsk(ref, key, validity, rand, group.serviceType(), Optional.empty());
            storage.removeCounter(ProtectingKey.msk(ref));
            storage.putMsk(msk);
            group.previous().filter(dropped -> !dropped.equals(ref)).ifPresent(this::forget);
            return msk.withKeyCopy();
        }
    }

    /** The current MSK of the group, if one was issued and not invalidated. */
    public Optional<RegisteredMsk> currentMsk(KeyDomainId keyDomain, KeyGroup keyGroup) {
        return storage.group(keyDomain, keyGroup).flatMap(KeyGroupRecord::current).flatMap(this::registered);
    }

    /** The previous MSK of the group, kept until the next rotation. */
    public Optional<RegisteredMsk> previousMsk(KeyDomainId keyDomain, KeyGroup keyGroup) {
        return storage.group(keyDomain, keyGroup).flatMap(KeyGroupRecord::previous).flatMap(this::registered);
    }

    /**
     * The MSK with this identity; Key Number 0 means the group's current MSK (as in an MSK request,
     * TS 33.246 §6.3.2.2.1).
     */
    public Optional<RegisteredMsk> msk(MskRef ref) {
        if (ref.mskId().isCurrentMarker()) {
            return currentMsk(ref.keyDomain(), ref.keyGroup());
        }
        return registered(ref);
    }

    /**
     * Changes the key validity of an MSK (e.g. extends SEQu). MTK IDs already handed out stay used: the
     * next one is above both the last handed out and the new SEQl.
     *
     * @throws KeyRegistryException {@link KeyRegistryException.Reason#UNKNOWN_MSK}
     * @throws IllegalArgumentException if {@code validity} has SEQl &gt; SEQu (use {@link #invalidate}),
     *         SEQl = SEQu (no MTK ID fits) or SEQu = 65535 (§6.4.5.1)
     */
    public RegisteredMsk updateValidity(MskRef ref, KeyValidity validity) {
        requireUsable(validity, "updateValidity of MSK " + ref);
        while (true) {
            RegisteredMsk held = requireMsk(ref);
            RegisteredMsk next = held.withValidity(validity);
            if (storage.replaceMsk(held, next)) {
                return next.withKeyCopy();
            }
        }
    }

    /**
     * Removes the MSK from the registry with its MTK sequence and counter; the group no longer names it
     * as current or previous.
     *
     * @throws KeyRegistryException {@link KeyRegistryException.Reason#UNKNOWN_MSK}
     */
    public void invalidate(MskRef ref) {
        requireMsk(ref);
        while (true) {
            Optional<KeyGroupRecord> group = storage.group(ref.keyDomain(), ref.keyGroup());
            if (group.isEmpty() || !group.get().holds(ref) || storage.replaceGroup(group.get(), group.get().without(ref))) {
                break;
            }
        }
        forget(ref);
    }

    // ---------------------------------------------------------------------------------------- MTK IDs

    /**
     * The next MTK ID under this MSK, with a fresh MTK, and a fresh salt if the Key Group is streaming
     * (TS 33.246 §6.4.5.3): one above both SEQl and the last handed
     * out (so SEQl + 1 first, TS 33.246 §6.5.4), up to SEQu.
     *
     * @return {@link MtkAllocation.Allocated}, or {@link MtkAllocation.Exhausted} when SEQu was handed out
     * @throws KeyRegistryException {@link KeyRegistryException.Reason#UNKNOWN_MSK}
     */
    public MtkAllocation nextMtk(MskRef ref) {
        while (true) {
            RegisteredMsk held = requireMsk(ref);
            KeyValidity validity = held.validity();
            int candidate = Math.max(held.lastMtk().map(last -> last.value() + 1).orElse(0), validity.seqLow().value() + 1);
            if (candidate > validity.seqHigh().value()) {
                return new MtkAllocation.Exhausted(held.ref(), validity, held.lastMtk());
            }
            MtkId mtkId = MtkId.of(candidate);
            if (storage.replaceMsk(held, held.withLastMtk(mtkId))) {
                SecretBytes mtk = generate(InterimProfile.MTK_LENGTH, "MTK");
                try {
                    Optional<SecretBytes> salt = held.serviceType() == ServiceType.STREAMING
                            ? Optional.of(generate(InterimProfile.MTK_SALT_LENGTH, "MTK salt")) : Optional.empty();
                    return new MtkAllocation.Allocated(held.ref(), mtkId, mtk, salt);
                } catch (RuntimeException e) {
                    mtk.destroy();   // never handed out
                    throw e;
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------- counters

    /**
     * The COUNTER for the next message protected with {@code key}: the first value of the stream, then one
     * more than the last (RFC 1982: 4294967295 is followed by 0). Each value is handed out once, also under
     * concurrent calls.
     */
    public TimestampCounter nextCounter(ProtectingKey key) {
        Objects.requireNonNull(key, "key");
        while (true) {
            Optional<TimestampCounter> last = storage.counter(key);
            TimestampCounter next = last.map(TimestampCounter::next).orElse(firstCounter);
            if (storage.compareAndSetCounter(key, last, next)) {
                return next;
            }
        }
    }

    /**
     * Drops the COUNTER stream of a MUK that will protect no more messages: a newer MUK of the UE replaced it,
     * and "The counter in the TS field shall be reset for MSK transport messages when the MUK is updated"
     * (TS 33.246 §6.4.3). Without this, every MUK a BM-SC ever used would keep its stream. Only MUK streams
     * can be dropped: an MTK stream lives as long as its MSK.
     */
    public void forgetMukCounter(MukId mukId) {
        storage.removeCounter(ProtectingKey.muk(mukId));
    }

    /** The last counter value handed out for {@code key}. */
    public Optional<TimestampCounter> lastCounter(ProtectingKey key) {
        return storage.counter(key);
    }

    // ---------------------------------------------------------------------------------------- internals

    private Optional<RegisteredMsk> registered(MskRef ref) {
        return storage.msk(ref).map(RegisteredMsk::withKeyCopy);
    }

    /**
     * Removes the MSK and its counter and wipes the key record read from the storage (for a storage that
     * hands out its own record, the stored key itself; the in-memory storage also wipes on removal).
     */
    private void forget(MskRef ref) {
        Optional<RegisteredMsk> dropped = storage.msk(ref);
        storage.removeMsk(ref);
        storage.removeCounter(ProtectingKey.msk(ref));
        dropped.ifPresent(m -> m.key().destroy());
    }

    private KeyGroupRecord requireGroup(KeyDomainId keyDomain, KeyGroup keyGroup) {
        return storage.group(keyDomain, keyGroup).orElseThrow(() -> new KeyRegistryException(
                KeyRegistryException.Reason.UNKNOWN_KEY_GROUP,
                "no Key Group " + keyGroup + " in Key Domain " + keyDomain + "; create it first (createGroup)"));
    }

    private RegisteredMsk requireMsk(MskRef ref) {
        if (ref.mskId().isCurrentMarker()) {
            throw new IllegalArgumentException("MSK " + ref + " has Key Number 0 ('current'); name the MSK by its "
                    + "Key Number, e.g. from currentMsk(...).ref()");
        }
        return storage.msk(ref).orElseThrow(() -> new KeyRegistryException(KeyRegistryException.Reason.UNKNOWN_MSK,
                "no MSK " + ref + " in the registry (never issued, dropped by a later rotation, or invalidated); "
                        + "the group holds " + storage.group(ref.keyDomain(), ref.keyGroup())
                        .map(KeyRegistry::describeMsks).orElse("nothing (no such Key Group)")));
    }

    private static String describeMsks(KeyGroupRecord g) {
        return "current " + g.current().map(MskRef::toString).orElse("none")
                + " and previous " + g.previous().map(MskRef::toString).orElse("none");
    }

    private static void requireUsable(KeyValidity validity, String where) {
        Objects.requireNonNull(validity, "validity");
        if (validity.isInvalidation()) {
            throw new IllegalArgumentException(where + ": key validity " + validity
                    + " has SEQl > SEQu, which invalidates; give SEQl < SEQu, or call invalidate(MskRef)");
        }
        if (validity.seqHigh().value() == MAX_MTK_ID) {
            throw new IllegalArgumentException(where + ": key validity " + validity + " has SEQu = " + MAX_MTK_ID
                    + ", which TS 33.246 §6.4.5.1 forbids (\"The BM-SC shall never set SEQu to its maximum possible "
                    + "value\"); give SEQu <= " + (MAX_MTK_ID - 1));
        }
        if (validity.seqLow().equals(validity.seqHigh())) {
            throw new IllegalArgumentException(where + ": key validity " + validity + " has SEQl = SEQu, so no MTK ID "
                    + "fits: a UE admits only SEQl < MTK ID <= SEQu (TS 33.246 §6.5.4); give SEQl < SEQu");
        }
    }

    /** The RAND is sent in clear (RFC 3830 §6.11): it leaves the secret wrapper, which is destroyed. */
    private static Bytes publicValue(SecretBytes random) {
        Bytes value = Bytes.wrap(random.copyBytes());
        random.destroy();
        return value;
    }

    private SecretBytes generate(int length, String what) {
        SecretBytes key = keys.generate(length);
        if (key == null || key.length() != length) {
            if (key != null) {
                key.destroy();
            }
            throw new IllegalStateException("KeyMaterialSource returned " + (key == null ? "null" : key.length() + " bytes")
                    + " for a " + length + "-byte " + what + "; it must return exactly the length asked for");
        }
        return key;
    }
}
