package org.mbmskeys.mbms.gba;

import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * NAF-specific key derivation, TS 33.220 Annex B.3:
 * {@code Ks_(ext)_NAF = KDF(Ks, "gba-me", RAND, IMPI, NAF_Id)} and
 * {@code Ks_int_NAF = KDF(Ks, "gba-u", RAND, IMPI, NAF_Id)}, with FC = 0x01 and every parameter as
 * octets (labels and IMPI in UTF-8). Ks_NAF of GBA_ME is computed exactly like Ks_ext_NAF.
 *
 * <p>Regression values (self-computed by the project, not official vectors): with the TS 35.208 Test Set 1 CK/IK/RAND, IMPI
 * {@code 001010123456789@ims.mnc001.mcc001.3gppnetwork.org} and NAF {@code bmsc.example.org} (MBMS),
 * Ks_ext_NAF starts {@code ac989d60} and Ks_int_NAF starts {@code d799fecc}.
 *
 * <pre>{@code
 * NafKeyMaterial keys = NafKeys.derive(context, NafId.forMbms("bmsc.example.org"), GbaMode.GBA_U);
 * }</pre>
 */
public final class NafKeys {

    /** FC of the NAF key derivations (TS 33.220 B.3). */
    public static final int FC = 0x01;

    static final Bytes GBA_ME_LABEL = KdfInput.utf8("gba-me");
    static final Bytes GBA_U_LABEL = KdfInput.utf8("gba-u");

    private NafKeys() {
    }

    /** Ks_(ext)_NAF (P0 = "gba-me"); in GBA_ME this is Ks_NAF. */
    public static SecretBytes ksExtNaf(BootstrappingContext context, NafId nafId) {
        return Kdf.derive(context.ks(), kdfInput(GBA_ME_LABEL, context.rand(), context.impi(), nafId));
    }

    /** Ks_int_NAF (P0 = "gba-u"), the key a GBA_U UICC keeps. */
    public static SecretBytes ksIntNaf(BootstrappingContext context, NafId nafId) {
        return Kdf.derive(context.ks(), kdfInput(GBA_U_LABEL, context.rand(), context.impi(), nafId));
    }

    /** The keys of {@code mode} for {@code nafId}, with the B-TID, IMPI and lifetime of the bootstrapping. */
    public static NafKeyMaterial derive(BootstrappingContext context, NafId nafId, GbaMode mode) {
        return switch (mode) {
            case GBA_ME -> NafKeyMaterial.gbaMe(nafId, context.bTid(), context.impi(), context.expiresAt(),
                    ksExtNaf(context, nafId));
            case GBA_U -> NafKeyMaterial.gbaU(nafId, context.bTid(), context.impi(), context.expiresAt(),
                    ksExtNaf(context, nafId), ksIntNaf(context, nafId));
        };
    }

    /** S = 0x01 ‖ label ‖ L0 ‖ RAND ‖ 0x0010 ‖ IMPI ‖ L2 ‖ NAF_Id ‖ L3. */
    static KdfInput kdfInput(Bytes label, Bytes rand, String impi, NafId nafId) {
        return KdfInput.of(FC, label, rand, KdfInput.utf8(impi), nafId.toBytes());
    }
}
