package org.mbmskeys.mbms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistry;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;
import org.mbmskeys.mbms.bmsc.keys.MtkAllocation;
import org.mbmskeys.mbms.bmsc.keys.RegisteredMsk;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyMaterialSource;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ProtectingKey;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.MikeyPayload;
import org.mbmskeys.mbms.mikey.PayloadType;
import org.mbmskeys.mbms.mikey.RandPayload;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.protection.MikeyOpener;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MikeyRejection;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MskDelivery;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.mikey.protection.MtkDelivery;
import org.mbmskeys.mbms.mikey.protection.MtkMessage;
import org.mbmskeys.mbms.mikey.protection.OpenResult;
import org.mbmskeys.mbms.mikey.protection.OpenedMsk;
import org.mbmskeys.mbms.mikey.protection.OpenedMtk;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;
import org.mbmskeys.mbms.ue.keys.KeyOutcome;
import org.mbmskeys.mbms.ue.keys.KeyRejection;
import org.mbmskeys.mbms.ue.keys.MskChange;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.keys.MskUpdate;
import org.mbmskeys.mbms.ue.keys.MukKey;
import org.mbmskeys.mbms.ue.keys.UeKeyState;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccId;

/**
 * End to end, the pieces of issue 7 together: the BM-SC's {@link KeyRegistry} and {@link MikeySealer} on one
 * side, and on the other the UE's {@link MikeyReader}, {@link UeKeyStore} and {@link MikeyOpener}, exchanging
 * nothing but message bytes, for a download and a streaming Key Group. It proves these clauses of
 * TS 33.246 V16.0.0:
 *
 * <ul>
 *   <li><b>§6.4.5.1</b>: "For a specific MSK (identified by the MSK ID including the Key Number part) [...] the
 *       same MIKEY-RAND shall be used in MSK delivery messages for all UEs": the registry draws one RAND at
 *       rotation, both UEs' MSK messages carry it, and both open the one multicast MTK message with it.</li>
 *   <li><b>§6.4.5.3 and its NOTE</b>: the MTK message is HDR, EXT, T, KEMAC, without a RAND payload (the keys
 *       of the MTK message come from the MIKEY-RAND of the MSK); the MTK travels as TEK+SALT with a 112-bit
 *       salt for streaming and as TGK without salt for download, and a UE refuses the other shape.</li>
 *   <li><b>§6.5.4</b>: the MGV-F derives the MTK message's keys with "the MIKEY-RAND stored together with the
 *       MSK", so a message sealed with any other RAND fails the MAC; and the MTK is accepted only if
 *       SEQl &lt; MTK ID ≤ SEQu (SEQl itself and SEQu + 1 are refused; the BM-SC's first MTK ID is SEQl + 1),
 *       after which SEQl becomes the MTK ID.</li>
 *   <li><b>§6.4.6.1</b> (MSK message at the UE): the MUK is found by IDi ‖ IDr, the counter is checked
 *       against the one stored for that MUK before the MAC, the SP is kept aside until the MAC verifies, then
 *       the MSK is stored; a replayed MSK message is refused.</li>
 *   <li><b>§6.4.6.2</b> (MTK message at the UE): the MSK is found by Key Domain ID and MSK ID, the counter and
 *       the MTK ID are checked before the MAC, the MAC is verified with the MSK, then the MTK (and salt) is
 *       stored; a replayed MTK message is refused.</li>
 * </ul>
 *
 * <p>Every refusal is asserted by its typed reason ({@link KeyRejection} from the key store,
 * {@link MikeyRejection} from the reader or opener) and with the UE's key store snapshot unchanged.
 */
class UeReceptionAlignmentTest {

    private static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    private static final KeyGroup GROUP = KeyGroup.of(0x0007);
    private static final KeyValidity VALIDITY = KeyValidity.of(10, 20);
    private static final String BMSC = "bmsc.example.org";
    private static final String BTID_A = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org";
    private static final String BTID_B = "AAECAwQFBgcICQoLDA0ODw==@bsf.example.org";
    private static final SecretBytes MUK_A =
            SecretBytes.ofHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final SecretBytes MUK_B =
            SecretBytes.ofHex("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");
    /** A streaming session: SRTP-ID map entry (Policy_no 0, SSRC, ROC 0) and the RFC 4771 SP with R = 10. */
    private static final StreamingSession SESSION = StreamingSession.of(0x5eed5eedL, 0, 10, SrtpAuthentication.RCCM1);

