package org.mbmskeys.mbms.mikey.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.*;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.RandPayload;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;

/** Every MBMS message type sealed by the BM-SC side opens at the UE side, on both crypto suites. */
class MikeyProtectionRoundTripTest {

    static Stream<CryptoSuite> suites() {
        return Stream.of(CryptoSuite.jca(), CryptoSuite.bouncyCastle());
    }

    @ParameterizedTest
    @MethodSource("suites")
    void mskDeliveryOpensWithTheMukAndYieldsKeyAndValidity(CryptoSuite suite) {
        Bytes wire = new MikeySealer(suite).seal(mskDelivery(7, true), muk());

        MskMessage read = (MskMessage) MikeyReader.read(wire).orElseThrow();
        assertThat(read.keyDomain()).isEqualTo(DOMAIN);
        assertThat(read.mskId()).isEqualTo(MSK_ID);
        assertThat(read.counter()).isEqualTo(TimestampCounter.of(7));
        assertThat(read.askForVerification()).isTrue();
        assertThat(read.idi().text()).contains(IDI);
        assertThat(read.idr().text()).contains(IDR);

        OpenedMsk opened = new MikeyOpener(suite).open(read, muk()).orElseThrow();
        assertThat(opened.msk()).contains(msk());
        assertThat(opened.validity()).isEqualTo(VALIDITY);
        assertThat(opened.isValidityOnly()).isFalse();
        assertThat(opened.isInvalidation()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("suites")
    void validityOnlyUpdateCarriesNoKey(CryptoSuite suite) {
        var update = MskDelivery.validityUpdate(CSB_ID, DOMAIN, MSK_ID, KeyValidity.of(50, 200), TimestampCounter.of(8), RAND,
                IDI, IDR, false);
        Bytes wire = new MikeySealer(suite).seal(update, muk());

        OpenedMsk opened = new MikeyOpener(suite).open((MskMessage) MikeyReader.read(wire).orElseThrow(), muk()).orElseThrow();
        assertThat(opened.isValidityOnly()).isTrue();
        assertThat(opened.validity()).isEqualTo(KeyValidity.of(50, 200));
    }

    @ParameterizedTest
    @MethodSource("suites")
    void invalidationHasSeqlAboveSequ(CryptoSuite suite) {
        var invalidation = MskDelivery.invalidation(CSB_ID, DOMAIN, MSK_ID, TimestampCounter.of(9), RAND, IDI, IDR, false);
        Bytes wire = new MikeySealer(suite).seal(invalidation, muk());

        OpenedMsk opened = new MikeyOpener(suite).open((MskMessage) MikeyReader.read(wire).orElseThrow(), muk()).orElseThrow();
        assertThat(opened.isInvalidation()).isTrue();
        assertThat(opened.msk()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("suites")
    void mtkDeliveryWithSaltOpensWithTheMsk(CryptoSuite suite) {
        Bytes wire = new MikeySealer(suite).seal(streamingMtk(5, 42), msk());

        MtkMessage read = (MtkMessage) MikeyReader.read(wire).orElseThrow();
        assertThat(read.mtkId()).isEqualTo(MtkId.of(5));
        assertThat(read.mskId()).isEqualTo(MSK_ID);
        assertThat(read.keyDomain()).isEqualTo(DOMAIN);
        assertThat(read.decoded().message().find(RandPayload.class)).isEmpty();
        OpenedMtk opened = new MikeyOpener(suite).open(read, msk(), RAND, ServiceType.STREAMING).orElseThrow();
        assertThat(opened.mtk()).isEqualTo(mtk());
        assertThat(opened.salt()).contains(salt());
    }

    @ParameterizedTest
    @MethodSource("suites")
    void downloadMtkOpensAsTgkWithoutSalt(CryptoSuite suite) {
        var d = MtkDelivery.download(CSB_ID, DOMAIN, MSK_ID, MtkId.of(6), mtk(), TimestampCounter.of(43), RAND);
        Bytes wire = new MikeySealer(suite).seal(d, msk());

        MtkMessage read = (MtkMessage) MikeyReader.read(wire).orElseThrow();
        OpenedMtk opened = new MikeyOpener(suite).open(read, msk(), RAND, ServiceType.DOWNLOAD).orElseThrow();
        assertThat(opened.mtk()).isEqualTo(mtk());
        assertThat(opened.salt()).isEmpty();
    }

    /** TS 33.246 §6.4.5.3 NOTE, §6.5.4: the MTK message's keys come from the RAND stored with the MSK. */
    @ParameterizedTest
    @MethodSource("suites")
    void mtkMessageOpenedWithAnotherRandThanTheMsksFailsTheMac(CryptoSuite suite) {
        Bytes wire = new MikeySealer(suite).seal(streamingMtk(5, 42), msk());

        OpenResult<OpenedMtk> opened = new MikeyOpener(suite).open((MtkMessage) MikeyReader.read(wire).orElseThrow(),
                msk(), Bytes.ofHex("ffffffffffffffffffffffffffffffff"), ServiceType.STREAMING);

        assertThat(opened.rejection().reason()).isEqualTo(MikeyRejection.BAD_MAC);
    }

    /** TS 33.246 §6.4.2: the CSB ID identifies nothing; any value works, including all zeros and all ones. */
    @ParameterizedTest
    @MethodSource("suites")
    void theCsbIdIsOpaqueAnyValueOpens(CryptoSuite suite) {
        for (CsbId csb : List.of(CsbId.of(0), CsbId.of(0xffffffff), CsbIds.random(n -> Bytes.ofHex("5a17e3c9")))) {
            var d = MskDelivery.delivery(csb, DOMAIN, MSK_ID, msk(), VALIDITY, TimestampCounter.of(7), RAND, IDI, IDR, true);
            Bytes wire = new MikeySealer(suite).seal(d, muk());

            MskMessage read = (MskMessage) MikeyReader.read(wire).orElseThrow();
            assertThat(read.csbId()).isEqualTo(csb);
            assertThat(read.keyDomain()).isEqualTo(DOMAIN);
            assertThat(new MikeyOpener(suite).open(read, muk()).orElseThrow().msk()).contains(msk());
        }
    }

    @ParameterizedTest
    @MethodSource("suites")
    void solicitedPullVerifiesWithTheLastKnownMuk(CryptoSuite suite) {
        var pull = new SolicitedPull(CSB_ID, DOMAIN, KeyGroup.of(1), TimestampCounter.of(11), RAND, IDI, IDR);
        Bytes wire = new MikeySealer(suite).seal(pull, muk());

        SolicitedPullMessage read = (SolicitedPullMessage) MikeyReader.read(wire).orElseThrow();
        assertThat(read.keyGroup()).isEqualTo(KeyGroup.of(1));
        assertThat(read.decoded().message().header().vFlag()).isFalse();
        assertThat(new MikeyOpener(suite).verify(read, muk()).isOpened()).isTrue();
        assertThat(new MikeyOpener(suite).verify(read, otherMuk()).rejection().reason()).isEqualTo(MikeyRejection.BAD_MAC);
    }

    @ParameterizedTest
    @MethodSource("suites")
    void verificationMessageAnswersTheMskMessage(CryptoSuite suite) {
        MskDelivery delivery = mskDelivery(7, true);
        Bytes wire = new MikeySealer(suite).seal(delivery, muk());
        OpenedMsk opened = new MikeyOpener(suite).open((MskMessage) MikeyReader.read(wire).orElseThrow(), muk()).orElseThrow();

        Bytes ack = new MikeySealer(suite).acknowledge(opened, muk());

        VerificationMessage read = (VerificationMessage) MikeyReader.read(ack).orElseThrow();
        assertThat(read.counter()).isEqualTo(TimestampCounter.of(7));
        assertThat(new MikeyOpener(suite).verify(read, delivery.ackExpectation(), muk()).isOpened()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("suites")
    void bothSuitesSealTheSameBytes(CryptoSuite suite) {
        Bytes jca = new MikeySealer(CryptoSuite.jca()).seal(mskDelivery(7, true), muk());
        assertThat(new MikeySealer(suite).seal(mskDelivery(7, true), muk())).isEqualTo(jca);
    }

    static MtkDelivery streamingMtk(int mtkId, long counter) {
        return MtkDelivery.streaming(CSB_ID, DOMAIN, MSK_ID, MtkId.of(mtkId), mtk(), salt(), TimestampCounter.of(counter),
                RAND);
    }

    @ParameterizedTest
    @MethodSource("suites")
    void openedKeysPrintNoKeyMaterial(CryptoSuite suite) {
        Bytes wire = new MikeySealer(suite).seal(mskDelivery(7, true), muk());
        OpenedMsk opened = new MikeyOpener(suite).open((MskMessage) MikeyReader.read(wire).orElseThrow(), muk()).orElseThrow();
        OpenedMtk mtk = new MikeyOpener(suite).open((MtkMessage) MikeyReader.read(new MikeySealer(suite)
                .seal(streamingMtk(5, 42), msk())).orElseThrow(), msk(), RAND, ServiceType.STREAMING).orElseThrow();

        for (SecretBytes secret : new SecretBytes[] {msk(), mtk(), salt()}) {
            String hex = secret.revealHex();
            assertThat(opened.toString()).doesNotContain(hex.substring(0, 8));
            assertThat(mtk.toString()).doesNotContain(hex.substring(0, 8));
        }
        assertThat(mskDelivery(7, true).toString()).doesNotContain(msk().revealHex().substring(0, 8));
    }
}
