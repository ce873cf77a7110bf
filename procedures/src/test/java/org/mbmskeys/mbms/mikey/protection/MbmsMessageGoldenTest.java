package org.mbmskeys.mbms.mikey.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.SrtpCsEntry;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;

/**
 * The exact bytes of the sealed MBMS MIKEY messages, on both crypto suites. The expected hex is the output
 * of the independent Python reproduction (adapters/app/src/test/resources/mikey/independent_golden.py),
 * written from the texts alone: TS 33.246 §6.4.4 (one Key ID extension: Key Domain ID, MSK ID, MTK ID),
 * §6.4.2 (any CSB ID), §6.4.5.1 (MSK message: IDs of type NAI, MSK as TEK with KV Interval, RAND),
 * §6.4.5.2 (verification message), §6.4.5.3 (MTK message without RAND, keys from the MSK's stored RAND,
 * §6.5.4; streaming MTK TEK+SALT, download MTK TGK), §6.3.2.2.4 (solicited pull), RFC 3830 §4.1.4,
 * §4.2.3, §5.2 and RFC 4563 §4. A change here is a change on the wire.
 *
 * <p>Inputs: MUK = Ks_NAF of the GBA vectors (the ME-based MUK, §6.1), MSK 00112233…eeff, MTK 0f0e…00, salt
 * a0…ad, Key Domain 001-01 (BCD, U2), MSK ID 00010002, MTK ID 5, RAND 1011…1f, validity SEQl 0, SEQu 65534,
 * CSB IDs c5b1d001 (MSK messages, ACK), c5b1d002 (pull), c5b1d003 (MTK messages).
 */
class MbmsMessageGoldenTest {

    static final SecretBytes MUK = SecretBytes.ofHex("ac989d60aad1969639e2073bf7ff93c1c652ea91b627a95a1c1e3ab1a836c48c");
    static final SecretBytes MSK = SecretBytes.ofHex("00112233445566778899aabbccddeeff");
    static final SecretBytes MTK = SecretBytes.ofHex("0f0e0d0c0b0a09080706050403020100");
    static final SecretBytes SALT = SecretBytes.ofHex("a0a1a2a3a4a5a6a7a8a9aaabacad");
    static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    static final MskId MSK_ID = MskId.of(0x0001, 0x0002);
    static final Bytes RAND = Bytes.ofHex("101112131415161718191a1b1c1d1e1f");
    static final Bytes PULL_RAND = Bytes.ofHex("202122232425262728292a2b2c2d2e2f");
    static final KeyValidity VALIDITY = KeyValidity.of(0, 65534);
    static final CsbId CSB_MSK = CsbId.of(0xc5b1d001);
    static final CsbId CSB_PULL = CsbId.of(0xc5b1d002);
    static final CsbId CSB_MTK = CsbId.of(0xc5b1d003);

    static final Bytes MSK_DOWNLOAD = Bytes.ofHex("""
            01001580c5b1d00100010503000b000300f1100104000100020b02000000070610101112131415161718191a1b1c1d1e
            1f06000010626d73632e6578616d706c652e6f7267010000284931553876705933714a306869755a4e726b652f4e513d
            3d406273662e6578616d706c652e6f72670001001a8644fea5a17a929b2de49d60a836b7c154219cd3efc768f3f67a01
            f58d2c5e651b8d3dccc2913c0dcf445a0450877e
            """.replaceAll("\\s", ""));

    static final Bytes MSK_STREAMING = Bytes.ofHex("""
            01001500c5b1d0010100000a0b0c0d000000000503000b000300f1100104000100020b02000000090610101112131415
            161718191a1b1c1d1e1f06000010626d73632e6578616d706c652e6f72670a0000284931553876705933714a30686975
            5a4e726b652f4e513d3d406273662e6578616d706c652e6f7267010000001900010101011002010104010e0b010a0d02
            00010e010212010e0001001a21d87bf9cf678f46ee08f2b79f188e82c3a232b38efb3a0b817a01b4922a2e1b71458d1a
            4c6f8098fb496c8db5861c
            """.replaceAll("\\s", ""));

    static final Bytes ACK = Bytes.ofHex("""
            01010500c5b1d0010001060200000007090000284931553876705933714a306869755a4e726b652f4e513d3d40627366
            2e6578616d706c652e6f7267000194dc65a3cb207729ee51474ab46a0f2ff89cacd0
            """.replaceAll("\\s", ""));

