package org.mbmskeys.mbms.mikey.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.CSB_ID;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.DOMAIN;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.IDI;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.IDR;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.MSK_ID;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.RAND;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.VALIDITY;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.mskDelivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretAudit;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CommonHeader;
import org.mbmskeys.mbms.mikey.CsIdMapType;
import org.mbmskeys.mbms.mikey.DataType;
import org.mbmskeys.mbms.mikey.EncryptionAlgorithm;
import org.mbmskeys.mbms.mikey.ExtensionType;
import org.mbmskeys.mbms.mikey.GeneralExtensionPayload;
import org.mbmskeys.mbms.mikey.KemacPayload;
import org.mbmskeys.mbms.mikey.KeyData;
import org.mbmskeys.mbms.mikey.KeyDataCodec;
import org.mbmskeys.mbms.mikey.KeyDataType;
import org.mbmskeys.mbms.mikey.KvInterval;
import org.mbmskeys.mbms.mikey.KvNull;
import org.mbmskeys.mbms.mikey.MacAlgorithm;
import org.mbmskeys.mbms.mikey.MikeyCodec;
import org.mbmskeys.mbms.mikey.MikeyMessage;
import org.mbmskeys.mbms.mikey.MikeyPayload;
import org.mbmskeys.mbms.mikey.PrfFunction;
import org.mbmskeys.mbms.mikey.RandPayload;
import org.mbmskeys.mbms.mikey.SecurityPolicyPayload;
import org.mbmskeys.mbms.mikey.SpParameter;
import org.mbmskeys.mbms.mikey.SrtpCsEntry;
import org.mbmskeys.mbms.mikey.TimestampPayload;
import org.mbmskeys.mbms.mikey.VerificationPayload;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.crypto.KemacCipher;
import org.mbmskeys.mbms.mikey.crypto.KemacKeys;
import org.mbmskeys.mbms.mikey.crypto.KemacMac;

/**
 * What the reader refuses before any key is touched (TS 33.246 §6.4.5, RFC 3830), one profile rule each,
 * and what the opener refuses in key data that a correctly MACed message carries (a sender outside the
 * profile, not an attacker): the wrong Key data type, no KV Interval, a wrong length, several keys.
 */
class ReaderAndOpenerProfileEdgesTest {

    private final MikeySealer sealer = MikeySealer.jca();
    private final MikeyOpener opener = MikeyOpener.jca();

    private Bytes mskMessage() {
        return sealer.seal(mskDelivery(7, true), Fixtures.muk());
    }

    private Bytes mtkMessage() {
        return sealer.seal(MtkDelivery.download(CSB_ID, DOMAIN, MSK_ID, MtkId.of(5), Fixtures.mtk(),
                TimestampCounter.of(42), RAND), Fixtures.msk());
    }

    private Bytes pull() {
        return sealer.seal(new SolicitedPull(CSB_ID, DOMAIN, KeyGroup.of(1), TimestampCounter.of(9), RAND, IDI, IDR),
                Fixtures.muk());
    }

    private Bytes ack() {
        OpenedMsk opened = opener.open((MskMessage) MikeyReader.read(mskMessage()).orElseThrow(), Fixtures.muk())
                .orElseThrow();
        return sealer.acknowledge(opened, Fixtures.muk());
    }

    private static MikeyMessage decoded(Bytes wire) {
        return MikeyCodec.decode(wire).message();
    }

    private static OpenResult.Rejected<InboundMikey> read(MikeyMessage m) {
        return MikeyReader.read(MikeyCodec.encode(m)).rejection();
    }

    private static OpenResult.Rejected<InboundMikey> withPayloads(Bytes wire, UnaryOperator<List<MikeyPayload>> change) {
        MikeyMessage m = decoded(wire);
        return read(new MikeyMessage(m.header(), change.apply(new ArrayList<>(m.payloads()))));
    }

