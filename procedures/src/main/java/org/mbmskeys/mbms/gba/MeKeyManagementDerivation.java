package org.mbmskeys.mbms.gba;

import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * ME-based MBMS key management (TS 33.246 §6.1): after a GBA_ME (or 2G GBA) run "Both the BM-SC and the
 * ME use the key Ks_NAF as MUK", and after a GBA_U run with a UICC that cannot do MBMS "the key Ks_ext_NAF
 * shall be used as MUK". In both cases the MRK is derived from that key as Annex F says: FC = 0x01,
 * P0 = "mbms-mrk", L0 = 0x00 0x08, so S = {@code 01 6d626d732d6d726b 0008} and
 * MRK = HMAC-SHA-256(Ks_(ext)_NAF, S), all 256 bits.
 */
final class MeKeyManagementDerivation implements MukMrkDerivation {

    static final MeKeyManagementDerivation INSTANCE = new MeKeyManagementDerivation();

    /** Annex F: FC = 0x01. */
    static final int FC = 0x01;
    /** Annex F: P0 = "mbms-mrk" (0x6d 0x62 0x6d 0x73 0x2d 0x6d 0x72 0x6b). */
    static final Bytes MRK_LABEL = KdfInput.utf8("mbms-mrk");

    private MeKeyManagementDerivation() {
    }

    @Override
    public MbmsKeyManagement keyManagement() {
        return MbmsKeyManagement.ME;
    }

    @Override
    public MukMrk derive(NafKeyMaterial keys) {
        SecretBytes ksNaf = keys.ksExtNaf();
        // A copy: destroying the MukMrk must not zero the NAF key material it came from, or the reverse.
        SecretBytes muk = ksNaf.slice(0, Kdf.OUTPUT_LENGTH);
        SecretBytes mrk = Kdf.derive(ksNaf, KdfInput.of(FC, MRK_LABEL));
        return new MukMrk(keys.mode(), MbmsKeyManagement.ME, keys.nafId(), keys.bTid(), keys.expiresAt(), muk, mrk);
    }
}