    static final Bytes SOLICIT = Bytes.ofHex("""
            01001500c5b1d00200010503000b000300f1100104000100000b02000000080610202122232425262728292a2b2c2d2e
            2f06000010626d73632e6578616d706c652e6f7267010000284931553876705933714a306869755a4e726b652f4e513d
            3d406273662e6578616d706c652e6f72670001000001836c30055ac6cd63eafb34b6630ea7ec010c7e96
            """.replaceAll("\\s", ""));

    static final Bytes MTK_STREAMING = Bytes.ofHex("""
            01001500c5b1d00300010503000f000300f1100104000100020202000501020000000300010024913d3ab15a55d2b926
            3bf95f41ff903f223f6af1209bc3f8928c7320aac2743370dc86a101fbdc17edf1d1f3c658a1280e556c1765b77a0d00
            """.replaceAll("\\s", ""));

    static final Bytes MTK_DOWNLOAD = Bytes.ofHex("""
            01001500c5b1d00300010503000f000300f1100104000100020202000501020000000400010014d11ac1b71763fd3f96
            52e5c38252cd93cd42b1e50162b4a186a1e46736b3ece05ab1559e1548391f95
            """.replaceAll("\\s", ""));

    static final Bytes MSK_VALIDITY_ONLY = Bytes.ofHex("""
            01001500c5b1d00100010503000b000300f1100104000100020b020000000a0610101112131415161718191a1b1c1d1e
            1f06000010626d73632e6578616d706c652e6f7267010000284931553876705933714a306869755a4e726b652f4e513d
            3d406273662e6578616d706c652e6f72670001000a4c8a4db03666e25992bd01da5c4955ccc1c671803507451153526e
            e6e29609
            """.replaceAll("\\s", ""));

    static MskDelivery mskDownload() {
        return MskDelivery.delivery(CSB_MSK, DOMAIN, MSK_ID, MSK, VALIDITY, TimestampCounter.of(7), RAND, Fixtures.IDI,
                Fixtures.IDR, true);
    }

