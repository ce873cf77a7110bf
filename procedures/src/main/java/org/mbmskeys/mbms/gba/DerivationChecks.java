package org.mbmskeys.mbms.gba;

import org.mbmskeys.engine.bytes.SecretBytes;

final class DerivationChecks {

    private DerivationChecks() {
    }

    /** Ks_int_NAF, which only a GBA_U run gives (TS 33.246 §6.1). */
    static SecretBytes requireKsIntNaf(NafKeyMaterial keys) {
        return keys.ksIntNaf().orElseThrow(() -> new IllegalArgumentException("UICC-based MBMS key management "
                + "needs Ks_int_NAF from a GBA_U run (TS 33.246 §6.1), but the " + keys.mode() + " key material for "
                + keys.nafId() + " has only Ks_NAF; use keys.mukMrk(MbmsKeyManagement.ME)"));
    }
}
