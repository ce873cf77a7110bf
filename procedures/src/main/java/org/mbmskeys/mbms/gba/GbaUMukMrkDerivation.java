package org.mbmskeys.mbms.gba;

import org.mbmskeys.engine.bytes.SecretBytes;

/** GBA_U: MUK = Ks_int_NAF (stays in the UICC), MRK = Ks_ext_NAF (given to the ME). Seed 004 §6.1. */
final class GbaUMukMrkDerivation implements MukMrkDerivation {

    static final GbaUMukMrkDerivation INSTANCE = new GbaUMukMrkDerivation();

    private GbaUMukMrkDerivation() {
    }

    @Override
    public GbaMode mode() {
        return GbaMode.GBA_U;
    }

    @Override
    public MukMrk derive(NafKeyMaterial keys) {
        DerivationChecks.requireMode(this, keys);
        // Copies: destroying the MukMrk must not zero the NAF key material it came from, or the reverse.
        SecretBytes muk = keys.ksIntNaf().orElseThrow().slice(0, Kdf.OUTPUT_LENGTH);
        SecretBytes mrk = keys.ksExtNaf().slice(0, Kdf.OUTPUT_LENGTH);
        return new MukMrk(GbaMode.GBA_U, keys.nafId(), keys.bTid(), keys.expiresAt(), muk, mrk);
    }
}