    static Stream<Arguments> suites() {
        return Stream.of(Arguments.of("JCA", CryptoSuite.jca()), Arguments.of("Bouncy Castle", CryptoSuite.bouncyCastle()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void downloadMskMessageWithTheVBit(String name, CryptoSuite suite) {
        assertThat(new MikeySealer(suite).seal(mskDownload(), MUK)).isEqualTo(MSK_DOWNLOAD);
    }

    /**
     * TS 33.246 §6.4.5.1, §6.6.2.1: a streaming MSK message has #CS 1 with the SRTP-ID map entry (Policy_no 0,
     * SSRC 0a0b0c0d, ROC 0) and the SP with R = 1 and RCCm1 (RFC 4771 §4), no KDR parameter.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void streamingMskMessageWithSrtpIdMapAndSecurityPolicy(String name, CryptoSuite suite) {
        MskDelivery d = MskDelivery.delivery(CSB_MSK, DOMAIN, MSK_ID, MSK, VALIDITY, TimestampCounter.of(9), RAND,
                Fixtures.IDI, Fixtures.IDR, false).forStreaming(StreamingSession.of(0x0a0b0c0dL, 0, 1,
                SrtpAuthentication.RCCM1));

        assertThat(new MikeySealer(suite).seal(d, MUK)).isEqualTo(MSK_STREAMING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void verificationMessageAnsweringIt(String name, CryptoSuite suite) {
        MskMessage read = (MskMessage) MikeyReader.read(MSK_DOWNLOAD).orElseThrow();
        OpenedMsk opened = new MikeyOpener(suite).open(read, MUK).orElseThrow();

        assertThat(new MikeySealer(suite).acknowledge(opened, MUK)).isEqualTo(ACK);
    }

    /** §6.4.5.2: the verification message's IDr is of type NAI even when the MSK message's IDr was not. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void verificationMessageSetsIdrTypeNaiWhateverTheMskMessageSent(String name, CryptoSuite suite) {
        OpenedMsk opened = new MikeyOpener(suite).open((MskMessage) MikeyReader.read(MSK_DOWNLOAD).orElseThrow(), MUK)
                .orElseThrow();
        byte[] uriIdr = MSK_DOWNLOAD.toByteArray();
        String idrHex = Bytes.wrap(Fixtures.IDR.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toHex();
        int idrData = MSK_DOWNLOAD.toHex().indexOf(idrHex) / 2;
        uriIdr[idrData - 3] = 1;   // ID type URI, ahead of the 2-byte ID len
        MskMessage withUriIdr = (MskMessage) MikeyReader.read(Bytes.wrap(uriIdr)).orElseThrow();
        assertThat(withUriIdr.idr().idType()).isEqualTo(org.mbmskeys.mbms.mikey.IdType.URI);

        Bytes ack = new MikeySealer(suite).acknowledge(new OpenedMsk(withUriIdr, opened.msk(), opened.validity()), MUK);

        assertThat(ack).isEqualTo(ACK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void solicitedPull(String name, CryptoSuite suite) {
        SolicitedPull pull = new SolicitedPull(CSB_PULL, DOMAIN, KeyGroup.of(1), TimestampCounter.of(8), PULL_RAND,
                Fixtures.IDI, Fixtures.IDR);

        assertThat(new MikeySealer(suite).seal(pull, MUK)).isEqualTo(SOLICIT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void streamingMtkMessageWithoutRand(String name, CryptoSuite suite) {
        MtkDelivery d = MtkDelivery.streaming(CSB_MTK, DOMAIN, MSK_ID, MtkId.of(5), MTK, SALT, TimestampCounter.of(3), RAND);

        assertThat(new MikeySealer(suite).seal(d, MSK)).isEqualTo(MTK_STREAMING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void downloadMtkMessageAsTgk(String name, CryptoSuite suite) {
        MtkDelivery d = MtkDelivery.download(CSB_MTK, DOMAIN, MSK_ID, MtkId.of(5), MTK, TimestampCounter.of(4), RAND);

        assertThat(new MikeySealer(suite).seal(d, MSK)).isEqualTo(MTK_DOWNLOAD);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void validityOnlyUpdate(String name, CryptoSuite suite) {
        MskDelivery d = MskDelivery.validityUpdate(CSB_MSK, DOMAIN, MSK_ID, VALIDITY, TimestampCounter.of(10), RAND,
                Fixtures.IDI, Fixtures.IDR, false);

        assertThat(new MikeySealer(suite).seal(d, MUK)).isEqualTo(MSK_VALIDITY_ONLY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void theGoldenMessagesOpenToTheirKeys(String name, CryptoSuite suite) {
        MikeyOpener opener = new MikeyOpener(suite);
        OpenedMsk msk = opener.open((MskMessage) MikeyReader.read(MSK_DOWNLOAD).orElseThrow(), MUK).orElseThrow();
        assertThat(msk.msk()).contains(MSK);
        assertThat(msk.validity()).isEqualTo(VALIDITY);
        assertThat(msk.rand()).isEqualTo(RAND);
        assertThat(msk.serviceType()).isEqualTo(ServiceType.DOWNLOAD);
        assertThat(msk.securityPolicy()).isEmpty();

        OpenedMsk streamingMsk = opener.open((MskMessage) MikeyReader.read(MSK_STREAMING).orElseThrow(), MUK).orElseThrow();
        assertThat(streamingMsk.serviceType()).isEqualTo(ServiceType.STREAMING);
        assertThat(streamingMsk.srtpCsEntry()).contains(new SrtpCsEntry(0, 0x0a0b0c0dL, 0));
        assertThat(streamingMsk.securityPolicy()).contains(MbmsSrtpPolicy.of(0, 1, SrtpAuthentication.RCCM1));

        OpenedMtk streaming = opener.open((MtkMessage) MikeyReader.read(MTK_STREAMING).orElseThrow(), MSK, RAND,
                ServiceType.STREAMING).orElseThrow();
        assertThat(streaming.mtk()).isEqualTo(MTK);
        assertThat(streaming.salt()).contains(SALT);

        OpenedMtk download = opener.open((MtkMessage) MikeyReader.read(MTK_DOWNLOAD).orElseThrow(), MSK, RAND,
                ServiceType.DOWNLOAD).orElseThrow();
        assertThat(download.mtk()).isEqualTo(MTK);
        assertThat(download.salt()).isEmpty();
    }
}
