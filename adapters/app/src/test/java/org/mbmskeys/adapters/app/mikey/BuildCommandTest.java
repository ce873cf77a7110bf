package org.mbmskeys.adapters.app.mikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.adapters.app.mikey.MikeyGolden.BUILD_MSK;
import static org.mbmskeys.adapters.app.mikey.MikeyGolden.BUILD_MTK;
import static org.mbmskeys.adapters.app.mikey.MikeyGolden.BUILD_MTK_DOWNLOAD;
import static org.mbmskeys.adapters.app.mikey.MikeyGolden.BUILD_VALIDITY_ONLY;
import static org.mbmskeys.adapters.app.mikey.MikeyGolden.BUILD_SOLICIT;
import static org.mbmskeys.adapters.app.mikey.MikeyGolden.replacing;
import static org.mbmskeys.adapters.app.mikey.MikeyGolden.with;
import static org.mbmskeys.adapters.app.mikey.MikeyGolden.without;

import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.app.CliRun;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.protection.AckExpectation;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.protection.MikeyOpener;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.mikey.protection.MtkMessage;
import org.mbmskeys.mbms.mikey.protection.OpenedMsk;
import org.mbmskeys.mbms.mikey.protection.OpenedMtk;
import org.mbmskeys.mbms.mikey.protection.SolicitedPullMessage;
import org.mbmskeys.mbms.mikey.protection.VerificationMessage;

/** {@code mbms-keys mikey build msk|mtk|solicit|ack}: golden output, and what it opens to with the same keys. */
class BuildCommandTest {

    private static final MikeyOpener OPENER = MikeyOpener.jca();