    // ------------------------------------------------------------------------------------ happy path

    @ParameterizedTest
    @EnumSource(ServiceType.class)
    void theUeHoldsExactlyTheMskAndMtkTheBmscMade(ServiceType type) {
        Bmsc bmsc = new Bmsc(type);
        RegisteredMsk msk = bmsc.rotate();
        Ue ueA = new Ue(BTID_A, MUK_A);
        Ue ueB = new Ue(BTID_B, MUK_B);

        // §6.4.5.1: one RAND per MSK, the same in every UE's MSK message.
        Bytes toA = bmsc.mskMessage(msk, BTID_A, MUK_A);
        Bytes toB = bmsc.mskMessage(msk, BTID_B, MUK_B);
        assertThat(toA).isNotEqualTo(toB);
        assertThat(readAs(toA, MskMessage.class).rand()).isEqualTo(msk.rand());
        assertThat(readAs(toB, MskMessage.class).rand()).isEqualTo(msk.rand());

        Received<MskUpdate> mskAtA = ueA.receiveMsk(toA);
        Received<MskUpdate> mskAtB = ueB.receiveMsk(toB);
        assertThat(mskAtA.value().change()).isEqualTo(MskChange.STORED);
        assertThat(mskAtB.value().change()).isEqualTo(MskChange.STORED);

        // The MSK message announced the service type; a streaming one carried the map entry and the SP,
        // adopted only once the MAC verified (§6.4.6.1).
        OpenedMsk opened = ueA.lastOpenedMsk;
        assertThat(opened.serviceType()).isEqualTo(type);
        assertThat(opened.srtpCsEntry()).isEqualTo(type == ServiceType.STREAMING
                ? Optional.of(SESSION.srtpCs()) : Optional.empty());
        assertThat(opened.securityPolicy()).isEqualTo(type == ServiceType.STREAMING
                ? Optional.of(SESSION.policy()) : Optional.empty());

        for (Ue ue : new Ue[] {ueA, ueB}) {
            assertThat(ue.store.msks()).singleElement().satisfies(held -> {
                assertThat(held.ref()).isEqualTo(msk.ref());
                assertThat(held.key()).isEqualTo(msk.key());
                assertThat(held.validity()).isEqualTo(msk.validity());
                assertThat(held.rand()).isEqualTo(msk.rand());
                assertThat(held.serviceType()).isEqualTo(type);
            });
        }

        // The MTK: the first ID is SEQl + 1; the message is multicast, one set of bytes for every UE.
        MtkAllocation.Allocated mtk = bmsc.nextMtk(msk);
        assertThat(mtk.mtkId()).isEqualTo(MtkId.of(VALIDITY.seqLow().value() + 1));
        assertThat(mtk.salt().isPresent()).isEqualTo(type == ServiceType.STREAMING);
        SecretBytes expectedMtk = copy(mtk.mtk());
        Optional<SecretBytes> expectedSalt = mtk.salt().map(UeReceptionAlignmentTest::copy);
        Bytes mtkWire = bmsc.mtkMessage(msk, mtk);

        // §6.4.5.3 NOTE: no RAND payload, and the RAND's bytes appear nowhere in the message.
        MtkMessage mtkMessage = readAs(mtkWire, MtkMessage.class);
        assertThat(mtkMessage.decoded().message().payloads()).extracting(MikeyPayload::type)
                .containsExactly(PayloadType.GENERAL_EXTENSION, PayloadType.T, PayloadType.KEMAC);
        assertThat(mtkMessage.decoded().message().find(RandPayload.class)).isEmpty();
        assertThat(indexOf(mtkWire, msk.rand())).isEqualTo(-1);
        assertThat(indexOf(toA, msk.rand())).isPositive();

        for (Ue ue : new Ue[] {ueA, ueB}) {
            // §6.4.6.2: the key store hands back the MSK with the RAND and service type stored with it.
            KeyOutcome<MskKey> check = ue.store.checkMtk(DOMAIN, mtkMessage.mskId(), mtkMessage.counter(),
                    mtkMessage.mtkId());
            assertThat(check.value().rand()).isEqualTo(msk.rand());
            assertThat(check.value().serviceType()).isEqualTo(type);
            check.value().key().destroy();

            CurrentMtk held = ue.receiveMtk(mtkWire).value();
            assertThat(held.msk()).isEqualTo(msk.ref());
            assertThat(held.mtkId()).isEqualTo(mtk.mtkId());
            assertThat(held.key()).isEqualTo(expectedMtk);
            assertThat(held.salt()).isEqualTo(expectedSalt);
            assertThat(held.salt().map(SecretBytes::length)).isEqualTo(
                    type == ServiceType.STREAMING ? Optional.of(14) : Optional.empty());
            assertThat(ue.store.mtks(DOMAIN, GROUP)).singleElement()
                    .satisfies(m -> assertThat(m.key()).isEqualTo(expectedMtk));

            // §6.5.4: SEQl < MTK ID <= SEQu held, and SEQl is now the MTK ID.
            assertThat(held.mtkId().value()).isGreaterThan(VALIDITY.seqLow().value())
                    .isLessThanOrEqualTo(VALIDITY.seqHigh().value());
            assertThat(ue.store.msks()).singleElement().satisfies(m -> {
                assertThat(m.key()).isEqualTo(msk.key());
                assertThat(m.validity()).isEqualTo(VALIDITY.withSeqLow(mtk.mtkId()));
            });
        }
    }

