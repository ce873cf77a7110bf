package org.mbmskeys.mbms.gba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * MUK and MRK by GBA run and MBMS key management, TS 33.246 §6.1 and Annex F:
 *
 * <ul>
 *   <li>§6.1: "In case the UICC supports MBMS then this key Ks_int_NAF is used ... as the key MUK ... The
 *       key Ks_ext_NAF is used as the key MRK";</li>
 *   <li>§6.1: "In case the UICC does not support MBMS ... the key Ks_ext_NAF shall be used as MUK and the
 *       key MRK is derived from the key Ks_ext_NAF ... as specified in Annex F";</li>
 *   <li>§6.1: "A run of GBA_ME or 2G GBA results in the BM-SC sharing a key Ks_NAF with the ME. Both the
 *       BM-SC and the ME use the key Ks_NAF as MUK";</li>
 *   <li>Annex F: "FC = 0x01, P0 = "mbms-mrk" (i.e. 0x6d 0x62 0x6d 0x73 0x2d 0x6d 0x72 0x6b), and L0 = ...
 *       0x00 0x08"; "MRK = KDF (Ks_NAF, "mbms-mrk") in case of GBA_ME run; MRK = KDF (Ks_ext_NAF,
 *       "mbms-mrk") in case of GBA_U run".</li>
 * </ul>
 *
 * Inputs are vectors/gba.json (TS 35.208 Test Set 1 CK/IK/RAND); {@code mrk_mbms} is a self-computed value
 * (Python hmac and openssl), cross-checked here by a plain javax.crypto HMAC over a hand-written S. Not an
 * official vector.
 */
class MukMrkDerivationTest {

    /** KDF(ks_ext_naf, FC 01, "mbms-mrk"): the Annex F MRK for the vector's Ks_(ext)_NAF. */
    private static final String ANNEX_F_MRK = "c0c7aab9d1ee79b93aa08461ec060b2c948bad87211b51b8f84267c63e5dcea4";

    private static NafKeyMaterial keys(GbaMode mode) {
        return NafKeys.derive(NafKeysTest.vectorContext(), NafKeysTest.vectorNaf(), mode);
    }

    @Test
    void gbaUWithUiccKeyManagementUsesKsIntNafAsMukAndKsExtNafAsMrk() {
        MukMrk keys = keys(GbaMode.GBA_U).mukMrk(MbmsKeyManagement.UICC);

        assertThat(keys.mode()).isEqualTo(GbaMode.GBA_U);
        assertThat(keys.keyManagement()).isEqualTo(MbmsKeyManagement.UICC);
        assertThat(keys.muk().revealHex()).isEqualTo(GbaVectors.text("ks_int_naf"))
                .isEqualTo("d799fecc43fd388ce0b31ba42f1d8d098f66df3fbc71a01484e61fe652881d35");
        assertThat(keys.mrk().revealHex()).isEqualTo(GbaVectors.text("ks_ext_naf"))
                .isEqualTo("ac989d60aad1969639e2073bf7ff93c1c652ea91b627a95a1c1e3ab1a836c48c");
    }

    @Test
    void gbaUWithMeKeyManagementUsesKsExtNafAsMukAndDerivesTheMrk() {
        MukMrk keys = keys(GbaMode.GBA_U).mukMrk(MbmsKeyManagement.ME);

        assertThat(keys.mode()).isEqualTo(GbaMode.GBA_U);
        assertThat(keys.keyManagement()).isEqualTo(MbmsKeyManagement.ME);
        assertThat(keys.muk().revealHex()).isEqualTo(GbaVectors.text("ks_ext_naf"));
        assertThat(keys.mrk().revealHex()).isEqualTo(GbaVectors.text("mrk_mbms")).isEqualTo(ANNEX_F_MRK);
    }

    @Test
    void gbaMeUsesKsNafAsMukAndDerivesTheMrk() {
        MukMrk keys = keys(GbaMode.GBA_ME).mukMrk(MbmsKeyManagement.ME);

        assertThat(keys.mode()).isEqualTo(GbaMode.GBA_ME);
        assertThat(keys.keyManagement()).isEqualTo(MbmsKeyManagement.ME);
        assertThat(keys.muk().revealHex()).isEqualTo(GbaVectors.text("ks_ext_naf"));
        assertThat(keys.mrk().revealHex()).isEqualTo(ANNEX_F_MRK);
    }

