package org.mbmskeys.mbms.gba;

import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * UICC-based MBMS key management after a GBA_U run (TS 33.246 §6.1): "In case the UICC supports MBMS then
 * this key Ks_int_NAF is used by the BM-SC and the UICC as the key MUK ... The key Ks_ext_NAF is used as
 * the key MRK".
 *
 * <p>In a real UE Ks_int_NAF never leaves the UICC (TS 33.246 Annex D: the UICC runs the MIKEY
 * processing with it); a {@link MukMrk} holding it in the ME is a simulation, for the BM-SC side and for
 * tests.
 */
final class UiccKeyManagementDerivation implements MukMrkDerivation {

    static final UiccKeyManagementDerivation INSTANCE = new UiccKeyManagementDerivation();

    private UiccKeyManagementDerivation() {
    }

    @Override
    public MbmsKeyManagement keyManagement() {
        return MbmsKeyManagement.UICC;
    }

    @Override
    public MukMrk derive(NafKeyMaterial keys) {
        SecretBytes ksIntNaf = DerivationChecks.requireKsIntNaf(keys);
        // Copies: destroying the MukMrk must not zero the NAF key material it came from, or the reverse.
        SecretBytes muk = ksIntNaf.slice(0, Kdf.OUTPUT_LENGTH);
        SecretBytes mrk = keys.ksExtNaf().slice(0, Kdf.OUTPUT_LENGTH);
        return new MukMrk(keys.mode(), MbmsKeyManagement.UICC, keys.nafId(), keys.bTid(), keys.expiresAt(), muk, mrk);
    }
}
