package org.mbmskeys.mbms.mikey.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CommonHeader;
import org.mbmskeys.mbms.mikey.DataType;
import org.mbmskeys.mbms.mikey.DecodedMikey;
import org.mbmskeys.mbms.mikey.EncryptionAlgorithm;
import org.mbmskeys.mbms.mikey.ExtensionType;
import org.mbmskeys.mbms.mikey.GeneralExtensionPayload;
import org.mbmskeys.mbms.mikey.KemacPayload;
import org.mbmskeys.mbms.mikey.MacAlgorithm;
import org.mbmskeys.mbms.mikey.MikeyCodec;
import org.mbmskeys.mbms.mikey.MikeyMessage;
import org.mbmskeys.mbms.mikey.MikeyPayload;
import org.mbmskeys.mbms.mikey.ProtocolType;
import org.mbmskeys.mbms.mikey.RandPayload;
import org.mbmskeys.mbms.mikey.SecurityPolicyPayload;
import org.mbmskeys.mbms.mikey.SrtpCsEntry;
import org.mbmskeys.mbms.mikey.TimestampPayload;
import org.mbmskeys.mbms.mikey.TimestampType;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.crypto.KemacKeys;
import org.mbmskeys.mbms.mikey.crypto.VerificationMac;
import org.mbmskeys.mbms.mikey.crypto.VerificationMacInput;

/**
 * Unhappy paths of reading and opening: every one-byte change of a sealed message is refused with a typed
 * reason and never opened; wrong keys and profile violations get their own reasons.
 */
class MikeyOpenerRejectionTest {

    private final MikeySealer sealer = MikeySealer.jca();
    private final MikeyOpener opener = MikeyOpener.jca();