    // ------------------------------------------------------------------------------------ MSK message refused

    /** §6.4.6.1 step 2: the same MSK message again carries a counter that is not newer for its MUK. */
    @ParameterizedTest
    @EnumSource(ServiceType.class)
    void aReplayedMskMessageIsRefusedAndChangesNothing(ServiceType type) {
        Bmsc bmsc = new Bmsc(type);
        RegisteredMsk msk = bmsc.rotate();
        Ue ue = new Ue(BTID_A, MUK_A);
        Bytes mskWire = bmsc.mskMessage(msk, BTID_A, MUK_A);
        ue.receiveMsk(mskWire).value();

        ue.assertRefusedUnchanged(KeyRejection.REPLAYED_COUNTER, () -> ue.receiveMsk(mskWire));
    }

    // ------------------------------------------------------------------------------------ MTK message refused

    /** §6.4.6.2 step 2: the MTK counter of that MSK is not newer. */
    @ParameterizedTest
    @EnumSource(ServiceType.class)
    void aReplayedMtkMessageIsRefusedAndChangesNothing(ServiceType type) {
        Bmsc bmsc = new Bmsc(type);
        RegisteredMsk msk = bmsc.rotate();
        Ue ue = new Ue(BTID_A, MUK_A);
        ue.receiveMsk(bmsc.mskMessage(msk, BTID_A, MUK_A)).value();
        Bytes mtkWire = bmsc.mtkMessage(msk, bmsc.nextMtk(msk));
        ue.receiveMtk(mtkWire).value();

        ue.assertRefusedUnchanged(KeyRejection.REPLAYED_COUNTER, () -> ue.receiveMtk(mtkWire));
    }

    /**
     * §6.5.4 and §6.4.5.3 NOTE: the UE opens an MTK message with the RAND stored with the MSK. An MTK message
     * whose keys came from any other RAND (here: a fresh per-message RAND, as before the alignment) fails the
     * MAC; the key store is not touched, so the correctly sealed message with the same MTK ID and a later
     * counter is still accepted.
     */
    @ParameterizedTest
    @EnumSource(ServiceType.class)
    void anMtkMessageSealedWithAnotherRandFailsTheMacAndChangesNothing(ServiceType type) {
        Bmsc bmsc = new Bmsc(type);
        RegisteredMsk msk = bmsc.rotate();
        Ue ue = new Ue(BTID_A, MUK_A);
        ue.receiveMsk(bmsc.mskMessage(msk, BTID_A, MUK_A)).value();
        MtkAllocation.Allocated mtk = bmsc.nextMtk(msk);
        Bytes otherRand = Bytes.ofHex("ffeeddccbbaa99887766554433221100");
        assertThat(otherRand).isNotEqualTo(msk.rand());

        Bytes wrongRand = bmsc.sealer.seal(new MtkDelivery(bmsc.csbId(), DOMAIN, msk.ref().mskId(), mtk.mtkId(), type,
                mtk.mtk(), mtk.salt(), bmsc.nextMtkCounter(msk), otherRand), msk.key());
        Received<CurrentMtk> refused = ue.assertRefusedUnchanged(MikeyRejection.BAD_MAC, () -> ue.receiveMtk(wrongRand));
        assertThat(refused.stage()).isEqualTo("MikeyOpener.open(MtkMessage)");

        CurrentMtk held = ue.receiveMtk(bmsc.mtkMessage(msk, mtk)).value();
        assertThat(held.mtkId()).isEqualTo(mtk.mtkId());
    }

