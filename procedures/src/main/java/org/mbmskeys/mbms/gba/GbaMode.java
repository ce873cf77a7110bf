package org.mbmskeys.mbms.gba;

/**
 * Where the GBA keys live, which decides how MUK and MRK are obtained (TS 33.246 §6.1, PROFILE.md §5.1):
 *
 * <ul>
 *   <li>{@link #GBA_U}: GBA-aware UICC. The UICC keeps Ks_int_NAF and uses it as MUK; the ME gets
 *       Ks_ext_NAF and uses it as MRK.</li>
 *   <li>{@link #GBA_ME}: any other case. Both keys are derived from Ks_(ext)_NAF (called Ks_NAF in
 *       GBA_ME) by the BM-SC and the ME, with the same {@link MukMrkDerivation}.</li>
 * </ul>
 */
public enum GbaMode {

    GBA_U,
    GBA_ME;

    /** The one MUK/MRK derivation for this mode; the BM-SC and the UE both call it. */
    public MukMrkDerivation mukMrkDerivation() {
        return switch (this) {
            case GBA_U -> GbaUMukMrkDerivation.INSTANCE;
            case GBA_ME -> GbaMeMukMrkDerivation.INSTANCE;
        };
    }
}