    @Test
    void mskWithFixedRandPrintsTheGoldenMessageAsOneLineOfHex() {
        CliRun run = CliRun.of(BUILD_MSK);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(MikeyGolden.MSK_MESSAGE.toHex() + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void goldenMskMessageOpensWithTheMukToTheMskAndItsDefaultValidity() {
        MskMessage m = (MskMessage) read(built(BUILD_MSK));
        OpenedMsk opened = OPENER.open(m, SecretBytes.ofHex(MikeyGolden.MUK)).orElseThrow();

        assertThat(m.askForVerification()).isTrue();
        assertThat(m.mskId()).isEqualTo(MskId.parseHex("00010002"));
        assertThat(m.counter().value()).isEqualTo(7);
        assertThat(opened.msk().orElseThrow().revealHex()).isEqualTo(MikeyGolden.MSK);
        assertThat(opened.validity()).isEqualTo(KeyValidity.of(0, 65534));
    }

    @Test
    void mtkWithSaltPrintsTheGoldenMessageThatOpensWithTheMsk() {
        CliRun run = CliRun.of(BUILD_MTK);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo(MikeyGolden.MTK_MESSAGE.toHex());

        MtkMessage m = (MtkMessage) read(Bytes.ofHex(run.out().strip()));
        OpenedMtk opened = OPENER.open(m, SecretBytes.ofHex(MikeyGolden.MSK), Bytes.ofHex(MikeyGolden.MSK_RAND),
                ServiceType.STREAMING).orElseThrow();
        assertThat(opened.mtkId()).isEqualTo(MtkId.of(5));
        assertThat(opened.mtk().revealHex()).isEqualTo(MikeyGolden.MTK);
        assertThat(opened.salt().orElseThrow().revealHex()).isEqualTo(MikeyGolden.SALT);
    }

    @Test
    void downloadMtkPrintsTheGoldenMessageAsTgkWithoutSalt() {
        CliRun run = CliRun.of(BUILD_MTK_DOWNLOAD);
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(MikeyGolden.MTK_DOWNLOAD_MESSAGE.toHex());

        OpenedMtk opened = OPENER.open((MtkMessage) read(Bytes.ofHex(run.out().strip())), SecretBytes.ofHex(MikeyGolden.MSK),
                Bytes.ofHex(MikeyGolden.MSK_RAND), ServiceType.DOWNLOAD).orElseThrow();
        assertThat(opened.salt()).isEmpty();
        assertThat(opened.mtk().revealHex()).isEqualTo(MikeyGolden.MTK);
    }

    /** TS 33.246 §6.4.5.1, §6.6.2.1: the streaming MSK message carries the SRTP-ID map entry and the SP. */
    @Test
    void streamingMskPrintsTheGoldenMessageWhoseSpIsAdoptedWhenItOpens() {
        CliRun run = CliRun.of(MikeyGolden.BUILD_MSK_STREAMING);
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(MikeyGolden.MSK_STREAMING_MESSAGE.toHex());

        OpenedMsk opened = OPENER.open((MskMessage) read(MikeyGolden.MSK_STREAMING_MESSAGE), SecretBytes.ofHex(MikeyGolden.MUK))
                .orElseThrow();
        assertThat(opened.serviceType()).isEqualTo(ServiceType.STREAMING);
        assertThat(opened.srtpCsEntry().orElseThrow().ssrc()).isEqualTo(0x0a0b0c0dL);
        assertThat(opened.securityPolicy()).isPresent();
    }

    @Test
    void rocRateAndTransformAreWrittenIntoTheSp() {
        Bytes msg = built(replacing(replacing(MikeyGolden.BUILD_MSK_STREAMING, "--roc-rate", "300"), "--srtp-auth", "rccm3"));

        assertThat(msg.toHex()).contains("0d02012c" + "0e0104");
    }

    /** RFC 3830 §6.10.1: the SP's session encryption key length (type 1) is the master key length, the MTK's. */
    @Test
    void theMtkLengthIsTheSpsSessionEncryptionKeyLength() {
        assertThat(built(MikeyGolden.BUILD_MSK_STREAMING).toHex()).contains("000101" + "010110");
        assertThat(built(with(MikeyGolden.BUILD_MSK_STREAMING, "--mtk-length", "32")).toHex()).contains("000101" + "010120");
    }

    @Test
    void validityOnlyPrintsTheGoldenMessage() {
        CliRun run = CliRun.of(BUILD_VALIDITY_ONLY);

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(MikeyGolden.VALIDITY_ONLY_MESSAGE.toHex());
    }

    /** TS 33.246 §4.2: the MTK is an SRTP master key of 128, 192 or 256 bits. */
    @Test
    void mtksOf24And32BytesAreBuilt() {
        for (String mtk : new String[] {"ab".repeat(24), "cd".repeat(32)}) {
            Bytes msg = built(replacing(BUILD_MTK, "--mtk", mtk));

            OpenedMtk opened = OPENER.open((MtkMessage) read(msg), SecretBytes.ofHex(MikeyGolden.MSK),
                    Bytes.ofHex(MikeyGolden.MSK_RAND), ServiceType.STREAMING).orElseThrow();
            assertThat(opened.mtk().revealHex()).isEqualTo(mtk);
        }
    }

    /** TS 33.246 §6.4.2: without --csb-id each message gets 4 fresh random bytes. */
    @Test
    void withoutCsbIdEachBuildPicksARandomOne() {
        String[] args = without(BUILD_MSK, "--csb-id", false);
        MskMessage first = (MskMessage) read(built(args));
        MskMessage second = (MskMessage) read(built(args));

        // Two SecureRandom draws of 32 bits collide with probability 2^-32.
        assertThat(first.csbId()).isNotEqualTo(second.csbId());
        assertThat(OPENER.open(first, SecretBytes.ofHex(MikeyGolden.MUK)).isOpened()).isTrue();
    }

    @Test
    void solicitPrintsTheGoldenSolicitedPullThatVerifiesWithTheMuk() {
        CliRun run = CliRun.of(BUILD_SOLICIT);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo(MikeyGolden.SOLICIT_MESSAGE.toHex());

        SolicitedPullMessage m = (SolicitedPullMessage) read(Bytes.ofHex(run.out().strip()));
        assertThat(OPENER.verify(m, SecretBytes.ofHex(MikeyGolden.MUK)).isOpened()).isTrue();
        assertThat(m.keyGroup().value()).isEqualTo(1);
    }

    @Test
    void ackPrintsTheGoldenVerificationMessageThatTheBmscAccepts() {
        CliRun run = CliRun.of("mikey", "build", "ack", "--muk", MikeyGolden.MUK, "--answers", MikeyGolden.MSK_MESSAGE.toHex());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo(MikeyGolden.ACK_MESSAGE.toHex());
        assertThat(run.err()).isEmpty();

        MskMessage answered = (MskMessage) read(MikeyGolden.MSK_MESSAGE);
        var expected = new AckExpectation(answered.csbId(), answered.rand(), answered.idi().data(), answered.idr().data(),
                answered.counter());
        VerificationMessage ack = (VerificationMessage) read(Bytes.ofHex(run.out().strip()));
        assertThat(OPENER.verify(ack, expected, SecretBytes.ofHex(MikeyGolden.MUK)).isOpened()).isTrue();
    }

    @Test
    void ackForAMessageThatDoesNotOpenWithTheMukExitsOneWithBadMac() {
        CliRun run = CliRun.of("mikey", "build", "ack", "--muk", MikeyGolden.MSK, "--answers", MikeyGolden.MSK_MESSAGE.toHex());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("BAD_MAC: ");
    }

    @Test
    void ackForAnMskMessageWithoutTheVBitWarnsOnStderrAndStillPrintsOnlyHexOnStdout() {
        Bytes noAck = built(without(BUILD_MSK, "--ack", true));
        CliRun run = CliRun.of("mikey", "build", "ack", "--muk", MikeyGolden.MUK, "--answers", noAck.toHex());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).matches("[0-9a-f]+");
        assertThat(run.err()).contains("does not set the V bit");
    }

    @Test
    void withoutAckTheVBitIsClear() {
        MskMessage m = (MskMessage) read(built(without(BUILD_MSK, "--ack", true)));

        assertThat(m.askForVerification()).isFalse();
    }

    @Test
    void seqlAndSequSetTheKeyValidity() {
        Bytes msg = built(with(BUILD_MSK, "--seql", "100", "--sequ", "200"));

        OpenedMsk opened = OPENER.open((MskMessage) read(msg), SecretBytes.ofHex(MikeyGolden.MUK)).orElseThrow();
        assertThat(opened.validity()).isEqualTo(KeyValidity.of(100, 200));
    }

    @Test
    void validityOnlyCarriesNoKeyButTheNewValidity() {
        Bytes msg = built(with(BUILD_VALIDITY_ONLY, "--seql", "5", "--sequ", "900"));

        OpenedMsk opened = OPENER.open((MskMessage) read(msg), SecretBytes.ofHex(MikeyGolden.MUK)).orElseThrow();
        assertThat(opened.isValidityOnly()).isTrue();
        assertThat(opened.isInvalidation()).isFalse();
        assertThat(opened.validity()).isEqualTo(KeyValidity.of(5, 900));
    }

    @Test
    void invalidateSendsSeqlOneAboveSequZero() {
        Bytes msg = built(with(without(BUILD_MSK, "--msk", false), "--invalidate"));

        OpenedMsk opened = OPENER.open((MskMessage) read(msg), SecretBytes.ofHex(MikeyGolden.MUK)).orElseThrow();
        assertThat(opened.isInvalidation()).isTrue();
        assertThat(opened.validity()).isEqualTo(KeyValidity.of(1, 0));
    }

    @Test
    void aSixteenByteMukWorksAsWellAsAGbaMuk() {
        String muk16 = "000102030405060708090a0b0c0d0e0f";
        Bytes msg = built(replacing(BUILD_MSK, "--muk", muk16));

        assertThat(OPENER.open((MskMessage) read(msg), SecretBytes.ofHex(muk16)).isOpened()).isTrue();
    }

    @Test
    void withoutRandEachBuildUsesSixteenFreshRandomBytes() {
        String[] args = without(BUILD_MSK, "--rand", false);
        MskMessage first = (MskMessage) read(built(args));
        MskMessage second = (MskMessage) read(built(args));

        assertThat(first.rand().length()).isEqualTo(16);
        assertThat(second.rand().length()).isEqualTo(16);
        // Two SecureRandom draws of 128 bits collide with probability 2^-128.
        assertThat(first.rand()).isNotEqualTo(second.rand());
        assertThat(OPENER.open(first, SecretBytes.ofHex(MikeyGolden.MUK)).isOpened()).isTrue();
    }

    private static Bytes built(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as("exit code, stderr: %s", run.err()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        return Bytes.ofHex(run.out().strip());
    }

    private static InboundMikey read(Bytes message) {
        return MikeyReader.read(message).orElseThrow();
    }
}