    private static OpenResult.Rejected<InboundMikey> withHeader(Bytes wire, CommonHeader header) {
        return read(new MikeyMessage(header, decoded(wire).payloads()));
    }

    private static List<MikeyPayload> insertBeforeLast(List<MikeyPayload> ps, MikeyPayload p) {
        ps.add(ps.size() - 1, p);
        return ps;
    }

    private static KemacPayload keylessKemac() {
        return new KemacPayload(EncryptionAlgorithm.AES_CM_128, Bytes.empty(), MacAlgorithm.HMAC_SHA1_160,
                Bytes.wrap(new byte[20]));
    }

    private static void assertRejected(OpenResult.Rejected<?> r, MikeyRejection reason, String detail) {
        assertThat(r.reason()).isEqualTo(reason);
        assertThat(r.detail()).contains(detail);
    }

    @Test
    void anotherPrfIsUnsupported() {
        assertRejected(withHeader(mskMessage(), new CommonHeader(CommonHeader.VERSION, DataType.PSK_INIT, true,
                PrfFunction.PRF_HMAC_SHA_256, CSB_ID, CsIdMapType.EMPTY_MAP, List.of())),
                MikeyRejection.UNSUPPORTED_ALGORITHM, "PRF func");
    }

    @Test
    void aKeyMessageOfAnotherDataTypeIsNotInTheProfile() {
        assertRejected(withHeader(mskMessage(), CommonHeader.mbmsEmptyMap(DataType.DH_INIT, false, CSB_ID)),
                MikeyRejection.NOT_IN_PROFILE, "HDR data type");
    }

    @Test
    void anSpInAVerificationMessageOrASolicitedPullIsNotInTheProfile() {
        SecurityPolicyPayload sp = MbmsSrtpPolicy.of(0, 1, SrtpAuthentication.RCCM1);
        assertRejected(withPayloads(ack(), ps -> insertBeforeLast(ps, sp)), MikeyRejection.NOT_IN_PROFILE,
                "SP payload in a verification message");
        assertRejected(withPayloads(pull(), ps -> insertBeforeLast(ps, sp)), MikeyRejection.NOT_IN_PROFILE,
                "SP payload in a solicited pull with the Empty map");
    }

    /**
     * §6.3.2.2.4 fixes a pull's key data, not its header: a BM-SC may write it as it writes a streaming MSK message
     * (§6.4.5.1: #CS 1, the SRTP-ID map, the optional SP). The UE reads it, so that it runs the MSK request the pull
     * asks for.
     */
    @Test
    void aSolicitedPullWrittenLikeAStreamingMskMessageIsReadWithItsSp() {
        MikeyMessage m = decoded(pull());
        CommonHeader streaming = CommonHeader.mbmsStreaming(false, m.header().csbId(), new SrtpCsEntry(0, 0x0a0b0c0dL, 0));
        List<MikeyPayload> payloads = insertBeforeLast(new ArrayList<>(m.payloads()),
                MbmsSrtpPolicy.of(0, 1, SrtpAuthentication.RCCM1));

        InboundMikey read = MikeyReader.read(MikeyCodec.encode(new MikeyMessage(streaming, payloads))).orElseThrow();

        assertThat(read).isInstanceOf(SolicitedPullMessage.class);
    }

    /** #CS 0 with the SRTP-ID map type carries no entry, as the Empty map; pre-RFC 4563 senders wrote it so. */
    @Test
    void hashCsZeroWithTheSrtpIdMapTypeIsReadAsTheEmptyMap() {
        MikeyMessage m = decoded(mtkMessage());
        CommonHeader rel6 = new CommonHeader(CommonHeader.VERSION, DataType.PSK_INIT, false, PrfFunction.MIKEY_1,
                m.header().csbId(), CsIdMapType.SRTP_ID, List.of());

        InboundMikey read = MikeyReader.read(MikeyCodec.encode(new MikeyMessage(rel6, m.payloads()))).orElseThrow();

        assertThat(read).isInstanceOf(MtkMessage.class);
        assertRejected(withHeader(mtkMessage(), new CommonHeader(CommonHeader.VERSION, DataType.PSK_INIT, false,
                PrfFunction.MIKEY_1, m.header().csbId(), CsIdMapType.SRTP_ID,
                List.of(new org.mbmskeys.mbms.mikey.SrtpCsEntry(0, 1, 0)))), MikeyRejection.NOT_IN_PROFILE, "SRTP-ID map");
    }

