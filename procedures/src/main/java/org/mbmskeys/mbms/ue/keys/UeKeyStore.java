package org.mbmskeys.mbms.ue.keys;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.SecurityPolicyPayload;
import org.mbmskeys.mbms.mikey.SrtpCsEntry;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.MbmsSrtpPolicy;
import org.mbmskeys.mbms.traffic.DcfKeyId;
import org.mbmskeys.mbms.traffic.DcfKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UE's key rules (MGV-S, TS 33.246 §6.4.6, §6.5, §6.1 ME-based key management) over a
 * {@link UeKeyStorage}. Typed values in, typed results out: MIKEY parsing and MAC checks are done by the
 * caller.
 *
 * <h2>Two phases per message</h2>
 * <ol>
 *   <li>Before the MAC check, read-only: {@link #checkMskCounter} or {@link #checkMtk} apply the replay
 *       and identity rules and hand back the key to verify the message with.</li>
 *   <li>After a successful MAC check: {@link #applyMsk}, {@link #applySolicitedPull} or {@link #applyMtk}
 *       check the same rules again, atomically with the update, so a message that passed phase 1 twice
 *       (a replay racing the original) is applied only once.</li>
 * </ol>
 * A rejection ({@link KeyOutcome.Rejected}) never changes the stored state.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>MSK messages</b> (§6.4.6.1, §6.5.3): the MUK is found by MUK ID = IDi ‖ IDr ({@link #mukFor}).
 *       The counter must be newer in RFC 1982 order than the one stored for that MUK ID (the first
 *       message for a MUK may carry any counter; exactly 2^31 apart is a replay). Then:
 *       a key with SEQl &gt; SEQu invalidates the MSK (§6.3.2.1B) whether or not a key is present;
 *       a new MSK is stored with the MIKEY-RAND and service type of its message, and if two MSKs of the
 *       same Key Domain ID and Key Group are already held the older is deleted (§6.5.3: the one protected
 *       with the last successfully used MUK is newer, with the same MUK the higher counter; see
 *       {@link MskAge}); the same Key Domain ID and MSK ID replaces the key,
 *       validity, RAND and service type; no key updates only the validity of a held MSK (its RAND and
 *       service type stay: only a key-carrying message sets them). On success the counter is stored for
 *       that MUK ID and the MUK becomes the last successfully used MUK of its IDi. A message verified with
 *       the current MUK is answered {@link MskUpdate.Answer#ACK_IF_ASKED}; one verified only with the last
 *       used MUK is answered {@link MskUpdate.Answer#REQUEST_MSK_NO_ACK} (§6.3.2.3.1) and still applied
 *       (U15, {@link LastUsedMukPush}).</li>
 *   <li><b>MUKs</b>: one current MUK per IDi (TS 31.102 EF_MUK) and, separately, the last successfully
 *       used MUK per IDi, which survives a MUK change so that a solicited pull protected with the MUK the
 *       BM-SC last knew still verifies (§6.3.2.2.4; seeds {@code 001}, {@code 004}).</li>
 *   <li><b>MTK messages</b> (§6.4.6.2, §6.5.4): the MSK must be held; the counter must be RFC 1982-newer
 *       than the counter of the last MTK accepted under that MSK; the MTK ID must be greater than the
 *       ME's current MTK ID (§6.4.6.2 step 3) and SEQl &lt; MTK ID ≤ SEQu (§6.5.4, so SEQl itself is
 *       refused). On success the stored SEQl becomes the MTK ID (§6.5.4); a later key validity update
 *       replaces SEQl and SEQu but not the current MTK ID. The ME keeps the two most recent MTKs per
 *       session, i.e. per Key Domain ID and Key Group (§6.5.4, §4.2), across the MSKs of the group: a
 *       third deletes the one accepted first. The current MTK ID and the MTK counter are kept with the
 *       MSK, so a deleted MTK is never accepted again; {@link #endSession} deletes a session's MTKs.</li>
 *   <li><b>UICC change</b> (§6.1): a UICC identity other than the stored one deletes every key and
 *       counter.</li>
 * </ul>
 *
 * <p>When an MSK is replaced by a <i>different</i> key its MTKs, current MTK ID and MTK counter are
 * dropped (messages under the old key can no longer verify); when the same key is delivered again they
 * are kept, so old MTK messages stay replays. An MSK that is deleted (evicted or invalidated) takes its
 * MTKs along, but its current MTK ID and MTK counter are retired with a fingerprint of the key: the same
 * MSK delivered again gets them back (TS 33.246 §6.4.3 resets the MTK counter only for a new MSK). A key
 * validity update (with or without the key) deletes the MTKs of that MSK it no longer covers, so an
 * excluded MTK is no longer current.
 *
 * <h2>Keys and threads</h2>
 * Keys passed in are copied; keys handed out are copies the caller may destroy; keys the store drops are
 * destroyed. One writer per UE is expected, but every method takes one lock, so concurrent calls are safe
 * and each rule is atomic.
 *
 * <pre>{@code
 * UeKeyStore store = UeKeyStore.inMemory();
 * store.uiccInserted(UiccId.of("8949440000001234567"));
 * store.installMuk(mukId, muk);
 * KeyOutcome<MukKey> check = store.checkMskCounter(mukId, counter);      // before the MAC check
 * // ... verify the MAC with check.value().key(), decrypt ...
 * KeyOutcome<MskUpdate> done = store.applyMsk(mukId, counter, domain, mskId, Optional.of(msk), validity,
 *         rand, ServiceType.STREAMING);
 * KeyOutcome<MskKey> mtkCheck = store.checkMtk(domain, mskId, mtkCounter, mtkId);  // MSK, RAND and type
 * // ... open the MTK message with mtkCheck.value().key(), .rand(), .serviceType() ...
 * }</pre>
 */
public final class UeKeyStore {

    private static final Logger LOG = LoggerFactory.getLogger(UeKeyStore.class);

    private final UeKeyStorage storage;
    private final boolean storesPushUnderLastUsedMuk;
    private final ReentrantLock lock = new ReentrantLock();

    public UeKeyStore(UeKeyStorage storage) {
        this(storage, LastUsedMukPush.STORES_THE_MSK);
    }

    /** For tests of the other reading of U15 ({@link LastUsedMukPush}). */
    UeKeyStore(UeKeyStorage storage, boolean storesPushUnderLastUsedMuk) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.storesPushUnderLastUsedMuk = storesPushUnderLastUsedMuk;
    }

    /** A store over {@link UeKeyStorage#inMemory()}. */
    public static UeKeyStore inMemory() {
        return new UeKeyStore(UeKeyStorage.inMemory());
    }

    // ---------------------------------------------------------------------------------------- UICC

    /**
     * Compares {@code uicc} with the stored UICC identity (at UICC insertion and power-on, §6.1). If it
     * differs, or none is stored, every MUK, last used MUK, MRK, MSK, MTK, counter and invalidation marker
     * is deleted and {@code uicc} is stored; the same UICC changes nothing.
     */
    public UiccCheck uiccInserted(UiccId uicc) {
        Objects.requireNonNull(uicc, "uicc");
        return locked(() -> {
            UeKeyState before = storage.load();
            if (before.uicc().equals(Optional.of(uicc))) {
                return UiccCheck.SAME_UICC;
            }
            UeKeyStateDraft next = new UeKeyStateDraft(UeKeyState.empty());
            next.uicc = Optional.of(uicc);
            commit(before, next);
            if (before.uicc().isEmpty()) {
                // Nothing was stored before a UICC was: there was nothing to delete, and saying so would alarm.
                LOG.info("UICC {} recorded: the first this ME has seen (FIRST_UICC_RECORDED)", uicc);
                return UiccCheck.FIRST_UICC_RECORDED;
            }
            LOG.info("UICC {} inserted in place of {} (DIFFERENT_UICC_KEYS_DELETED): all MBMS keys of the ME deleted",
                    uicc, before.uicc().get());
            return UiccCheck.DIFFERENT_UICC_KEYS_DELETED;
        });
    }

    /** The last UICC identity seen, if any. */
    public Optional<UiccId> uicc() {
        return read(UeKeyState::uicc);
    }

    // ---------------------------------------------------------------------------------------- MUK / MRK

    /**
     * Installs the MUK from a GBA run as the current MUK of {@code id.idi()}, replacing the previous current
     * one (TS 31.102: one MUK per IDi), and gives it the next install generation (the two-MSK rule's last
     * resort, {@link MskAge}). The last successfully used MUK is kept. The counter of a MUK ID that is
     * neither current nor last used any more is retired with a fingerprint of the MUK; installing the same
     * MUK ID with the same key again brings its counter back, a different key under that ID starts a new
     * counter (a MUK update, TS 33.246 §6.4.3).
     */
    public void installMuk(MukId id, SecretBytes muk) {
        StoredGbaKey entry = new StoredGbaKey(Objects.requireNonNull(id, "id"), Secrets.copy(Objects.requireNonNull(muk, "muk")));
        locked(() -> {
            UeKeyState before = storage.load();
            UeKeyStateDraft next = new UeKeyStateDraft(before);
            next.restoreMukCounter(id, entry.key());
            next.currentMuks().put(id.idi(), entry);
            next.lastMukGeneration++;
            next.mukGenerations().put(id, next.lastMukGeneration);
            next.dropCountersOfUnusableMuks();
            commit(before, next);
            return null;
        });
    }

    /** Stores the MRK from a GBA run for the BM-SC {@code id.idi()} (used for HTTP Digest, §6.2.1). */
    public void installMrk(MukId id, SecretBytes mrk) {
        StoredGbaKey entry = new StoredGbaKey(Objects.requireNonNull(id, "id"), Secrets.copy(Objects.requireNonNull(mrk, "mrk")));
        locked(() -> {
            UeKeyState before = storage.load();
            UeKeyStateDraft next = new UeKeyStateDraft(before);
            next.mrks().put(id.idi(), entry);
            commit(before, next);
            return null;
        });
    }

    /** The MRK stored for the BM-SC with this IDi, as a copy. */
    public Optional<StoredGbaKey> mrk(Bytes idi) {
        return read(s -> Optional.ofNullable(s.mrks().get(idi)).map(Secrets::copy));
    }

    /**
     * The MUK to verify an MSK message with: the current MUK of {@code id.idi()} if its ID is {@code id},
     * else the last successfully used MUK of that IDi if its ID is {@code id}, else
     * {@link KeyRejection#UNKNOWN_MUK}.
     */
    public KeyOutcome<MukKey> mukFor(MukId id) {
        Objects.requireNonNull(id, "id");
        return read(s -> findMuk(s, id)
                .<KeyOutcome<MukKey>>map(m -> KeyOutcome.accepted(copy(m)))
                .orElseGet(() -> unknownMuk(s, id, "MUK lookup")));
    }

    /**
     * The MUK ID under which this store holds the MUK that {@code received} (IDi ‖ IDr of a message) names: the
     * current or last used MUK ID with the same IDr and an IDi that names the same BM-SC, in any letter case
     * ({@link MukId#sameIgnoringIdiCase}); else {@code received} itself (which then finds no MUK). The reception asks
     * this when the exact MUK ID is unknown, so that a BM-SC that writes its FQDN in IDi as {@code BMSC.Example.org}
     * reaches the MUK bootstrapped for {@code bmsc.example.org}; the key rules then compare exactly.
     */
    public MukId heldIdFor(MukId received) {
        Objects.requireNonNull(received, "received");
        return read(s -> {
            for (Map<Bytes, StoredGbaKey> muks : List.of(s.currentMuks(), s.lastUsedMuks())) {
                for (StoredGbaKey held : muks.values()) {
                    if (held.id().sameIgnoringIdiCase(received)) {
                        return held.id();
                    }
                }
            }
            return received;
        });
    }

    /** The MUK ID of the current MUK for this IDi. */
    public Optional<MukId> currentMuk(Bytes idi) {
        return read(s -> Optional.ofNullable(s.currentMuks().get(idi)).map(StoredGbaKey::id));
    }

    /** The MUK ID of the last MUK an MSK message was successfully verified with, for this IDi. */
    public Optional<MukId> lastUsedMuk(Bytes idi) {
        return read(s -> Optional.ofNullable(s.lastUsedMuks().get(idi)).map(StoredGbaKey::id));
    }

    /** The replay counter of MSK messages stored for this MUK ID. */
    public Optional<TimestampCounter> counterFor(MukId id) {
        return read(s -> Optional.ofNullable(s.mukCounters().get(id)));
    }

    // ---------------------------------------------------------------------------------------- MSK messages

    /**
     * Phase 1 for an MSK message (§6.4.6.1 steps 1–2), read-only: finds the MUK for {@code mukId} and
     * checks that {@code counter} is newer than the counter stored for it.
     *
     * @return the MUK to verify the MAC with, or {@link KeyRejection#UNKNOWN_MUK} /
     *         {@link KeyRejection#REPLAYED_COUNTER}
     */
    public KeyOutcome<MukKey> checkMskCounter(MukId mukId, TimestampCounter counter) {
        Objects.requireNonNull(mukId, "mukId");
        Objects.requireNonNull(counter, "counter");
        return read(s -> {
            Optional<MukKey> muk = findMuk(s, mukId);
            if (muk.isEmpty()) {
                return unknownMuk(s, mukId, "MSK message");
            }
            Optional<KeyOutcome<MukKey>> replay = mukCounterRejection(s, mukId, counter);
            return replay.orElseGet(() -> KeyOutcome.accepted(copy(muk.get())));
        });
    }

    /**
     * Phase 2 for an MSK message whose MAC verified (§6.5.3): re-checks MUK and counter, then stores,
     * replaces, updates or invalidates the MSK, stores {@code counter} for {@code mukId} and marks that MUK
     * as the last successfully used one.
     *
     * @param msk the key from the KEMAC, or empty for a key-validity-only update
     * @param validity SEQl..SEQu from the key data; SEQl &gt; SEQu invalidates the MSK
     * @param rand the MIKEY-RAND of the message; stored with a delivered key for its MTK messages
     *        (TS 33.246 §6.5.4), ignored when the message carries no key (the stored one stays)
     * @param serviceType the service type of the MSK's Key Group (from the service announcement); stored
     *        with a delivered key, ignored when the message carries no key
     * @return the change, or {@link KeyRejection#UNKNOWN_MUK}, {@link KeyRejection#REPLAYED_COUNTER},
     *         {@link KeyRejection#NO_MSK_FOR_VALIDITY_UPDATE}, {@link KeyRejection#MSK_INVALIDATED}
     * @throws IllegalArgumentException if {@code mskId} has Key Number 0 (a solicited pull: use
     *         {@link #applySolicitedPull}), {@code msk} holds an empty key (use {@code Optional.empty()}) or
     *         a key comes with an empty {@code rand}
     */
    public KeyOutcome<MskUpdate> applyMsk(MukId mukId, TimestampCounter counter, KeyDomainId keyDomain,
                                          MskId mskId, Optional<SecretBytes> msk, KeyValidity validity,
                                          Bytes rand, ServiceType serviceType) {
        return applyMsk(mukId, counter, keyDomain, mskId, msk, validity, rand, serviceType, Optional.empty(),
                Optional.empty());
    }

    /**
     * {@link #applyMsk(MukId, TimestampCounter, KeyDomainId, MskId, Optional, KeyValidity, Bytes, ServiceType)} for
     * a streaming MSK message: its SP payload, if any, and its SRTP-ID map entry, both verified with the MAC, are
     * adopted with the message (§6.4.6.1 steps 3 and 5) and kept with the MSK stored or updated
     * ({@link StoredMsk#srtpPolicy()}, {@link StoredMsk#srtpCs()}). Without them, the MSK keeps its own, or a new MSK
     * takes those held for its Key Group (an SP is optional in an MSK message the UE did not ask for, §6.4.5.1).
     */
    public KeyOutcome<MskUpdate> applyMsk(MukId mukId, TimestampCounter counter, KeyDomainId keyDomain,
                                          MskId mskId, Optional<SecretBytes> msk, KeyValidity validity,
                                          Bytes rand, ServiceType serviceType, Optional<SecurityPolicyPayload> srtpPolicy,
                                          Optional<SrtpCsEntry> srtpCs) {
        Objects.requireNonNull(srtpPolicy, "srtpPolicy");
        Objects.requireNonNull(srtpCs, "srtpCs");
        Objects.requireNonNull(mukId, "mukId");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(msk, "msk");
        Objects.requireNonNull(rand, "rand");
        Objects.requireNonNull(serviceType, "serviceType");
        MskRef ref = MskRef.of(keyDomain, mskId);
        if (mskId.isCurrentMarker()) {
            throw new IllegalArgumentException("applyMsk: MSK ID " + mskId + " has Key Number 0, which in a BM-SC "
                    + "message marks a solicited pull (TS 33.246 §6.3.2.2.4); use applySolicitedPull for it");
        }
        if (msk.isPresent() && msk.get().isEmpty()) {
            throw new IllegalArgumentException("applyMsk: MSK " + ref
                    + " has an empty key; pass Optional.empty() for a key-validity-only update");
        }
        if (msk.isPresent() && rand.isEmpty()) {
            throw new IllegalArgumentException("applyMsk: MSK " + ref + " comes with an empty MIKEY-RAND; pass the "
                    + "RAND of the MSK message, which its MTK messages need (TS 33.246 §6.4.5.1, §6.5.4)");
        }
        return locked(() -> {
            UeKeyState before = storage.load();
            Optional<MukKey> muk = findMuk(before, mukId);
            if (muk.isEmpty()) {
                return unknownMuk(before, mukId, "MSK message for " + ref);
            }
            Optional<KeyOutcome<MskUpdate>> replay = mukCounterRejection(before, mukId, counter);
            if (replay.isPresent()) {
                return replay.get();
            }
            UeKeyStateDraft next = new UeKeyStateDraft(before);
            // The MAC verified: this MUK is now the last one successfully used (§6.3.2.2.4), which the
            // two-MSK rule below consults.
            next.mukCounters().put(mukId, counter);
            markLastUsed(next, muk.get());
            MskUpdate.Answer answer = muk.get().role() == MukKey.Role.CURRENT
                    ? MskUpdate.Answer.ACK_IF_ASKED : MskUpdate.Answer.REQUEST_MSK_NO_ACK;
            if (answer == MskUpdate.Answer.REQUEST_MSK_NO_ACK && !storesPushUnderLastUsedMuk) {
                commit(before, next);
                return KeyOutcome.accepted(new MskUpdate(MskChange.NOT_APPLIED, ref, Optional.empty(), answer));
            }
            MskStamp stamp = new MskStamp(mukId, next.mukGenerationOf(mukId), counter, answer);
            KeyOutcome<MskUpdate> outcome;
            if (validity.isInvalidation()) {
                outcome = invalidate(next, ref, stamp);
            } else if (msk.isEmpty()) {
                outcome = updateValidity(before, next, ref, validity, stamp);
            } else {
                outcome = storeMsk(before, next, ref, msk.get(), validity, rand, serviceType, stamp);
            }
            if (!outcome.isAccepted()) {
                return outcome;
            }
            if (serviceType == ServiceType.STREAMING) {   // a download MSK has neither SP nor SRTP-ID map
                adoptSrtp(next, ref, srtpPolicy, srtpCs);
            }
            commit(before, next);
            return outcome;
        });
    }

    /**
     * §6.4.6.1 step 5: the verified message's SP and SRTP-ID map entry, else the MSK's own, else those of its Key
     * Group's other MSK. An MSK this message evicted need not be asked: every accepted message of a group passes its
     * SP and entry on, so the MSK that stays holds them whenever the evicted one did.
     */
    private static void adoptSrtp(UeKeyStateDraft next, MskRef ref, Optional<SecurityPolicyPayload> receivedPolicy,
                                  Optional<SrtpCsEntry> receivedCs) {
        StoredMsk stored = next.msks().get(ref);
        if (stored == null) {
            return; // invalidated
        }
        Optional<SecurityPolicyPayload> policy = receivedPolicy.or(stored::srtpPolicy)
                .or(() -> fromGroup(next.msks().values(), ref, StoredMsk::srtpPolicy));
        Optional<SrtpCsEntry> cs = receivedCs.or(stored::srtpCs)
                .or(() -> fromGroup(next.msks().values(), ref, StoredMsk::srtpCs));
        if (!policy.equals(stored.srtpPolicy()) || !cs.equals(stored.srtpCs())) {
            next.msks().put(ref, stored.withSrtp(policy, cs));
        }
    }

    private static <T> Optional<T> fromGroup(Iterable<StoredMsk> msks, MskRef ref, Function<StoredMsk, Optional<T>> what) {
        for (StoredMsk other : msks) {
            if (!other.ref().equals(ref) && other.ref().sameGroupAs(ref) && what.apply(other).isPresent()) {
                return what.apply(other);
            }
        }
        return Optional.empty();
    }

    /**
     * Phase 2 for a verified solicited-pull message (MSK ID with Key Number 0, no key; §6.3.2.2.4):
     * re-checks MUK and counter, stores the counter and marks the MUK as last used.
     *
     * @return the "current MSK" reference of the Key Group the UE should now request with a Basic MSK
     *         request (§6.3.2.2.1), or {@link KeyRejection#UNKNOWN_MUK} / {@link KeyRejection#REPLAYED_COUNTER}
     */
    public KeyOutcome<MskRef> applySolicitedPull(MukId mukId, TimestampCounter counter, KeyDomainId keyDomain,
                                                 KeyGroup keyGroup) {
        Objects.requireNonNull(mukId, "mukId");
        Objects.requireNonNull(counter, "counter");
        MskRef wanted = MskRef.of(keyDomain, MskId.current(keyGroup));
        return locked(() -> {
            UeKeyState before = storage.load();
            Optional<MukKey> muk = findMuk(before, mukId);
            if (muk.isEmpty()) {
                return unknownMuk(before, mukId, "solicited pull for " + wanted);
            }
            Optional<KeyOutcome<MskRef>> replay = mukCounterRejection(before, mukId, counter);
            if (replay.isPresent()) {
                return replay.get();
            }
            UeKeyStateDraft next = new UeKeyStateDraft(before);
            next.mukCounters().put(mukId, counter);
            markLastUsed(next, muk.get());
            commit(before, next);
            return KeyOutcome.accepted(wanted);
        });
    }

    /** The accepted MSK message, as the MSKs it touches remember it ({@link MskAge}), and the answer due. */
    private record MskStamp(MukId mukId, long mukGeneration, TimestampCounter counter, MskUpdate.Answer answer) {

        StoredMsk applyTo(StoredMsk msk) {
            return msk.touchedBy(mukId, mukGeneration, counter);
        }
    }

    private static KeyOutcome<MskUpdate> invalidate(UeKeyStateDraft next, MskRef ref, MskStamp stamp) {
        next.deleteMsk(ref);
        next.invalidatedMsks().add(ref);
        return KeyOutcome.accepted(new MskUpdate(MskChange.INVALIDATED, ref, Optional.empty(), stamp.answer()));
    }

    private static KeyOutcome<MskUpdate> updateValidity(UeKeyState before, UeKeyStateDraft next, MskRef ref,
                                                        KeyValidity validity, MskStamp stamp) {
        StoredMsk held = before.msks().get(ref);
        if (held == null) {
            return before.invalidatedMsks().contains(ref)
                    ? reject(KeyRejection.MSK_INVALIDATED, "key validity update " + validity + " for MSK " + ref
                            + ": that MSK was invalidated (SEQl > SEQu, TS 33.246 §6.3.2.1B) and its key deleted; "
                            + "only a delivery with the key can bring it back")
                    : reject(KeyRejection.NO_MSK_FOR_VALIDITY_UPDATE, "key validity update " + validity
                            + " for MSK " + ref + ": the message carries no key and the UE holds no such MSK "
                            + "(TS 33.246 §6.5.3); the MSK itself must be delivered first");
        }
        next.msks().put(ref, stamp.applyTo(held.withValidity(validity)));
        next.dropMtksOutside(ref, validity);
        return KeyOutcome.accepted(new MskUpdate(MskChange.VALIDITY_UPDATED, ref, Optional.empty(), stamp.answer()));
    }

    private static KeyOutcome<MskUpdate> storeMsk(UeKeyState before, UeKeyStateDraft next, MskRef ref,
                                                  SecretBytes key, KeyValidity validity, Bytes rand,
                                                  ServiceType serviceType, MskStamp stamp) {
        StoredMsk held = before.msks().get(ref);
        if (held != null) {
            boolean sameKey = held.key().equals(key);
            StoredMsk replaced = sameKey
                    ? held.withKey(held.key(), validity, rand, serviceType)
                    : held.withKey(Secrets.copy(key), validity, rand, serviceType).withoutMtkState();
            if (sameKey) {
                next.dropMtksOutside(ref, validity);
            } else {
                next.dropMtksOf(ref);
            }
            next.msks().put(ref, stamp.applyTo(replaced));
            return KeyOutcome.accepted(new MskUpdate(MskChange.REPLACED, ref, Optional.empty(), stamp.answer()));
        }
        // §6.5.3: with two MSKs of this Key Group already stored, keep the newer and delete the older.
        Optional<MskRef> evicted = olderOfTwo(before, ref, next.lastUsedMuksNow());
        evicted.ifPresent(next::deleteMsk);
        next.msks().put(ref, next.withRetiredMtkState(new StoredMsk(ref, Secrets.copy(key), validity, rand, serviceType,
                stamp.mukId(), stamp.mukGeneration(), stamp.counter(), Optional.empty(), Optional.empty())));
        next.forgetInvalidation(ref);
        return KeyOutcome.accepted(new MskUpdate(MskChange.STORED, ref, evicted, stamp.answer()));
    }

    /**
     * The older of the two MSKs of {@code ref}'s Key Group held in {@code before}, if there are two (there are
     * never more). A plain loop: this runs at every MSK delivery, and the group's MSKs are at most two.
     */
    private static Optional<MskRef> olderOfTwo(UeKeyState before, MskRef ref, Map<Bytes, StoredGbaKey> lastUsedMuks) {
        StoredMsk first = null;
        StoredMsk second = null;
        for (StoredMsk m : before.msks().values()) {
            if (m.ref().sameGroupAs(ref)) {
                if (first == null) {
                    first = m;
                } else {
                    second = m;
                }
            }
        }
        if (second == null) {
            return Optional.empty();
        }
        return Optional.of(MskAge.older(first, second, lastUsedMuks).ref());
    }

    // ---------------------------------------------------------------------------------------- MTK messages

    /**
     * Phase 1 for an MTK message (§6.4.6.2 steps 1–3), read-only.
     *
     * @return the MSK to verify and decrypt with, with the MIKEY-RAND stored with it (the PRF input for the
     *         MTK message's keys, TS 33.246 §6.5.4) and its service type, or {@link KeyRejection#UNKNOWN_KEY},
     *         {@link KeyRejection#MSK_INVALIDATED}, {@link KeyRejection#REPLAYED_COUNTER},
     *         {@link KeyRejection#OUTSIDE_VALIDITY}, {@link KeyRejection#STALE_MTK_ID}
     */
    public KeyOutcome<MskKey> checkMtk(KeyDomainId keyDomain, MskId mskId, TimestampCounter counter, MtkId mtkId) {
        MskRef ref = MskRef.of(keyDomain, mskId);
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(mtkId, "mtkId");
        return read(s -> {
            Optional<KeyOutcome<MskKey>> rejected = mtkRejection(s, ref, counter, mtkId);
            if (rejected.isPresent()) {
                return rejected.get();
            }
            StoredMsk held = s.msks().get(ref);
            return KeyOutcome.accepted(mskKeyOf(held));
        });
    }

    /**
     * Phase 2 for an MTK message whose MAC verified: re-checks the rules of {@link #checkMtk}, then stores
     * the MTK (and salt) as the current MTK of the MSK, with its MTK ID, counter and CSB ID (which the download keys
     * of the MTK are derived with, {@link #dcfKeys}).
     *
     * @return the new current MTK (copies), or the rejections of {@link #checkMtk}, or
     *         {@link KeyRejection#MTK_LENGTH_DIFFERS_FROM_POLICY} if the SRTP policy held for the MSK states another
     *         master key length
     * @throws IllegalArgumentException if {@code mtk} or a present {@code salt} is empty
     */
    public KeyOutcome<CurrentMtk> applyMtk(KeyDomainId keyDomain, MskId mskId, TimestampCounter counter, MtkId mtkId,
                                           CsbId csbId, SecretBytes mtk, Optional<SecretBytes> salt) {
        MskRef ref = MskRef.of(keyDomain, mskId);
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(mtkId, "mtkId");
        Objects.requireNonNull(csbId, "csbId");
        Objects.requireNonNull(salt, "salt");
        if (mtk.isEmpty() || salt.map(SecretBytes::isEmpty).orElse(false)) {
            throw new IllegalArgumentException("applyMtk: MTK " + mtkId + " under MSK " + ref
                    + " has an empty MTK or salt; pass the key material, and Optional.empty() when there is no salt");
        }
        return locked(() -> {
            UeKeyState before = storage.load();
            Optional<KeyOutcome<CurrentMtk>> rejected = mtkRejection(before, ref, counter, mtkId);
            if (rejected.isPresent()) {
                return rejected.get();
            }
            StoredMsk held = before.msks().get(ref);
            OptionalInt policyLength = held.srtpPolicy().map(MbmsSrtpPolicy::masterKeyLength).orElse(OptionalInt.empty());
            if (policyLength.isPresent() && policyLength.getAsInt() != mtk.length()) {
                // RFC 3830 §6.10.1: the SP's session encryption key length is the SRTP master key length, and the
                // MTK is the master key (§6.6.2.1); SRTP could not use this MTK with the policy the UE adopted.
                return KeyOutcome.rejected(KeyRejection.MTK_LENGTH_DIFFERS_FROM_POLICY, "MTK " + mtkId + " under MSK " + ref
                        + " is " + mtk.length() + " bytes; the SRTP policy of its Key Group gives a master key length of "
                        + policyLength.getAsInt() + " (RFC 3830 §6.10.1, TS 33.246 §6.6.2.1)");
            }
            StoredMtk stored = new StoredMtk(ref, mtkId, counter, Optional.of(csbId), Secrets.copy(mtk),
                    Secrets.copy(salt));
            UeKeyStateDraft next = new UeKeyStateDraft(before);
            // §6.5.4: "the MGV-F shall update SEQl with SEQp value"; the ME keeps the MTK ID as its current one.
            next.msks().put(ref, before.msks().get(ref).withMtkAccepted(mtkId, counter));
            // §6.5.4: with two MTKs of this session held, "keep the newer and delete the older".
            List<StoredMtk> sameSession = next.mtks().stream().filter(m -> m.msk().sameGroupAs(ref)).toList();
            if (sameSession.size() >= 2) {
                next.mtks().remove(sameSession.get(0));
            }
            next.mtks().add(stored);
            commit(before, next);
            return KeyOutcome.accepted(currentMtkOf(stored, held));
        });
    }

    /**
     * True if {@code counter} and {@code mtkId} are those of the MTK message this store accepted last under this MSK.
     * A BM-SC sends the current MTK message again periodically (TS 33.246 §6.3.3.2.2), and each copy carries both
     * again; {@link #checkMtk} refuses it as not newer, and this tells such a repeat from an older message.
     */
    public boolean isLastAcceptedMtk(KeyDomainId keyDomain, MskId mskId, TimestampCounter counter, MtkId mtkId) {
        MskRef ref = MskRef.of(keyDomain, mskId);
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(mtkId, "mtkId");
        return read(s -> {
            StoredMsk held = s.msks().get(ref);
            return held != null && held.currentMtkId().equals(Optional.of(mtkId))
                    && held.mtkCounter().equals(Optional.of(counter));
        });
    }

    /**
     * The most recent MTK held under this MSK, as copies; empty if none was accepted, or if two later MTKs
     * of its session replaced it.
     */
    public Optional<CurrentMtk> currentMtk(KeyDomainId keyDomain, MskId mskId) {
        MskRef ref = MskRef.of(keyDomain, mskId);
        return read(s -> newestFirst(s).filter(m -> m.msk().equals(ref)).findFirst().map(m -> currentMtkOf(s, m)));
    }

    /**
     * The MTKs held for the session of this Key Domain ID and Key Group, newest first (at most two: the ME
     * keeps "the two most recent MTKs used per MBMS streaming or download session", TS 33.246 §6.5.4, and one
     * Key Group protects one session, §4.2), as copies.
     */
    public List<CurrentMtk> mtks(KeyDomainId keyDomain, KeyGroup keyGroup) {
        Objects.requireNonNull(keyDomain, "keyDomain");
        Objects.requireNonNull(keyGroup, "keyGroup");
        return read(s -> newestFirst(s)
                .filter(m -> m.msk().keyDomain().equals(keyDomain) && m.msk().keyGroup().equals(keyGroup))
                .map(m -> currentMtkOf(s, m)).toList());
    }

    /**
     * The MTK held with this Key Domain ID, MSK ID and MTK ID, as copies: the lookup behind an SRTP MKI
     * (MSK ID ‖ MTK ID, TS 33.246 §6.6.2.1) or a download key ID.
     */
    public Optional<CurrentMtk> mtk(KeyDomainId keyDomain, MskId mskId, MtkId mtkId) {
        MskRef ref = MskRef.of(keyDomain, mskId);
        Objects.requireNonNull(mtkId, "mtkId");
        return read(s -> s.mtks().stream().filter(m -> m.msk().equals(ref) && m.mtkId().equals(mtkId)).findFirst()
                .map(m -> currentMtkOf(s, m)));
    }

    /**
     * The OMA DRM DCF keys of the file whose KeyID is {@code keyId} (TS 33.246 §6.6.3.2: Key Domain ID ‖ MSK ID ‖ MTK
     * ID): derived with {@code suite} from the download MTK held under that ID, the CSB ID of its MTK message and the
     * MIKEY-RAND of its MSK, as §6.5.4 asks ("The derived authentication and encryption keys shall be provided to the
     * download protection protocol"; {@link DcfKeys}). Copies the caller destroys.
     *
     * @return the keys; empty if no such MTK is held (not received yet, or two newer ones of its session replaced it,
     *         §6.5.4), if its MSK is a streaming one (an SRTP master key has no DCF keys), or if it was stored without
     *         its CSB ID (by a release before 2026-12-06)
     */
    public Optional<DcfKeys> dcfKeys(DcfKeyId keyId, CryptoSuite suite) {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(suite, "suite");
        MskRef ref = MskRef.of(keyId.keyDomainId(), keyId.mskId());
        return read(s -> {
            StoredMsk msk = s.msks().get(ref);
            if (msk == null || msk.serviceType() != ServiceType.DOWNLOAD) {
                return Optional.empty();
            }
            for (StoredMtk m : s.mtks()) {
                if (m.msk().equals(ref) && m.mtkId().equals(keyId.mtkId())) {
                    return m.csbId().map(csbId -> DcfKeys.derive(keyId, m.key(), csbId, msk.rand(), suite));
                }
            }
            return Optional.empty();
        });
    }

    /**
     * Deletes the MTKs held for the session of this Key Domain ID and Key Group: "Any MTKs stored in
     * association with a particular MBMS streaming or download session should be deleted at the end of that
     * session" (TS 33.246 §6.5.4). The MSKs and their MTK replay state (current MTK ID, counter) stay, so
     * MTK messages seen before are still refused.
     *
     * @return how many MTKs were deleted
     */
    public int endSession(KeyDomainId keyDomain, KeyGroup keyGroup) {
        Objects.requireNonNull(keyDomain, "keyDomain");
        Objects.requireNonNull(keyGroup, "keyGroup");
        return locked(() -> {
            UeKeyState before = storage.load();
            UeKeyStateDraft next = new UeKeyStateDraft(before);
            next.mtks().removeIf(m -> m.msk().keyDomain().equals(keyDomain) && m.msk().keyGroup().equals(keyGroup));
            int deleted = before.mtks().size() - next.mtks().size();
            if (deleted > 0) {
                commit(before, next);
            }
            return deleted;
        });
    }

    private static Stream<StoredMtk> newestFirst(UeKeyState s) {
        List<StoredMtk> mtks = s.mtks();
        return IntStream.range(0, mtks.size()).mapToObj(i -> mtks.get(mtks.size() - 1 - i));
    }

    private static <T> Optional<KeyOutcome<T>> mtkRejection(UeKeyState s, MskRef ref, TimestampCounter counter,
                                                            MtkId mtkId) {
        StoredMsk held = s.msks().get(ref);
        String where = "MTK message with MTK ID " + mtkId + " under MSK " + ref + ": ";
        if (held == null) {
            return Optional.of(s.invalidatedMsks().contains(ref)
                    ? reject(KeyRejection.MSK_INVALIDATED, where + "that MSK was invalidated (SEQl > SEQu, "
                            + "TS 33.246 §6.3.2.1B); MTKs are accepted again after a new delivery of the MSK")
                    : reject(KeyRejection.UNKNOWN_KEY, where + "the UE holds no such MSK (TS 33.246 §6.4.6.2); "
                            + "MTKs are accepted only under a held MSK, the UE may request it (§6.3.2.2.3)"));
        }
        Optional<TimestampCounter> stored = held.mtkCounter();
        if (stored.isPresent() && !counter.isNewerThan(stored.get())) {
            return Optional.of(reject(KeyRejection.REPLAYED_COUNTER, where + "counter " + counter
                    + " is not newer (RFC 1982) than the counter " + stored.get()
                    + " stored for this MSK (TS 33.246 §6.4.6.2 step 2); only counters newer than "
                    + stored.get() + " are accepted"));
        }
        Optional<MtkId> currentId = held.currentMtkId();
        KeyValidity validity = held.validity();
        return MtkIdRule.check(validity, currentId, mtkId).map(reason -> reason == KeyRejection.OUTSIDE_VALIDITY
                ? reject(reason, where + "MTK ID " + mtkId + " is outside the key validity " + validity
                        + " of the MSK: TS 33.246 §6.5.4 admits SEQl < MTK ID <= SEQu, so only MTK IDs above "
                        + validity.seqLow() + " up to " + validity.seqHigh() + " are accepted")
                : reject(reason, where + "MTK ID " + mtkId + " is not greater than the current MTK ID "
                        + currentId.orElseThrow() + " (TS 33.246 §6.4.6.2 step 3); only MTK IDs above "
                        + currentId.orElseThrow() + " are accepted"));
    }

    // ---------------------------------------------------------------------------------------- queries

    /**
     * The MSKs held, with copies of their keys: by Key Domain ID and Key Group, and within a Key Group the
     * older first, in the order of the two-MSK rule (TS 33.246 §6.5.3, {@link MskAge}).
     */
    public List<MskKey> msks() {
        return read(s -> s.msks().values().stream()
                .sorted(MskAge.olderFirst(s.lastUsedMuks()))
                .map(UeKeyStore::mskKeyOf)
                .toList());
    }

    /** The MSK held under this identity, with a copy of its key. */
    public Optional<MskKey> msk(MskRef ref) {
        return read(s -> Optional.ofNullable(s.msks().get(ref)).map(UeKeyStore::mskKeyOf));
    }

    /** True if this MSK was invalidated and not delivered again since. */
    public boolean isInvalidated(MskRef ref) {
        return read(s -> s.invalidatedMsks().contains(ref));
    }

    /**
     * The whole stored state with copies of every key: for tests ("a rejection changes nothing") and
     * diagnostics. Its {@code toString()} shows no key material.
     */
    public UeKeyState snapshot() {
        return read(Secrets::deepCopy);
    }

    // ---------------------------------------------------------------------------------------- internals

    private static Optional<MukKey> findMuk(UeKeyState s, MukId id) {
        StoredGbaKey current = s.currentMuks().get(id.idi());
        if (current != null && current.id().equals(id)) {
            return Optional.of(new MukKey(id, current.key(), MukKey.Role.CURRENT));
        }
        StoredGbaKey lastUsed = s.lastUsedMuks().get(id.idi());
        if (lastUsed != null && lastUsed.id().equals(id)) {
            return Optional.of(new MukKey(id, lastUsed.key(), MukKey.Role.LAST_USED));
        }
        return Optional.empty();
    }

    private static <T> KeyOutcome<T> unknownMuk(UeKeyState s, MukId id, String what) {
        String current = Optional.ofNullable(s.currentMuks().get(id.idi())).map(k -> k.id().toString()).orElse("none");
        String lastUsed = Optional.ofNullable(s.lastUsedMuks().get(id.idi())).map(k -> k.id().toString()).orElse("none");
        return reject(KeyRejection.UNKNOWN_MUK, what + ": no current or last used MUK has " + id
                + " (TS 33.246 §6.4.6.1 step 1); for this IDi the current MUK is " + current
                + " and the last used MUK is " + lastUsed + "; a GBA run installs a new MUK");
    }

    private static <T> Optional<KeyOutcome<T>> mukCounterRejection(UeKeyState s, MukId id, TimestampCounter counter) {
        TimestampCounter stored = s.mukCounters().get(id);
        if (stored == null || counter.isNewerThan(stored)) {
            return Optional.empty();
        }
        return Optional.of(reject(KeyRejection.REPLAYED_COUNTER, "MSK message for " + id + ": counter " + counter
                + " is not newer (RFC 1982) than the counter " + stored + " stored for this MUK "
                + "(TS 33.246 §6.4.6.1 step 2); only counters newer than " + stored + " are accepted"));
    }

    private static void markLastUsed(UeKeyStateDraft next, MukKey muk) {
        if (next.holdsAsLastUsed(muk)) {
            return; // already the last used MUK, same key object: nothing changes
        }
        next.lastUsedMuks().put(muk.id().idi(), new StoredGbaKey(muk.id(), muk.key()));
        next.dropCountersOfUnusableMuks();
    }

    private static <T> KeyOutcome<T> reject(KeyRejection reason, String detail) {
        LOG.debug("key rule rejected: {}: {}", reason, detail);
        return KeyOutcome.rejected(reason, detail);
    }

    private static MukKey copy(MukKey m) {
        return new MukKey(m.id(), Secrets.copy(m.key()), m.role());
    }

    private static MskKey mskKeyOf(StoredMsk m) {
        return new MskKey(m.ref(), Secrets.copy(m.key()), m.validity(), m.rand(), m.serviceType());
    }

    private static CurrentMtk currentMtkOf(UeKeyState s, StoredMtk m) {
        return currentMtkOf(m, s.msks().get(m.msk()));
    }

    private static CurrentMtk currentMtkOf(StoredMtk m, StoredMsk under) {
        return new CurrentMtk(m.msk(), m.mtkId(), m.counter(), Secrets.copy(m.key()), Secrets.copy(m.salt()),
                under.srtpPolicy(), under.srtpCs());
    }

    private void commit(UeKeyState before, UeKeyStateDraft next) {
        UeKeyState after = next.build();
        storage.store(after);
        Secrets.destroyDropped(before, after);
    }

    private <T> T read(Function<UeKeyState, T> query) {
        return locked(() -> query.apply(storage.load()));
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