    /**
     * §6.4.5.3: the MTK of a download Key Group travels as TGK without salt, that of a streaming Key Group as
     * TEK+SALT. An MTK message of the other shape under the UE's MSK (right key, right RAND) is refused: the
     * UE opens it as the service type stored with the MSK, not as whatever the message claims.
     */
    @ParameterizedTest
    @EnumSource(ServiceType.class)
    void anMtkMessageOfTheOtherServiceTypeIsRefusedAndChangesNothing(ServiceType type) {
        Bmsc bmsc = new Bmsc(type);
        RegisteredMsk msk = bmsc.rotate();
        Ue ue = new Ue(BTID_A, MUK_A);
        ue.receiveMsk(bmsc.mskMessage(msk, BTID_A, MUK_A)).value();
        MtkAllocation.Allocated mtk = bmsc.nextMtk(msk);
        ServiceType other = type == ServiceType.STREAMING ? ServiceType.DOWNLOAD : ServiceType.STREAMING;
        Optional<SecretBytes> otherSalt = other == ServiceType.STREAMING
                ? Optional.of(SecretBytes.ofHex("a1a2a3a4a5a6a7a8a9aaabacadae")) : Optional.empty();

        Bytes mismatched = bmsc.sealer.seal(new MtkDelivery(bmsc.csbId(), DOMAIN, msk.ref().mskId(), mtk.mtkId(), other,
                mtk.mtk(), otherSalt, bmsc.nextMtkCounter(msk), msk.rand()), msk.key());
        Received<CurrentMtk> refused =
                ue.assertRefusedUnchanged(MikeyRejection.NOT_IN_PROFILE, () -> ue.receiveMtk(mismatched));
        assertThat(refused.stage()).isEqualTo("MikeyOpener.open(MtkMessage)");
        assertThat(refused.detail()).contains(type.name().toLowerCase(java.util.Locale.ROOT) + " service");

        // The same bytes would open as the other type: it is the stored service type that refuses them.
        MtkMessage read = readAs(mismatched, MtkMessage.class);
        assertThat(new MikeyOpener(CryptoSuite.jca()).open(read, msk.key(), msk.rand(), other).isOpened()).isTrue();
    }

    /**
     * §6.5.4: SEQl &lt; MTK ID ≤ SEQu. MTK messages naming SEQl or SEQu + 1, otherwise perfect (sealed with the
     * MSK and its RAND, fresh counters), are refused before the MAC is even checked; then SEQu itself is
     * accepted.
     */
    @ParameterizedTest
    @EnumSource(ServiceType.class)
    void mtkIdsOutsideSeqlToSequAreRefusedAndChangeNothing(ServiceType type) {
        Bmsc bmsc = new Bmsc(type);
        RegisteredMsk msk = bmsc.rotate();
        Ue ue = new Ue(BTID_A, MUK_A);
        ue.receiveMsk(bmsc.mskMessage(msk, BTID_A, MUK_A)).value();
        MtkAllocation.Allocated mtk = bmsc.nextMtk(msk);

        for (int outside : new int[] {VALIDITY.seqLow().value(), VALIDITY.seqHigh().value() + 1}) {
            Bytes wire = bmsc.sealer.seal(new MtkDelivery(bmsc.csbId(), DOMAIN, msk.ref().mskId(), MtkId.of(outside),
                    type, mtk.mtk(), mtk.salt(), bmsc.nextMtkCounter(msk), msk.rand()), msk.key());
            Received<CurrentMtk> refused = ue.assertRefusedUnchanged(KeyRejection.OUTSIDE_VALIDITY, () -> ue.receiveMtk(wire));
            assertThat(refused.stage()).isEqualTo("UeKeyStore.checkMtk");
        }

        Bytes atSequ = bmsc.sealer.seal(new MtkDelivery(bmsc.csbId(), DOMAIN, msk.ref().mskId(), VALIDITY.seqHigh(),
                type, mtk.mtk(), mtk.salt(), bmsc.nextMtkCounter(msk), msk.rand()), msk.key());
        assertThat(ue.receiveMtk(atSequ).value().mtkId()).isEqualTo(VALIDITY.seqHigh());
    }