    /** §6.3.2.2.4 fixes a pull's key data, not its header: one written like a streaming MSK message is a pull too. */
    @Test
    void aSolicitedPullWithTheSrtpIdMapIsReadAsAPull() {
        MikeyMessage m = decoded(pull());
        CommonHeader streaming = new CommonHeader(CommonHeader.VERSION, DataType.PSK_INIT, false, PrfFunction.MIKEY_1,
                m.header().csbId(), CsIdMapType.SRTP_ID, List.of(new org.mbmskeys.mbms.mikey.SrtpCsEntry(0, 0x1234, 0)));

        InboundMikey read = MikeyReader.read(MikeyCodec.encode(new MikeyMessage(streaming, m.payloads()))).orElseThrow();

        assertThat(read).isInstanceOf(SolicitedPullMessage.class);
    }

    @Test
    void twoSpsInAStreamingMskMessageAreNotInTheProfile() {
        Bytes streaming = sealer.seal(mskDelivery(7, false).forStreaming(StreamingSession.of(0x1234, 0, 1,
                SrtpAuthentication.RCCM1)), Fixtures.muk());
        SecurityPolicyPayload sp = MbmsSrtpPolicy.of(0, 1, SrtpAuthentication.RCCM1);

        assertRejected(withPayloads(streaming, ps -> insertBeforeLast(ps, sp)), MikeyRejection.NOT_IN_PROFILE,
                "2 SP payloads");
    }

    /** §6.4.5.1: the SRTP key derivation rate is 0, "explicitly or by omitting this parameter"; Annex K needs no other. */
    @Test
    void anSpWithAKeyDerivationRateOtherThanZeroIsNotInTheProfile() {
        Bytes streaming = sealer.seal(mskDelivery(7, false).forStreaming(StreamingSession.of(0x1234, 0, 1,
                SrtpAuthentication.RCCM1)), Fixtures.muk());
        UnaryOperator<List<MikeyPayload>> withKdr = ps -> ps.stream().map(p -> p instanceof SecurityPolicyPayload sp
                ? new SecurityPolicyPayload(sp.policyNo(), sp.protType(), withParameter(sp, SpParameter.of(6, Bytes.ofHex("0000000100000000"))))
                : p).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        UnaryOperator<List<MikeyPayload>> withZeroKdr = ps -> ps.stream().map(p -> p instanceof SecurityPolicyPayload sp
                ? new SecurityPolicyPayload(sp.policyNo(), sp.protType(), withParameter(sp, SpParameter.of(6, Bytes.ofHex("00"))))
                : p).collect(java.util.stream.Collectors.toCollection(ArrayList::new));

        assertRejected(withPayloads(streaming, withKdr), MikeyRejection.NOT_IN_PROFILE, "SP key derivation rate");
        MikeyMessage m = decoded(streaming);
        assertThat(MikeyReader.read(MikeyCodec.encode(new MikeyMessage(m.header(), withZeroKdr.apply(new ArrayList<>(m.payloads())))))
                .isOpened()).as("an explicit rate of 0").isTrue();
    }

    private static List<SpParameter> withParameter(SecurityPolicyPayload sp, SpParameter added) {
        List<SpParameter> ps = new ArrayList<>(sp.parameters());
        ps.add(added);
        return ps;
    }

