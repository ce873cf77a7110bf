package org.mbmskeys.mbms.mikey.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.CSB_ID;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.DOMAIN;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.IDI;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.IDR;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.MSK_ID;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.RAND;
import static org.mbmskeys.mbms.mikey.protection.Fixtures.mskDelivery;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * Sealing and opening leave no derived key behind (TS 33.246 §6.4.5: the KEMAC encryption, authentication
 * and salting keys, the verification MAC key) and no decrypted key data outside the result: every key
 * array the crypto suite saw is zero afterwards, except the caller's own MUK or MSK, which stays intact;
 * on success and on a bad MAC alike.
 */
class ProtectionWipesEveryDerivedKeyTest {

    private final SpyingSuite suite = new SpyingSuite();
    private final MikeySealer sealer = new MikeySealer(suite);
    private final MikeyOpener opener = new MikeyOpener(suite);
    private final SecretBytes muk = Fixtures.muk();
    private final SecretBytes msk = Fixtures.msk();

    private static boolean zeroed(byte[] a) {
        for (byte b : a) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private void assertOnlyTheCallersKeysSurvive(SecretBytes callersKey) {
        List<byte[]> derived = suite.derivedKeys(callersKey.unsafeArray());
        assertThat(derived).isNotEmpty().allSatisfy(k -> assertThat(zeroed(k)).as("derived key zeroed").isTrue());
        assertThat(callersKey.isDestroyed()).isFalse();
        assertThat(zeroed(callersKey.unsafeArray())).isFalse();
    }

    @Test
    void sealingAnMskMessageWipesItsKemacKeysAndThePlaintext() {
        sealer.seal(mskDelivery(7, true), muk);

        assertOnlyTheCallersKeysSurvive(muk);
        assertThat(suite.aesInputs).isNotEmpty().allSatisfy(p -> assertThat(zeroed(p)).as("plaintext zeroed").isTrue());
    }

    @Test
    void openingAnMskMessageWipesItsKemacKeysAndTheDecryptedKeyData() {
        Bytes sealed = sealer.seal(mskDelivery(7, true), muk);
        suite.forget();

        OpenedMsk opened = opener.open((MskMessage) MikeyReader.read(sealed).orElseThrow(), muk).orElseThrow();

        assertOnlyTheCallersKeysSurvive(muk);
        assertThat(suite.aesOutputs).isNotEmpty().allSatisfy(p -> assertThat(zeroed(p)).as("plaintext zeroed").isTrue());
        assertThat(opened.msk().orElseThrow()).isEqualTo(Fixtures.msk());
    }

    @Test
    void anMskMessageWithABadMacLeavesNoDerivedKey() {
        Bytes sealed = sealer.seal(mskDelivery(7, true), muk);
        suite.forget();

        SecretBytes wrongMuk = Fixtures.otherMuk();
        OpenResult<OpenedMsk> r = opener.open((MskMessage) MikeyReader.read(sealed).orElseThrow(), wrongMuk);

        assertThat(r.rejection().reason()).isEqualTo(MikeyRejection.BAD_MAC);
        assertOnlyTheCallersKeysSurvive(wrongMuk);
    }

    @Test
    void sealingAndOpeningAnMtkMessageWipeTheirKemacKeys() {
        MtkDelivery d = MtkDelivery.streaming(CSB_ID, DOMAIN, MSK_ID, MtkId.of(5), Fixtures.mtk(), Fixtures.salt(),
                TimestampCounter.of(42), RAND);
        Bytes sealed = sealer.seal(d, msk);
        assertOnlyTheCallersKeysSurvive(msk);
        suite.forget();

        OpenedMtk opened = opener.open((MtkMessage) MikeyReader.read(sealed).orElseThrow(), msk, RAND, ServiceType.STREAMING)
                .orElseThrow();

        assertOnlyTheCallersKeysSurvive(msk);
        assertThat(opened.mtk()).isEqualTo(Fixtures.mtk());
        suite.forget();
        SecretBytes wrongMsk = Fixtures.mtk();
        assertThat(opener.open((MtkMessage) MikeyReader.read(sealed).orElseThrow(), wrongMsk, RAND,
                ServiceType.STREAMING).isOpened()).isFalse();
        assertOnlyTheCallersKeysSurvive(wrongMsk);
    }

    @Test
    void verifyingASolicitedPullWipesItsMacKey() {
        Bytes sealed = sealer.seal(new SolicitedPull(CSB_ID, DOMAIN, KeyGroup.of(1), TimestampCounter.of(9), RAND, IDI, IDR),
                muk);
        assertOnlyTheCallersKeysSurvive(muk);
        suite.forget();

        assertThat(opener.verify((SolicitedPullMessage) MikeyReader.read(sealed).orElseThrow(), muk).isOpened()).isTrue();

        assertOnlyTheCallersKeysSurvive(muk);
    }

    @Test
    void acknowledgingAndVerifyingTheAcknowledgementWipeTheMacKey() {
        MskDelivery delivery = mskDelivery(7, true);
        OpenedMsk opened = opener.open((MskMessage) MikeyReader.read(sealer.seal(delivery, muk)).orElseThrow(), muk)
                .orElseThrow();
        suite.forget();

        Bytes ack = sealer.acknowledge(opened, muk);
        assertOnlyTheCallersKeysSurvive(muk);
        suite.forget();

        assertThat(opener.verify((VerificationMessage) MikeyReader.read(ack).orElseThrow(), delivery.ackExpectation(), muk)
                .isOpened()).isTrue();
        assertOnlyTheCallersKeysSurvive(muk);
    }
}
