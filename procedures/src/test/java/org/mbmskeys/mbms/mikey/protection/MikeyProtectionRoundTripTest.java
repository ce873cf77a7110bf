package org.mbmskeys.mbms.mikey.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.*;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.TimestampCounter;
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
        var update = MskDelivery.validityUpdate(DOMAIN, MSK_ID, KeyValidity.of(50, 200), TimestampCounter.of(8), RAND,
                IDI, IDR, false);
        Bytes wire = new MikeySealer(suite).seal(update, muk());

        OpenedMsk opened = new MikeyOpener(suite).open((MskMessage) MikeyReader.read(wire).orElseThrow(), muk()).orElseThrow();
        assertThat(opened.isValidityOnly()).isTrue();
        assertThat(opened.validity()).isEqualTo(KeyValidity.of(50, 200));
    }

    @ParameterizedTest
    @MethodSource("suites")
    void invalidationHasSeqlAboveSequ(CryptoSuite suite) {
        var invalidation = MskDelivery.invalidation(DOMAIN, MSK_ID, TimestampCounter.of(9), RAND, IDI, IDR, false);
        Bytes wire = new MikeySealer(suite).seal(invalidation, muk());

        OpenedMsk opened = new MikeyOpener(suite).open((MskMessage) MikeyReader.read(wire).orElseThrow(), muk()).orElseThrow();
        assertThat(opened.isInvalidation()).isTrue();
        assertThat(opened.msk()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("suites")
    void mtkDeliveryWithSaltOpensWithTheMsk(CryptoSuite suite) {
        var d = MtkDelivery.of(DOMAIN, MSK_ID, MtkId.of(5), mtk(), Optional.of(salt()), TimestampCounter.of(42), RAND);
        Bytes wire = new MikeySealer(suite).seal(d, msk());

        MtkMessage read = (MtkMessage) MikeyReader.read(wire).orElseThrow();
        assertThat(read.mtkId()).isEqualTo(MtkId.of(5));
        assertThat(read.mskId()).isEqualTo(MSK_ID);
        assertThat(read.keyDomain()).isEqualTo(DOMAIN);
        OpenedMtk opened = new MikeyOpener(suite).open(read, msk()).orElseThrow();
        assertThat(opened.mtk()).isEqualTo(mtk());
        assertThat(opened.salt()).contains(salt());
    }

    @ParameterizedTest
    @MethodSource("suites")
    void mtkDeliveryWithoutSaltOrRandOpens(CryptoSuite suite) {
        var d = new MtkDelivery(DOMAIN, MSK_ID, MtkId.of(6), mtk(), Optional.empty(), TimestampCounter.of(43), Optional.empty());
        Bytes wire = new MikeySealer(suite).seal(d, msk());

        MtkMessage read = (MtkMessage) MikeyReader.read(wire).orElseThrow();
        assertThat(read.rand().isEmpty()).isTrue();
        OpenedMtk opened = new MikeyOpener(suite).open(read, msk()).orElseThrow();
        assertThat(opened.mtk()).isEqualTo(mtk());
        assertThat(opened.salt()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("suites")
    void solicitedPullVerifiesWithTheLastKnownMuk(CryptoSuite suite) {
        var pull = new SolicitedPull(DOMAIN, KeyGroup.of(1), TimestampCounter.of(11), RAND, IDI, IDR);
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

    @ParameterizedTest
    @MethodSource("suites")
    void openedKeysPrintNoKeyMaterial(CryptoSuite suite) {
        Bytes wire = new MikeySealer(suite).seal(mskDelivery(7, true), muk());
        OpenedMsk opened = new MikeyOpener(suite).open((MskMessage) MikeyReader.read(wire).orElseThrow(), muk()).orElseThrow();
        var d = MtkDelivery.of(DOMAIN, MSK_ID, MtkId.of(5), mtk(), Optional.of(salt()), TimestampCounter.of(42), RAND);
        OpenedMtk mtk = new MikeyOpener(suite).open((MtkMessage) MikeyReader.read(new MikeySealer(suite).seal(d, msk())).orElseThrow(), msk()).orElseThrow();

        for (SecretBytes secret : new SecretBytes[] {msk(), mtk(), salt()}) {
            String hex = secret.revealHex();
            assertThat(opened.toString()).doesNotContain(hex.substring(0, 8));
            assertThat(mtk.toString()).doesNotContain(hex.substring(0, 8));
        }
        assertThat(mskDelivery(7, true).toString()).doesNotContain(msk().revealHex().substring(0, 8));
    }
}