    @Test
    void anMskMessageWithAnEmptyKemacIsNotInTheProfile() {
        assertRejected(withPayloads(mskMessage(), ps -> {
            ps.set(ps.size() - 1, keylessKemac());
            return ps;
        }), MikeyRejection.NOT_IN_PROFILE, "has no key data");
    }

    @Test
    void mtkMessagesWithTheVBitKeyNumberZeroOrNoKeyAreNotInTheProfile() {
        assertRejected(withHeader(mtkMessage(), CommonHeader.mbmsEmptyMap(DataType.PSK_INIT, true, CSB_ID)),
                MikeyRejection.NOT_IN_PROFILE, "V bit");
        assertRejected(withPayloads(mtkMessage(), ps -> {
            ps.replaceAll(p -> p instanceof GeneralExtensionPayload
                    ? GeneralExtensionPayload.of(ExtensionType.KEY_ID, Bytes.ofHex("000300f110" + "010400010000" + "02020005"))
                    : p);
            return ps;
        }), MikeyRejection.NOT_IN_PROFILE, "Key Number 0");
        assertRejected(withPayloads(mtkMessage(), ps -> {
            ps.set(ps.size() - 1, keylessKemac());
            return ps;
        }), MikeyRejection.NOT_IN_PROFILE, "MTK message without key data");
    }

    @Test
    void verificationMessagesWithAnotherMacOrTwoIdsAreRefused() {
        assertRejected(withPayloads(ack(), ps -> {
            ps.set(ps.size() - 1, new VerificationPayload(MacAlgorithm.NULL, Bytes.empty()));
            return ps;
        }), MikeyRejection.UNSUPPORTED_ALGORITHM, "V auth alg");
        assertRejected(withPayloads(ack(), ps -> insertBeforeLast(ps, IdPolicy.initiator(IDI))),
                MikeyRejection.NOT_IN_PROFILE, "2 ID payloads");
    }

    @Test
    void aKeyIdExtensionWhoseSubPayloadsDoNotFillItIsMalformed() {
        // The encoder refuses to write this, so the wire bytes are patched: the Key Domain ID sub-payload
        // declares 5 bytes where 3 follow inside the extension.
        String hex = mskMessage().toHex();
        assertThat(hex).containsOnlyOnce("000300f110");

        OpenResult<InboundMikey> r = MikeyReader.read(Bytes.ofHex(hex.replace("000300f110", "000500f110")));

        assertThat(r.rejection().reason()).isEqualTo(MikeyRejection.MALFORMED);
    }

    /** U2: §6.3.2.1 names no packing, so a Key Domain ID packed otherwise is read as its octets, not refused. */
    @Test
    void aKeyDomainIdInAnotherPackingIsReadAsItsOctets() {
        String hex = mskMessage().toHex();

        OpenResult<InboundMikey> r = MikeyReader.read(Bytes.ofHex(hex.replace("000300f110", "0003b8709d")));

        assertThat(((MskMessage) r.orElseThrow()).keyDomain()).isEqualTo(KeyDomainId.parse("0xb8709d"));
    }

    @Test
    void twoTimestampsOrTwoRandsAreNotInTheProfile() {
        assertRejected(withPayloads(mskMessage(), ps -> insertBeforeLast(ps, new TimestampPayload(
                org.mbmskeys.mbms.mikey.TimestampType.COUNTER, 8))), MikeyRejection.NOT_IN_PROFILE, "found 2");
        assertRejected(withPayloads(mskMessage(), ps -> insertBeforeLast(ps, new RandPayload(RAND))),
                MikeyRejection.NOT_IN_PROFILE, "more than one RAND payload");
    }

    // ---- key data inside a correctly MACed KEMAC ----------------------------------------------------------

