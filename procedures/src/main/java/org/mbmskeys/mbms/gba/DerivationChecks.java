package org.mbmskeys.mbms.gba;

final class DerivationChecks {

    private DerivationChecks() {
    }

    static void requireMode(MukMrkDerivation derivation, NafKeyMaterial keys) {
        if (keys.mode() != derivation.mode()) {
            throw new IllegalArgumentException(derivation.mode() + " MUK/MRK derivation was given " + keys.mode()
                    + " key material for " + keys.nafId() + "; use keys.mukMrk() or GbaMode." + keys.mode()
                    + ".mukMrkDerivation()");
        }
    }
}
