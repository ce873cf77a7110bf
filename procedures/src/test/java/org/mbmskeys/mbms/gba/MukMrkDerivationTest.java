package org.mbmskeys.mbms.gba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * MUK/MRK (TS 33.246 §6.1; PROFILE.md §5.1, §5.2, §10). GBA_U is the confirmed mapping. GBA_ME is the
 * project's UNCONFIRMED choice; its expected values are [SELF] regression values computed with Python's
 * hmac module from ks_ext_naf of vectors/gba.json, and each is cross-checked here by a plain javax.crypto
 * HMAC-SHA-256 over a hand-written S. Not official vectors.
 */
class MukMrkDerivationTest {

    /** [SELF] KDF(Ks_NAF, FC 01, "3gpp-mbms-muk") with Ks_NAF = ks_ext_naf of vectors/gba.json. */
    private static final String GBA_ME_MUK = "b79d23a98aa4a4347516eed563a863689f22b495ee6570fd60c9befdf3dc62e8";
    /** [SELF] KDF(Ks_NAF, FC 01, "3gpp-mbms-mrk"). */
    private static final String GBA_ME_MRK = "bd9a0314d65f45426490bedf0da0c39691b8e243f1d1de2a3f1b7e9879bf062c";

    @Test
    void gbaUUsesKsIntNafAsMukAndKsExtNafAsMrk() {
        MukMrk keys = NafKeys.derive(NafKeysTest.vectorContext(), NafKeysTest.vectorNaf(), GbaMode.GBA_U).mukMrk();

        assertThat(keys.mode()).isEqualTo(GbaMode.GBA_U);
        assertThat(keys.muk().revealHex()).isEqualTo(GbaVectors.text("ks_int_naf"));
        assertThat(keys.mrk().revealHex()).isEqualTo(GbaVectors.text("ks_ext_naf"));
    }

    @Test
    void gbaMeDerivesMukAndMrkFromKsNafWithTheProfileLabels() {
        MukMrk keys = NafKeys.derive(NafKeysTest.vectorContext(), NafKeysTest.vectorNaf(), GbaMode.GBA_ME).mukMrk();

        assertThat(keys.mode()).isEqualTo(GbaMode.GBA_ME);
        assertThat(keys.muk().revealHex()).isEqualTo(GBA_ME_MUK);
        assertThat(keys.mrk().revealHex()).isEqualTo(GBA_ME_MRK);
        assertThat(keys.muk().length()).isEqualTo(32);
        assertThat(keys.muk()).isNotEqualTo(keys.mrk());
    }

    @Test
    void gbaMeValuesAgreeWithAnIndependentHmacOverHandWrittenS() throws GeneralSecurityException {
        SecretBytes ksNaf = GbaVectors.secret("ks_ext_naf");
        // S = FC 01 ‖ "3gpp-mbms-muk" ‖ L0 = 000d (13 bytes); same for "-mrk".
        Bytes sMuk = Bytes.ofHex("01" + "336770702d6d626d732d6d756b" + "000d");
        Bytes sMrk = Bytes.ofHex("01" + "336770702d6d626d732d6d726b" + "000d");

        assertThat(KdfTest.plainHmacSha256(ksNaf, sMuk)).isEqualTo(GBA_ME_MUK);
        assertThat(KdfTest.plainHmacSha256(ksNaf, sMrk)).isEqualTo(GBA_ME_MRK);
        assertThat(KdfInput.of(GbaMeMukMrkDerivation.FC, GbaMeMukMrkDerivation.MUK_LABEL).encode()).isEqualTo(sMuk);
        assertThat(KdfInput.of(GbaMeMukMrkDerivation.FC, GbaMeMukMrkDerivation.MRK_LABEL).encode()).isEqualTo(sMrk);
    }

    @Test
    void eachModeSelectsItsOwnDerivation() {
        assertThat(GbaMode.GBA_U.mukMrkDerivation().mode()).isEqualTo(GbaMode.GBA_U);
        assertThat(GbaMode.GBA_ME.mukMrkDerivation().mode()).isEqualTo(GbaMode.GBA_ME);
        assertThat(GbaMode.GBA_U.mukMrkDerivation()).isNotSameAs(GbaMode.GBA_ME.mukMrkDerivation());
    }

    @Test
    void derivationRefusesKeyMaterialOfTheOtherMode() {
        NafKeyMaterial gbaU = NafKeys.derive(NafKeysTest.vectorContext(), NafKeysTest.vectorNaf(), GbaMode.GBA_U);
        NafKeyMaterial gbaMe = NafKeys.derive(NafKeysTest.vectorContext(), NafKeysTest.vectorNaf(), GbaMode.GBA_ME);

        assertThatThrownBy(() -> GbaMode.GBA_ME.mukMrkDerivation().derive(gbaU))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("GBA_ME MUK/MRK derivation was given GBA_U key material")
                .hasMessageContaining("use keys.mukMrk()");
        assertThatThrownBy(() -> GbaMode.GBA_U.mukMrkDerivation().derive(gbaMe))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("GBA_U MUK/MRK derivation was given GBA_ME key material");
    }

    @Test
    void onlyTheGbaMeDerivationIsMarkedUnconfirmed() {
        Unconfirmed marker = GbaMeMukMrkDerivation.class.getAnnotation(Unconfirmed.class);

        assertThat(marker).isNotNull();
        assertThat(marker.value())
                .isEqualTo("MUK/MRK derivation from Ks_(ext)_NAF in GBA_ME; PROFILE.md §5.2, §9 item 9");
        assertThat(GbaUMukMrkDerivation.class.getAnnotation(Unconfirmed.class)).isNull();
    }

    @Test
    void mukMrkAreCopiesIndependentOfTheNafKeyMaterial() {
        NafKeyMaterial material = NafKeys.derive(NafKeysTest.vectorContext(), NafKeysTest.vectorNaf(), GbaMode.GBA_U);
        MukMrk keys = material.mukMrk();

        material.destroy();

        assertThat(keys.muk().revealHex()).isEqualTo(GbaVectors.text("ks_int_naf"));
        assertThat(keys.mrk().revealHex()).isEqualTo(GbaVectors.text("ks_ext_naf"));
    }

    @Test
    void mukMrkCarryTheNafTheBTidAndTheLifetime() {
        NafKeyMaterial material = NafKeys.derive(NafKeysTest.vectorContext(), NafKeysTest.vectorNaf(), GbaMode.GBA_ME);
        MukMrk keys = material.mukMrk();

        assertThat(keys.nafId()).isEqualTo(material.nafId());
        assertThat(keys.bTid()).isEqualTo(material.bTid());
        assertThat(keys.expiresAt()).isEqualTo(material.expiresAt());
    }
}