    /** {@code wire} with its KEMAC replaced by {@code plaintext}, encrypted and MACed with {@code psk}. */
    private static Bytes resealed(Bytes wire, SecretBytes psk, Bytes rand, byte[] plaintext) {
        MikeyMessage m = decoded(wire);
        CryptoSuite suite = CryptoSuite.jca();
        KemacKeys keys = KemacKeys.derive(suite, psk, m.header().csbId().value(), rand);
        TimestampCounter counter = TimestampCounter.of(m.payloads().stream().filter(TimestampPayload.class::isInstance)
                .map(TimestampPayload.class::cast).findFirst().orElseThrow().value());
        byte[] encrypted = KemacCipher.encrypt(suite, keys, m.header().csbId().value(), counter, plaintext);
        List<MikeyPayload> ps = new ArrayList<>(m.payloads());
        ps.set(ps.size() - 1, new KemacPayload(EncryptionAlgorithm.AES_CM_128, Bytes.wrap(encrypted),
                MacAlgorithm.HMAC_SHA1_160, Bytes.wrap(new byte[20])));
        byte[] out = MikeyCodec.encode(new MikeyMessage(m.header(), ps)).toByteArray();
        byte[] mac = KemacMac.compute(suite, keys.authenticationKey(), out, 0, out.length - 20);
        System.arraycopy(mac, 0, out, out.length - 20, 20);
        return Bytes.wrap(out);
    }

    private static byte[] plaintext(KeyData... keys) {
        return KeyDataCodec.encode(List.of(keys)).copyBytes();
    }

    private OpenResult<OpenedMsk> openMsk(byte[] plaintext) {
        Bytes wire = resealed(mskMessage(), Fixtures.muk(), RAND, plaintext);
        return opener.open((MskMessage) MikeyReader.read(wire).orElseThrow(), Fixtures.muk());
    }

    private OpenResult<OpenedMtk> openMtk(byte[] plaintext) {
        Bytes wire = resealed(mtkMessage(), Fixtures.msk(), RAND, plaintext);
        return opener.open((MtkMessage) MikeyReader.read(wire).orElseThrow(), Fixtures.msk(), RAND, ServiceType.DOWNLOAD);
    }

    /**
     * Review finding F14: a sender older than TS 33.246 CR 0168 carried a RAND in each MTK message and derived the
     * message's keys from it. The stored MSK RAND is tried first (§6.5.4); if that MAC fails, the carried one, and
     * the MAC under the MSK still decides.
     */
    @Test
    void anMtkMessageKeyedWithTheRandItCarriesIsOpenedAndOneKeyedWithNeitherIsABadMac() {
        Bytes carried = Bytes.ofHex("c0c1c2c3c4c5c6c7c8c9cacbcccdcecf");
        byte[] mtk = plaintext(KeyData.of(KeyDataType.TGK, Fixtures.mtk(), KvNull.INSTANCE));
        Bytes withRand = Bytes.wrap(MikeyCodec.encode(new MikeyMessage(decoded(mtkMessage()).header(),
                insertBeforeLast(new ArrayList<>(decoded(mtkMessage()).payloads()), new RandPayload(carried)))).toByteArray());
        MtkMessage legacy = (MtkMessage) MikeyReader.read(resealed(withRand, Fixtures.msk(), carried, mtk)).orElseThrow();
        MtkMessage neither = (MtkMessage) MikeyReader.read(resealed(withRand, Fixtures.msk(),
                Bytes.ofHex("d0d1d2d3d4d5d6d7d8d9dadbdcdddedf"), mtk)).orElseThrow();
        MtkMessage current = (MtkMessage) MikeyReader.read(resealed(withRand, Fixtures.msk(), RAND, mtk)).orElseThrow();

        assertThat(opener.open(legacy, Fixtures.msk(), RAND, ServiceType.DOWNLOAD).orElseThrow().mtk())
                .isEqualTo(Fixtures.mtk());
        assertThat(opener.open(current, Fixtures.msk(), RAND, ServiceType.DOWNLOAD).orElseThrow().mtk())
                .isEqualTo(Fixtures.mtk());
        OpenResult.Rejected<OpenedMtk> bad = opener.open(neither, Fixtures.msk(), RAND, ServiceType.DOWNLOAD).rejection();
        assertThat(bad.reason()).isEqualTo(MikeyRejection.BAD_MAC);
        assertThat(bad.detail()).endsWith("does not verify");   // the stored RAND's verdict is the one reported
    }

