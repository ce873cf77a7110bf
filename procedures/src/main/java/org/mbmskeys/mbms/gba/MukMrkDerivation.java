package org.mbmskeys.mbms.gba;

/**
 * How MUK and MRK are obtained from the NAF keys (TS 33.246 §6.1). One strategy per {@link GbaMode},
 * reached only through {@link GbaMode#mukMrkDerivation()} (or {@link NafKeyMaterial#mukMrk()}), so the
 * BM-SC and the UE always run the same code:
 *
 * <ul>
 *   <li>GBA_U: MUK = Ks_int_NAF, MRK = Ks_ext_NAF (confirmed, PROFILE.md §5.1);</li>
 *   <li>GBA_ME: MRK = KDF(Ks_NAF, FC 0x01, "3gpp-mbms-mrk"), MUK = KDF(Ks_NAF, FC 0x01, "3gpp-mbms-muk"),
 *       full 256-bit outputs: a project choice, UNCONFIRMED (PROFILE.md §5.2, §10).</li>
 * </ul>
 *
 * <p>Implementations are stateless and thread-safe; the returned keys are fresh copies the caller owns.
 */
public interface MukMrkDerivation {

    /** The mode whose key material this derivation accepts. */
    GbaMode mode();

    /**
     * MUK and MRK from {@code keys}.
     *
     * @throws IllegalArgumentException if {@code keys} belong to another {@link GbaMode}
     */
    MukMrk derive(NafKeyMaterial keys);
}