    @Test
    void everyOneByteChangeOfAnMskMessageIsRefusedNeverOpened() {
        Bytes sealed = sealer.seal(mskDelivery(7, true), muk());
        for (int i = 0; i < sealed.length(); i++) {
            for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                OpenResult<?> result = readAndOpen(sealed.withByteXored(i, mask));
                assertThat(result.isOpened()).as("byte %d ^ %02x", i, mask).isFalse();
            }
        }
    }

    @Test
    void everyOneByteChangeOfAnMtkMessageIsRefusedNeverOpened() {
        Bytes sealed = sealer.seal(streamingMtk(5), msk());
        for (int i = 0; i < sealed.length(); i++) {
            OpenResult<?> result = readAndOpen(sealed.withByteXored(i, 0x01));
            assertThat(result.isOpened()).as("byte %d", i).isFalse();
        }
    }

    @Test
    void aChangedEncryptedKeyByteIsABadMacAndIsNotDecrypted() {
        Bytes sealed = sealer.seal(mskDelivery(7, true), muk());
        // From the end: 20 MAC bytes, the MAC alg byte, then the encrypted key data (26 bytes for an MSK).
        int anEncryptedByte = sealed.length() - 20 - 1 - 26;
        OpenResult<?> result = readAndOpen(sealed.withByteXored(anEncryptedByte, 0x01));

        assertThat(result.rejection().reason()).isEqualTo(MikeyRejection.BAD_MAC);
    }

    @Test
    void aFlippedMacBitIsABadMac() {
        Bytes sealed = sealer.seal(mskDelivery(7, true), muk());
        assertThat(readAndOpen(sealed.withByteXored(sealed.length() - 1, 0x01)).rejection().reason())
                .isEqualTo(MikeyRejection.BAD_MAC);
    }

    @Test
    void anotherUsersMukIsABadMacWithTheMukIdentityInTheDetail() {
        MskMessage read = (MskMessage) MikeyReader.read(sealer.seal(mskDelivery(7, true), muk())).orElseThrow();
        OpenResult.Rejected<OpenedMsk> r = opener.open(read, otherMuk()).rejection();

        assertThat(r.reason()).isEqualTo(MikeyRejection.BAD_MAC);
        assertThat(r.detail()).contains(IDR).doesNotContain(muk().revealHex().substring(0, 8));
    }

    @Test
    void anMtkMessageUnderAnotherMskIsABadMac() {
        MtkMessage read = (MtkMessage) MikeyReader.read(sealer.seal(streamingMtk(5), msk())).orElseThrow();
        assertThat(opener.open(read, SecretBytes.ofHex("ff0102030405060708090a0b0c0d0e0f"), RAND, ServiceType.STREAMING)
                .rejection().reason()).isEqualTo(MikeyRejection.BAD_MAC);
    }

    @Test
    void aVerificationMessageForAnotherCounterIsUnexpected() {
        OpenedMsk opened = opener.open((MskMessage) MikeyReader.read(sealer.seal(mskDelivery(7, true), muk())).orElseThrow(),
                muk()).orElseThrow();
        VerificationMessage ack = (VerificationMessage) MikeyReader.read(sealer.acknowledge(opened, muk())).orElseThrow();

        assertThat(opener.verify(ack, mskDelivery(8, true).ackExpectation(), muk()).rejection().reason())
                .isEqualTo(MikeyRejection.UNEXPECTED_MESSAGE);
    }

    @Test
    void aTamperedVerificationMessageIsABadMac() {
        MskDelivery delivery = mskDelivery(7, true);
        OpenedMsk opened = opener.open((MskMessage) MikeyReader.read(sealer.seal(delivery, muk())).orElseThrow(), muk())
                .orElseThrow();
        Bytes ack = sealer.acknowledge(opened, muk());
        VerificationMessage tampered = (VerificationMessage) MikeyReader.read(ack.withByteXored(ack.length() - 3, 0x10))
                .orElseThrow();

        assertThat(opener.verify(tampered, delivery.ackExpectation(), muk()).rejection().reason())
                .isEqualTo(MikeyRejection.BAD_MAC);
        VerificationMessage genuine = (VerificationMessage) MikeyReader.read(ack).orElseThrow();
        assertThat(opener.verify(genuine, delivery.ackExpectation(), otherMuk()).rejection().reason())
                .isEqualTo(MikeyRejection.BAD_MAC);
    }

    /** U16: an ACK whose MAC pads T to 8 bytes and leaves the identities out (as minisip reads RFC 3830) is heard. */
    @Test
    void aVerificationMessageMacedUnderAnotherReadingOfTheInputIsAccepted() {
        MskDelivery delivery = mskDelivery(7, true);
        OpenedMsk opened = opener.open((MskMessage) MikeyReader.read(sealer.seal(delivery, muk())).orElseThrow(), muk())
                .orElseThrow();
        byte[] ack = sealer.acknowledge(opened, muk()).toByteArray();
        int macAt = ack.length - VerificationMac.LENGTH;
        SecretBytes authKey = KemacKeys.derive(CryptoSuite.jca(), muk(), CSB_ID.value(), RAND).authenticationKey();
        Bytes input = VerificationMacInput.of(Bytes.of(ack, 0, macAt), Bytes.empty(), Bytes.empty(), delivery.counter(),
                VerificationMacInput.Reading.COUNTER_64);
        Bytes.wrap(CryptoSuite.jca().hmacSha1(authKey.copyBytes(), input.toByteArray(), 0, input.length())).copyTo(ack, macAt);
        VerificationMessage otherReading = (VerificationMessage) MikeyReader.read(Bytes.wrap(ack)).orElseThrow();

        assertThat(opener.verify(otherReading, delivery.ackExpectation(), muk()).isOpened()).isTrue();
        assertThat(opener.verify(otherReading, delivery.ackExpectation(), otherMuk()).rejection().reason())
                .isEqualTo(MikeyRejection.BAD_MAC);
    }

    @Test
    void truncatedBytesAreMalformedWithTheOffset() {
        Bytes sealed = sealer.seal(mskDelivery(7, true), muk());
        OpenResult.Rejected<InboundMikey> r = MikeyReader.read(sealed.slice(0, sealed.length() - 5)).rejection();

        assertThat(r.reason()).isEqualTo(MikeyRejection.MALFORMED);
        assertThat(r.detail()).startsWith("malformed MIKEY at byte ");
    }

    @Test
    void aSolicitedPullWithTheVBitIsNotInTheProfile() {
        Bytes pull = sealer.seal(new SolicitedPull(CSB_ID, DOMAIN, KeyGroup.of(1), TimestampCounter.of(3), RAND, IDI, IDR),
                muk());
        DecodedMikey d = MikeyCodec.decode(pull);
        CommonHeader h = d.message().header();
        Bytes withV = MikeyCodec.encode(new MikeyMessage(CommonHeader.mbmsEmptyMap(h.dataType(), true, h.csbId()),
                d.message().payloads()));

        OpenResult.Rejected<InboundMikey> r = MikeyReader.read(withV).rejection();
        assertThat(r.reason()).isEqualTo(MikeyRejection.NOT_IN_PROFILE);
        assertThat(r.detail()).contains("solicited pull");
    }

    @Test
    void anNtpTimestampIsAnUnsupportedAlgorithm() {
        assertThat(readRebuilt(sealer.seal(mskDelivery(7, true), muk()), p -> p instanceof TimestampPayload
                ? new TimestampPayload(TimestampType.NTP_UTC, 1L) : p).reason())
                .isEqualTo(MikeyRejection.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void nullEncryptionIsAnUnsupportedAlgorithm() {
        assertThat(readRebuilt(sealer.seal(mskDelivery(7, true), muk()), p -> p instanceof KemacPayload k
                ? new KemacPayload(EncryptionAlgorithm.NULL, k.encryptedKeyData(), k.macAlgorithm(), k.mac()) : p).reason())
                .isEqualTo(MikeyRejection.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void aNullMacIsAnUnsupportedAlgorithm() {
        assertThat(readRebuilt(sealer.seal(mskDelivery(7, true), muk()), p -> p instanceof KemacPayload k
                ? new KemacPayload(k.encryption(), k.encryptedKeyData(), MacAlgorithm.NULL, Bytes.empty()) : p).reason())
                .isEqualTo(MikeyRejection.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void aMessageWithoutKeyIdIsNotInTheProfile() {
        MikeyMessage m = MikeyCodec.decode(sealer.seal(mskDelivery(7, true), muk())).message();
        List<MikeyPayload> withoutExt = new ArrayList<>(m.payloads().subList(1, m.payloads().size()));
        OpenResult.Rejected<InboundMikey> r = MikeyReader.read(MikeyCodec.encode(new MikeyMessage(m.header(), withoutExt)))
                .rejection();

        assertThat(r.reason()).isEqualTo(MikeyRejection.NOT_IN_PROFILE);
        assertThat(r.detail()).contains("no Key ID extension");
    }

    /** TS 33.246 §6.4.4: all Key IDs travel in one extension, each type once and of its width. */
    @Test
    void keyIdExtensionsThatBreakTheMbmsRulesAreNotInTheProfile() {
        Bytes sealed = sealer.seal(mskDelivery(7, true), muk());
        assertNotInProfile(withKeyIds(sealed, "000300f110" + "010400010002" + "010400010003"), "more than one MSK ID");
        assertNotInProfile(withKeyIds(sealed, "010400010002"), "no Key Domain ID");
        assertNotInProfile(withKeyIds(sealed, "000300f110"), "no MSK ID");
        assertNotInProfile(withKeyIds(sealed, "000300f110" + "0103000100"), "MSK ID of 3 bytes");
        assertNotInProfile(withKeyIds(sealed, "000300f110" + "010400000002"), "Key Group 0");
        assertNotInProfile(withKeyIds(sealed, "0002f110" + "010400010002"), "Key Domain ID of 2 bytes");
    }

    @Test
    void twoKeyIdExtensionsAreNotInTheProfile() {
        MikeyMessage m = MikeyCodec.decode(sealer.seal(mskDelivery(7, true), muk())).message();
        List<MikeyPayload> twice = new ArrayList<>(m.payloads());
        twice.add(0, m.payloads().get(0));

        assertNotInProfile(MikeyCodec.encode(new MikeyMessage(m.header(), twice)), "more than one Key ID extension");
    }

    /** RFC 4563 §4, §8: Key ID Types a reader does not know are skipped, in any position. */
    @Test
    void unknownKeyIdTypesAreSkippedAndAnyOrderIsRead() {
        Bytes sealed = sealer.seal(mskDelivery(7, true), muk());
        Bytes reordered = withKeyIds(sealed, "f10201ff" + "010400010002" + "0701aa" + "000300f110");

        MskMessage read = (MskMessage) MikeyReader.read(reordered).orElseThrow();

        assertThat(read.keyDomain()).isEqualTo(DOMAIN);
        assertThat(read.mskId()).isEqualTo(MSK_ID);
    }

    /** TS 33.246 §6.4.5.3: the MTK's Key data type follows the MSK's service type. */
    @Test
    void anMtkOfTheWrongKeyDataTypeForTheServiceIsNotInTheProfile() {
        MtkMessage streaming = (MtkMessage) MikeyReader.read(sealer.seal(streamingMtk(5), msk())).orElseThrow();
        MtkMessage download = (MtkMessage) MikeyReader.read(sealer.seal(MtkDelivery.download(CSB_ID, DOMAIN, MSK_ID,
                MtkId.of(5), mtk(), TimestampCounter.of(42), RAND), msk())).orElseThrow();

        OpenResult.Rejected<OpenedMtk> asDownload = opener.open(streaming, msk(), RAND, ServiceType.DOWNLOAD).rejection();
        OpenResult.Rejected<OpenedMtk> asStreaming = opener.open(download, msk(), RAND, ServiceType.STREAMING).rejection();

        assertThat(asDownload.reason()).isEqualTo(MikeyRejection.NOT_IN_PROFILE);
        assertThat(asDownload.detail()).contains("TEK_SALT").contains("TGK");
        assertThat(asStreaming.reason()).isEqualTo(MikeyRejection.NOT_IN_PROFILE);
    }

    /** TS 33.246 §4.2: SRTP master keys of 128, 192 and 256 bits. */
    @Test
    void mtksOf24And32BytesOpen() {
        for (String hex : new String[] {"00".repeat(24), "11".repeat(32)}) {
            SecretBytes longMtk = SecretBytes.ofHex(hex);
            Bytes sealed = sealer.seal(MtkDelivery.streaming(CSB_ID, DOMAIN, MSK_ID, MtkId.of(5), longMtk, salt(),
                    TimestampCounter.of(42), RAND), msk());

            OpenedMtk opened = opener.open((MtkMessage) MikeyReader.read(sealed).orElseThrow(), msk(), RAND,
                    ServiceType.STREAMING).orElseThrow();
            assertThat(opened.mtk()).isEqualTo(longMtk);
        }
    }

    /**
     * TS 33.246 §6.4.5.3 NOTE: a conforming BM-SC sends no RAND in an MTK message; one that is there is
     * tolerated by the reader (the MAC covers it); the opener takes the MSK's stored RAND regardless.
     */
    @Test
    void aRandInAnMtkMessageIsAcceptedByTheReader() {
        Bytes sealed = sealer.seal(streamingMtk(5), msk());
        MikeyMessage m = MikeyCodec.decode(sealed).message();
        List<MikeyPayload> withRand = new ArrayList<>(m.payloads());
        withRand.add(2, new RandPayload(Bytes.ofHex("ffffffffffffffffffffffffffffffff")));
        Bytes unsigned = MikeyCodec.encode(new MikeyMessage(m.header(), withRand));

        MtkMessage read = (MtkMessage) MikeyReader.read(unsigned).orElseThrow();

        // Same MAC bytes, but the MAC input now holds the RAND too: it no longer verifies, so nothing opens.
        assertThat(opener.open(read, msk(), RAND, ServiceType.STREAMING).rejection().reason())
                .isEqualTo(MikeyRejection.BAD_MAC);
        assertThat(read.mskId()).isEqualTo(MSK_ID);
    }

    private Bytes streamingMsk() {
        return sealer.seal(mskDelivery(7, false).forStreaming(StreamingSession.of(0x0a0b0c0dL, 0, 1,
                SrtpAuthentication.RCCM1)), muk());
    }

    /** RFC 4563 §5: with the Empty map an SP MUST NOT be present. */
    @Test
    void anSpWithTheEmptyMapIsNotInTheProfile() {
        MikeyMessage download = MikeyCodec.decode(sealer.seal(mskDelivery(7, true), muk())).message();
        List<MikeyPayload> withSp = new ArrayList<>(download.payloads());
        withSp.add(withSp.size() - 1, MbmsSrtpPolicy.of(0, 1, SrtpAuthentication.RCCM1));

        assertNotInProfile(MikeyCodec.encode(new MikeyMessage(download.header(), withSp)), "MUST NOT");
    }

    /** TS 33.246 §6.4.5.1: one crypto session, #CS 1, for streaming; #CS 2 is refused. */
    @Test
    void anSrtpIdMapWithTwoCryptoSessionsIsNotInTheProfile() {
        MikeyMessage m = MikeyCodec.decode(streamingMsk()).message();
        CommonHeader h = m.header();
        CommonHeader two = CommonHeader.srtp(h.dataType(), h.vFlag(), h.prfFunction(), h.csbId(),
                List.of(h.srtpCsEntries().get(0), new SrtpCsEntry(1, 5, 0)));

        assertNotInProfile(MikeyCodec.encode(new MikeyMessage(two, m.payloads())), "#CS 2");
    }

    /** TS 33.246 §6.4.5.3: MTK messages use the Empty map and carry no SP. */
    @Test
    void anMtkMessageWithAnSrtpIdMapOrAnSpIsNotInTheProfile() {
        MikeyMessage m = MikeyCodec.decode(sealer.seal(streamingMtk(5), msk())).message();
        CommonHeader h = m.header();
        CommonHeader srtp = CommonHeader.mbmsStreaming(false, h.csbId(), new SrtpCsEntry(0, 5, 0));
        List<MikeyPayload> withSp = new ArrayList<>(m.payloads());
        withSp.add(withSp.size() - 1, MbmsSrtpPolicy.of(0, 1, SrtpAuthentication.RCCM1));

        assertNotInProfile(MikeyCodec.encode(new MikeyMessage(srtp, m.payloads())), "SRTP-ID map in an MTK message");
        assertNotInProfile(MikeyCodec.encode(new MikeyMessage(h, withSp)), "SP payload in an MTK message");
    }

    @Test
    void anSpOfAnotherPolicyNumberOrProtocolIsNotInTheProfile() {
        Bytes sealed = streamingMsk();
        SecurityPolicyPayload sp = MbmsSrtpPolicy.of(0, 1, SrtpAuthentication.RCCM1);

        assertNotInProfile(MikeyCodec.encode(rebuilt(sealed, p -> p instanceof SecurityPolicyPayload
                ? new SecurityPolicyPayload(3, ProtocolType.SRTP, sp.parameters()) : p)), "is not the SRTP-ID map entry's");
        assertNotInProfile(MikeyCodec.encode(rebuilt(sealed, p -> p instanceof SecurityPolicyPayload
                ? new SecurityPolicyPayload(0, ProtocolType.of(4), sp.parameters()) : p)), "SRTP policy");
    }

    /**
     * TS 33.246 §6.4.6.1 steps 3 and 5: the SP is kept aside and adopted only when the message validates. A
     * tampered streaming message is refused; no OpenedMsk, so no adopted SP, ever exists for it.
     */
    @Test
    void theSecurityPolicyOfATamperedMessageIsNeverAdopted() {
        Bytes sealed = streamingMsk();
        MskMessage genuine = (MskMessage) MikeyReader.read(sealed).orElseThrow();
        assertThat(genuine.pendingSecurityPolicy()).isPresent();
        assertThat(opener.open(genuine, muk()).orElseThrow().securityPolicy()).contains(genuine.pendingSecurityPolicy().get());

        // Change R from 1 to 2: byte 3 of the parameter 0d 02 0001, found by its bytes.
        int r = sealed.toHex().indexOf("0d020001") / 2 + 3;
        MskMessage tampered = (MskMessage) MikeyReader.read(sealed.withByteXored(r, 0x03)).orElseThrow();
        OpenResult<OpenedMsk> opened = opener.open(tampered, muk());

        assertThat(opened.isOpened()).isFalse();
        assertThat(opened.rejection().reason()).isEqualTo(MikeyRejection.BAD_MAC);
    }

    /** U13: whether a pull carries RAND is open, so a pull without one is read (its labels then have no RAND). */
    @Test
    void aSolicitedPullWithoutRandIsRead() {
        Bytes pull = sealer.seal(new SolicitedPull(CSB_ID, DOMAIN, KeyGroup.of(1), TimestampCounter.of(3), RAND, IDI, IDR),
                muk());
        MikeyMessage m = MikeyCodec.decode(pull).message();
        List<MikeyPayload> withoutRand = m.payloads().stream().filter(p -> !(p instanceof RandPayload)).toList();

        InboundMikey read = MikeyReader.read(MikeyCodec.encode(new MikeyMessage(m.header(), withoutRand))).orElseThrow();

        assertThat(read).isInstanceOfSatisfying(SolicitedPullMessage.class, p -> assertThat(p.rand().isEmpty()).isTrue());
    }

    @Test
    void anMskMessageWithoutRandIsNotInTheProfile() {
        MikeyMessage m = MikeyCodec.decode(sealer.seal(mskDelivery(7, true), muk())).message();
        List<MikeyPayload> withoutRand = m.payloads().stream().filter(p -> !(p instanceof RandPayload)).toList();

        assertNotInProfile(MikeyCodec.encode(new MikeyMessage(m.header(), withoutRand)), "MSK message without RAND");
    }

    /** TS 33.246 §6.3.2.1: Key Group 0 is not allowed; senders refuse it too. */
    @Test
    void sendersRefuseKeyGroupZeroAndSequMax() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MskDelivery.delivery(CSB_ID, DOMAIN, MskId.of(0, 1), msk(),
                VALIDITY, TimestampCounter.of(1), RAND, IDI, IDR, false)).hasMessageContaining("§6.3.2.1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SolicitedPull(CSB_ID, DOMAIN, KeyGroup.of(0),
                TimestampCounter.of(1), RAND, IDI, IDR)).hasMessageContaining("Key Group 0000 is reserved");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MskDelivery.delivery(CSB_ID, DOMAIN, MSK_ID, msk(),
                org.mbmskeys.mbms.keys.KeyValidity.of(0, 0xFFFF), TimestampCounter.of(1), RAND, IDI, IDR, false))
                .hasMessageContaining("never sets SEQu to its maximum (TS 33.246 §6.4.5.1)");
    }

    @Test
    void anErrorMessageIsNotInTheProfile() {
        MikeyMessage err = new MikeyMessage(CommonHeader.mbmsEmptyMap(DataType.ERROR, false, CSB_ID),
                List.of(new TimestampPayload(TimestampType.COUNTER, 1)));
        assertThat(MikeyReader.read(MikeyCodec.encode(err)).rejection().reason()).isEqualTo(MikeyRejection.NOT_IN_PROFILE);
    }

    @Test
    void randomBytesNeverOpenAndNeverThrow() {
        var random = new java.util.Random(20261123);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(200)];
            random.nextBytes(b);
            if (b.length > 0 && random.nextBoolean()) {
                b[0] = 1; // past the version check more often
            }
            assertThat(readAndOpen(Bytes.wrap(b)).isOpened()).isFalse();
        }
    }

    /** Reads, then opens with the right key for the kind of message (as a UE would after its key lookup). */
    private OpenResult<?> readAndOpen(Bytes bytes) {
        OpenResult<InboundMikey> read = MikeyReader.read(bytes);
        if (!read.isOpened()) {
            return read;
        }
        InboundMikey m = read.orElseThrow();
        if (m instanceof MskMessage msk) {
            return opener.open(msk, muk());
        }
        if (m instanceof MtkMessage mtk) {
            return opener.open(mtk, msk(), RAND, ServiceType.STREAMING);
        }
        if (m instanceof SolicitedPullMessage pull) {
            return opener.verify(pull, muk());
        }
        return opener.verify((VerificationMessage) m, mskDelivery(7, true).ackExpectation(), muk());
    }

    private static MtkDelivery streamingMtk(int mtkId) {
        return MtkDelivery.streaming(CSB_ID, DOMAIN, MSK_ID, MtkId.of(mtkId), mtk(), salt(), TimestampCounter.of(42), RAND);
    }

    /** {@code sealed} with the data of its Key ID extension replaced (the MAC then no longer matters to the reader). */
    private static Bytes withKeyIds(Bytes sealed, String hex) {
        return MikeyCodec.encode(rebuilt(sealed, p -> p instanceof GeneralExtensionPayload
                ? GeneralExtensionPayload.of(ExtensionType.KEY_ID, Bytes.ofHex(hex)) : p));
    }

    private static void assertNotInProfile(Bytes wire, String detail) {
        OpenResult.Rejected<InboundMikey> r = MikeyReader.read(wire).rejection();
        assertThat(r.reason()).isEqualTo(MikeyRejection.NOT_IN_PROFILE);
        assertThat(r.detail()).contains(detail);
    }

    private static MikeyMessage rebuilt(Bytes sealed, UnaryOperator<MikeyPayload> change) {
        MikeyMessage m = MikeyCodec.decode(sealed).message();
        return new MikeyMessage(m.header(), m.payloads().stream().map(change).toList());
    }

    private static OpenResult.Rejected<InboundMikey> readRebuilt(Bytes sealed, UnaryOperator<MikeyPayload> change) {
        MikeyMessage m = MikeyCodec.decode(sealed).message();
        List<MikeyPayload> changed = m.payloads().stream().map(change).toList();
        return MikeyReader.read(MikeyCodec.encode(new MikeyMessage(m.header(), changed))).rejection();
    }
}