    @Test
    void keyDataThatDoesNotDecodeIsMalformed() {
        byte[] garbage = {(byte) 0xff, 0x01, 0x02};

        assertThat(openMsk(garbage).rejection().reason()).isEqualTo(MikeyRejection.MALFORMED);
        assertThat(openMtk(garbage).rejection().reason()).isEqualTo(MikeyRejection.MALFORMED);
    }

    @Test
    void anMskOfAnotherTypeOrWithoutKeyValidityIsNotInTheProfile() {
        assertRejected(openMsk(plaintext(KeyData.of(KeyDataType.TGK, Fixtures.msk(), KvInterval.of(VALIDITY)))).rejection(),
                MikeyRejection.NOT_IN_PROFILE, "MSK key data of type TGK");
        assertRejected(openMtk(plaintext(KeyData.of(KeyDataType.TGK, Fixtures.mtk(), KvInterval.of(VALIDITY)))).rejection(),
                MikeyRejection.NOT_IN_PROFILE, "MTK key data with KV");
    }

    @Test
    void aKemacWithTwoKeysIsNotInTheProfile() {
        KeyData one = KeyData.of(KeyDataType.TEK, Fixtures.msk(), KvInterval.of(VALIDITY));

        assertRejected(openMsk(plaintext(one, one)).rejection(), MikeyRejection.NOT_IN_PROFILE, "carries 2 Key data");
    }

    /**
     * Refused Key data is decrypted before the profile check refuses it; its key (and salt) never leave
     * {@code open}, so only {@link SecretAudit} can see that they are wiped on the way out.
     */
    @Test
    void refusedKeyDataLeavesNoSecretBehind() {
        KeyData one = KeyData.of(KeyDataType.TEK, Fixtures.msk(), KvInterval.of(VALIDITY));
        MskMessage twoKeys = (MskMessage) MikeyReader.read(resealed(mskMessage(), Fixtures.muk(), RAND,
                plaintext(one, one))).orElseThrow();
        MskMessage tgkMsk = (MskMessage) MikeyReader.read(resealed(mskMessage(), Fixtures.muk(), RAND,
                plaintext(KeyData.of(KeyDataType.TGK, Fixtures.msk(), KvInterval.of(VALIDITY))))).orElseThrow();
        MtkMessage mtkWithKv = (MtkMessage) MikeyReader.read(resealed(mtkMessage(), Fixtures.msk(), RAND,
                plaintext(KeyData.of(KeyDataType.TGK, Fixtures.mtk(), KvInterval.of(VALIDITY))))).orElseThrow();
        SecretBytes muk = Fixtures.muk();
        SecretBytes msk = Fixtures.msk();

        try (SecretAudit audit = SecretAudit.begin()) {
            assertThat(opener.open(twoKeys, muk).rejection().reason()).isEqualTo(MikeyRejection.NOT_IN_PROFILE);
            assertThat(opener.open(tgkMsk, muk).rejection().reason()).isEqualTo(MikeyRejection.NOT_IN_PROFILE);
            assertThat(opener.open(mtkWithKv, msk, RAND, ServiceType.DOWNLOAD).rejection().reason())
                    .isEqualTo(MikeyRejection.NOT_IN_PROFILE);

            assertThat(audit.createdCount()).as("derived keys, plaintexts and decoded keys").isGreaterThan(6);
            assertThat(audit.undestroyed()).as("secrets left alive by the refusals").isEmpty();
        }
    }