    // ------------------------------------------------------------------------------------ the two sides

    /** The BM-SC: a key registry with one Key Group of the service type, and the sealer. */
    private static final class Bmsc {
        final KeyRegistry registry = KeyRegistry.create(KeyRegistryStorage.inMemory(), seeded(0x33246L));
        final MikeySealer sealer = new MikeySealer(CryptoSuite.jca());
        final ServiceType type;
        private int csb = 0x0c5b1d00;

        Bmsc(ServiceType type) {
            this.type = type;
            registry.createGroup(DOMAIN, GROUP, type);
        }

        RegisteredMsk rotate() {
            RegisteredMsk msk = registry.rotate(DOMAIN, GROUP, VALIDITY);
            assertThat(msk.serviceType()).isEqualTo(type);
            assertThat(msk.rand().length()).isEqualTo(16);
            return msk;
        }

        /** The MSK message for one UE's MUK, with the registry's RAND (streaming: map entry and SP). */
        Bytes mskMessage(RegisteredMsk msk, String bTid, SecretBytes muk) {
            TimestampCounter counter = registry.nextCounter(ProtectingKey.muk(MukId.of(BMSC, bTid)));
            MskDelivery d = MskDelivery.delivery(csbId(), DOMAIN, msk.ref().mskId(), msk.key(), msk.validity(),
                    counter, msk.rand(), BMSC, bTid, false);
            if (type == ServiceType.STREAMING) {
                d = d.forStreaming(SESSION);
            }
            assertThat(d.serviceType()).isEqualTo(type);
            return sealer.seal(d, muk);
        }

        MtkAllocation.Allocated nextMtk(RegisteredMsk msk) {
            MtkAllocation a = registry.nextMtk(msk.ref());
            assertThat(a).isInstanceOf(MtkAllocation.Allocated.class);
            return (MtkAllocation.Allocated) a;
        }

        TimestampCounter nextMtkCounter(RegisteredMsk msk) {
            return registry.nextCounter(ProtectingKey.msk(msk.ref()));
        }

        /** The MTK message under the MSK: keys from the MSK's RAND, which the message does not carry. */
        Bytes mtkMessage(RegisteredMsk msk, MtkAllocation.Allocated mtk) {
            return sealer.seal(new MtkDelivery(csbId(), DOMAIN, msk.ref().mskId(), mtk.mtkId(), msk.serviceType(),
                    mtk.mtk(), mtk.salt(), nextMtkCounter(msk), msk.rand()), msk.key());
        }

        CsbId csbId() {
            return CsbId.of(csb++);
        }
    }

    /** The UE: its key store with the MUK of its B-TID installed, and the reader and opener. */
    private static final class Ue {
        final UeKeyStore store = UeKeyStore.inMemory();
        final MikeyOpener opener = new MikeyOpener(CryptoSuite.jca());
        OpenedMsk lastOpenedMsk;

        Ue(String bTid, SecretBytes muk) {
            store.uiccInserted(UiccId.of("8949440000001234567"));
            store.installMuk(MukId.of(BMSC, bTid), muk);
        }

        /** §6.4.6.1: read, MUK and counter, MAC and decrypt (SP adopted), store. */
        Received<MskUpdate> receiveMsk(Bytes wire) {
            OpenResult<InboundMikey> read = MikeyReader.read(wire);
            if (read instanceof OpenResult.Rejected<InboundMikey> r) {
                return Received.refused("MikeyReader.read", r.reason(), r.detail());
            }
            MskMessage message = (MskMessage) read.orElseThrow();
            MukId mukId = new MukId(message.idi().data(), message.idr().data());
            KeyOutcome<MukKey> muk = store.checkMskCounter(mukId, message.counter());
            if (!muk.isAccepted()) {
                return Received.refused("UeKeyStore.checkMskCounter", muk.rejection().orElseThrow(), muk.detail());
            }
            OpenResult<OpenedMsk> opened;
            try {
                opened = opener.open(message, muk.value().key());
            } finally {
                muk.value().key().destroy();
            }
            if (opened instanceof OpenResult.Rejected<OpenedMsk> r) {
                return Received.refused("MikeyOpener.open(MskMessage)", r.reason(), r.detail());
            }
            OpenedMsk msk = opened.orElseThrow();
            lastOpenedMsk = msk;
            KeyOutcome<MskUpdate> applied = store.applyMsk(mukId, msk.counter(), msk.keyDomain(), msk.mskId(),
                    msk.msk(), msk.validity(), msk.rand(), msk.serviceType());
            msk.msk().ifPresent(SecretBytes::destroy); // the store keeps its own copy
            return applied.isAccepted() ? Received.accepted(applied.value())
                    : Received.refused("UeKeyStore.applyMsk", applied.rejection().orElseThrow(), applied.detail());
        }

