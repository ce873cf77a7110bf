package org.mbmskeys.mbms.gba;

import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * GBA_ME, project profile (PROFILE.md §10 "MUK / MRK"): MRK = KDF(Ks_NAF, FC 0x01, P0 "3gpp-mbms-mrk") and
 * MUK = KDF(Ks_NAF, FC 0x01, P0 "3gpp-mbms-muk"), full 256-bit outputs of the TS 33.220 B.2 KDF.
 *
 * <p>Seed 004 §6.1 only says both keys are derived from Ks_(ext)_NAF by the BM-SC and the ME; the exact
 * function (its labels, or a split of Ks_NAF into halves) was not found. Change it here and nowhere
 * else; check TS 33.246 §6.1 before claiming interop.
 */
@Unconfirmed("MUK/MRK derivation from Ks_(ext)_NAF in GBA_ME; PROFILE.md §5.2, §9 item 9")
final class GbaMeMukMrkDerivation implements MukMrkDerivation {

    static final GbaMeMukMrkDerivation INSTANCE = new GbaMeMukMrkDerivation();

    static final int FC = 0x01;
    static final Bytes MRK_LABEL = KdfInput.utf8("3gpp-mbms-mrk");
    static final Bytes MUK_LABEL = KdfInput.utf8("3gpp-mbms-muk");

    private GbaMeMukMrkDerivation() {
    }

    @Override
    public GbaMode mode() {
        return GbaMode.GBA_ME;
    }

    @Override
    public MukMrk derive(NafKeyMaterial keys) {
        DerivationChecks.requireMode(this, keys);
        SecretBytes ksNaf = keys.ksExtNaf();
        SecretBytes muk = Kdf.derive(ksNaf, KdfInput.of(FC, MUK_LABEL));
        SecretBytes mrk = Kdf.derive(ksNaf, KdfInput.of(FC, MRK_LABEL));
        return new MukMrk(GbaMode.GBA_ME, keys.nafId(), keys.bTid(), keys.expiresAt(), muk, mrk);
    }
}