    @Test
    void gbaMeKeysCannotServeUiccKeyManagement() {
        NafKeyMaterial gbaMe = keys(GbaMode.GBA_ME);

        assertThatThrownBy(() -> gbaMe.mukMrk(MbmsKeyManagement.UICC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("UICC-based MBMS key management needs Ks_int_NAF from a GBA_U run (TS 33.246 §6.1)")
                .hasMessageContaining("use keys.mukMrk(MbmsKeyManagement.ME)");
    }

    @Test
    void mukMrkCannotClaimUiccKeyManagementForAGbaMeRun() {
        assertThatThrownBy(() -> new MukMrk(GbaMode.GBA_ME, MbmsKeyManagement.UICC, NafKeysTest.vectorNaf(),
                NafKeysTest.vectorContext().bTid(), java.time.Instant.EPOCH, SecretBytes.ofHex("01"), SecretBytes.ofHex("02")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UICC-based MBMS key management needs a GBA_U run (TS 33.246 §6.1); got GBA_ME");
    }

    @Test
    void annexFMrkAgreesWithAnIndependentHmacOverHandWrittenS() throws GeneralSecurityException {
        // S = FC 01 ‖ "mbms-mrk" ‖ L0 = 0008, as Annex F spells it out octet by octet.
        Bytes s = Bytes.ofHex("01" + "6d626d732d6d726b" + "0008");

        assertThat(KdfTest.plainHmacSha256(GbaVectors.secret("ks_ext_naf"), s)).isEqualTo(ANNEX_F_MRK);
        assertThat(KdfInput.of(MeKeyManagementDerivation.FC, MeKeyManagementDerivation.MRK_LABEL).encode()).isEqualTo(s);
    }

    @Test
    void withoutAKeyManagementGbaUMeansUiccAndGbaMeMeansMe() {
        assertThat(keys(GbaMode.GBA_U).mukMrk().keyManagement()).isEqualTo(MbmsKeyManagement.UICC);
        assertThat(keys(GbaMode.GBA_U).mukMrk().muk().revealHex()).isEqualTo(GbaVectors.text("ks_int_naf"));
        assertThat(keys(GbaMode.GBA_ME).mukMrk().keyManagement()).isEqualTo(MbmsKeyManagement.ME);
        assertThat(keys(GbaMode.GBA_ME).mukMrk().mrk().revealHex()).isEqualTo(ANNEX_F_MRK);
    }

    @Test
    void eachKeyManagementSelectsItsOwnDerivation() {
        for (MbmsKeyManagement km : MbmsKeyManagement.values()) {
            assertThat(km.derivation().keyManagement()).isEqualTo(km);
        }
    }

    @Test
    void theDerivationsCiteTheTextAndOnlyTheDefaultForGbaUIsMarkedUnconfirmed() throws NoSuchMethodException {
        assertThat(MeKeyManagementDerivation.class.getAnnotation(Unconfirmed.class)).isNull();
        assertThat(UiccKeyManagementDerivation.class.getAnnotation(Unconfirmed.class)).isNull();
        Unconfirmed marker = GbaMode.class.getMethod("defaultKeyManagement").getAnnotation(Unconfirmed.class);
        assertThat(marker).isNotNull();
        assertThat(marker.value()).startsWith("U9: how the BM-SC learns which key management a GBA_U UE uses; ");
    }

    @Test
    void mukMrkAreCopiesIndependentOfTheNafKeyMaterial() {
        NafKeyMaterial material = keys(GbaMode.GBA_U);
        MukMrk uicc = material.mukMrk(MbmsKeyManagement.UICC);
        MukMrk me = material.mukMrk(MbmsKeyManagement.ME);

        material.destroy();

        assertThat(uicc.muk().revealHex()).isEqualTo(GbaVectors.text("ks_int_naf"));
        assertThat(uicc.mrk().revealHex()).isEqualTo(GbaVectors.text("ks_ext_naf"));
        assertThat(me.muk().revealHex()).isEqualTo(GbaVectors.text("ks_ext_naf"));
    }

    @Test
    void mukMrkCarryTheNafTheBTidTheLifetimeAndTheKeyManagement() {
        NafKeyMaterial material = keys(GbaMode.GBA_ME);
        MukMrk keys = material.mukMrk();

        assertThat(keys.nafId()).isEqualTo(material.nafId());
        assertThat(keys.bTid()).isEqualTo(material.bTid());
        assertThat(keys.expiresAt()).isEqualTo(material.expiresAt());
        assertThat(keys.toString()).contains("GBA_ME, ME key management").doesNotContain("c0c7aab9");
    }
}