        /** §6.4.6.2: read, MSK (with its RAND and service type), counter and MTK ID, MAC and decrypt, store. */
        Received<CurrentMtk> receiveMtk(Bytes wire) {
            OpenResult<InboundMikey> read = MikeyReader.read(wire);
            if (read instanceof OpenResult.Rejected<InboundMikey> r) {
                return Received.refused("MikeyReader.read", r.reason(), r.detail());
            }
            MtkMessage message = (MtkMessage) read.orElseThrow();
            KeyOutcome<MskKey> check = store.checkMtk(message.keyDomain(), message.mskId(), message.counter(),
                    message.mtkId());
            if (!check.isAccepted()) {
                return Received.refused("UeKeyStore.checkMtk", check.rejection().orElseThrow(), check.detail());
            }
            MskKey msk = check.value();
            OpenResult<OpenedMtk> opened;
            try {
                opened = opener.open(message, msk.key(), msk.rand(), msk.serviceType());
            } finally {
                msk.key().destroy();
            }
            if (opened instanceof OpenResult.Rejected<OpenedMtk> r) {
                return Received.refused("MikeyOpener.open(MtkMessage)", r.reason(), r.detail());
            }
            OpenedMtk mtk = opened.orElseThrow();
            KeyOutcome<CurrentMtk> applied = store.applyMtk(mtk.keyDomain(), mtk.mskId(), mtk.counter(), mtk.mtkId(),
                    mtk.message().csbId(), mtk.mtk(), mtk.salt());
            mtk.mtk().destroy(); // the store keeps its own copies
            mtk.salt().ifPresent(SecretBytes::destroy);
            return applied.isAccepted() ? Received.accepted(applied.value())
                    : Received.refused("UeKeyStore.applyMtk", applied.rejection().orElseThrow(), applied.detail());
        }

        /** Runs the reception, asserts the typed refusal and that the key store did not change. */
        <T> Received<T> assertRefusedUnchanged(Enum<?> reason, java.util.function.Supplier<Received<T>> reception) {
            UeKeyState before = store.snapshot();
            Received<T> received = reception.get();
            assertThat(received.refusal()).as(received.toString()).contains(reason);
            assertThat(store.snapshot()).isEqualTo(before);
            return received;
        }
    }

    /**
     * What the UE made of one message: the value, or which step refused it with which typed reason
     * ({@link KeyRejection} or {@link MikeyRejection}).
     */
    private record Received<T>(Optional<T> accepted, String stage, Optional<Enum<?>> refusal, String detail) {

        static <T> Received<T> accepted(T value) {
            return new Received<>(Optional.of(value), "accepted", Optional.empty(), "accepted");
        }

        static <T> Received<T> refused(String stage, Enum<?> reason, String detail) {
            return new Received<>(Optional.empty(), stage, Optional.of(reason), detail);
        }

        T value() {
            return accepted.orElseThrow(() -> new AssertionError("refused at " + stage + ": " + refusal.orElseThrow()
                    + ": " + detail));
        }

        @Override
        public String toString() {
            return refusal.map(r -> "refused at " + stage + ": " + r + ": " + detail).orElse("accepted");
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    private static <T extends InboundMikey> T readAs(Bytes wire, Class<T> kind) {
        InboundMikey read = MikeyReader.read(wire).orElseThrow();
        assertThat(read).isInstanceOf(kind);
        return kind.cast(read);
    }

    /** Not for production: reproducible key material from a seeded java.util.Random. */
    private static KeyMaterialSource seeded(long seed) {
        Random random = new Random(seed);
        return length -> {
            byte[] key = new byte[length];
            random.nextBytes(key);
            return SecretBytes.wrap(key);
        };
    }

    private static SecretBytes copy(SecretBytes s) {
        return s.copy();
    }

    private static int indexOf(Bytes haystack, Bytes needle) {
        byte[] h = haystack.toByteArray();
        byte[] n = needle.toByteArray();
        outer:
        for (int i = 0; i + n.length <= h.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (h[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