    @Test
    void mskKeyDataProblemsAreNamed() {
        assertThat(MbmsKeyData.mskProblem(KeyData.of(KeyDataType.TGK, Fixtures.msk(), KvInterval.of(VALIDITY))))
                .startsWith("MSK key data of type TGK");
        assertThat(MbmsKeyData.mskProblem(KeyData.of(KeyDataType.TEK, Fixtures.msk(), KvNull.INSTANCE)))
                .startsWith("MSK key data without a KV Interval");
        assertThat(MbmsKeyData.mskProblem(KeyData.of(KeyDataType.TEK, Fixtures.msk(),
                new KvInterval(Bytes.ofHex("010000"), Bytes.ofHex("02"))))).startsWith("MSK key data without a KV Interval");
        assertThat(MbmsKeyData.mskProblem(KeyData.of(KeyDataType.TEK, Fixtures.msk(),
                new KvInterval(Bytes.ofHex("01"), Bytes.ofHex("00000002"))))).as("bounds of another width (U4)").isNull();
        assertThat(MbmsKeyData.mskProblem(KeyData.of(KeyDataType.TEK, SecretBytes.of(new byte[20]), KvInterval.of(VALIDITY))))
                .startsWith("MSK of 20 bytes");
        assertThat(MbmsKeyData.mskProblem(KeyData.of(KeyDataType.TEK, SecretBytes.of(), KvInterval.of(VALIDITY)))).isNull();
        assertThat(MbmsKeyData.mskProblem(KeyData.of(KeyDataType.TEK, SecretBytes.of(new byte[32]), KvInterval.of(VALIDITY))))
                .isNull();
    }

    @Test
    void mtkKeyDataProblemsAreNamed() {
        SecretBytes mtk = Fixtures.mtk();
        assertThat(MbmsKeyData.mtkProblem(KeyData.of(KeyDataType.TGK, mtk, KvInterval.of(VALIDITY)), ServiceType.DOWNLOAD))
                .startsWith("MTK key data with KV");
        assertThat(MbmsKeyData.mtkProblem(KeyData.of(KeyDataType.TGK, SecretBytes.of(new byte[20]), KvNull.INSTANCE),
                ServiceType.DOWNLOAD)).startsWith("MTK of 20 bytes");
        assertThat(MbmsKeyData.mtkProblem(KeyData.withSalt(KeyDataType.TEK_SALT, mtk, SecretBytes.of(new byte[13]),
                KvNull.INSTANCE), ServiceType.STREAMING)).startsWith("MTK salt of 13 bytes");
        assertThat(MbmsKeyData.mtkProblem(KeyData.withSalt(KeyDataType.TEK_SALT, mtk, Fixtures.salt(), KvNull.INSTANCE),
                ServiceType.STREAMING)).isNull();
        assertThat(MbmsKeyData.mtkProblem(KeyData.of(KeyDataType.TGK, mtk, KvNull.INSTANCE), ServiceType.DOWNLOAD)).isNull();
    }

    @Test
    void anAckForAnotherIdrIsUnexpected() {
        MskDelivery delivery = mskDelivery(7, true);
        AckExpectation forOtherUe = new AckExpectation(delivery.csbId(), delivery.rand(),
                Bytes.wrap(IDI.getBytes(StandardCharsets.UTF_8)), Bytes.wrap("other@bsf".getBytes(StandardCharsets.UTF_8)),
                delivery.counter());

        assertThat(opener.verify((VerificationMessage) MikeyReader.read(ack()).orElseThrow(), forOtherUe, Fixtures.muk())
                .rejection().reason()).isEqualTo(MikeyRejection.UNEXPECTED_MESSAGE);
    }

    @Test
    void aPullThatDoesNotVerifyNamesItsIds() {
        OpenResult<SolicitedPullMessage> r =
                opener.verify((SolicitedPullMessage) MikeyReader.read(pull()).orElseThrow(), Fixtures.otherMuk());

        assertRejected(r.rejection(), MikeyRejection.BAD_MAC, "IDi " + IDI + ", IDr " + IDR);
        assertThat(Optional.of(r.rejection().detail())).isPresent();
    }
}
