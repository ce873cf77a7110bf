package org.mbmskeys.mbms.gba;

/**
 * How MUK and MRK are obtained from the NAF keys (TS 33.246 §6.1, Annex F). One strategy per
 * {@link MbmsKeyManagement}, reached only through {@link MbmsKeyManagement#derivation()} (or
 * {@link NafKeyMaterial#mukMrk(MbmsKeyManagement)}), so the BM-SC and the UE always run the same code:
 *
 * <ul>
 *   <li>UICC-based key management (GBA_U only): MUK = Ks_int_NAF, MRK = Ks_ext_NAF;</li>
 *   <li>ME-based key management: MUK = Ks_NAF (GBA_ME) or Ks_ext_NAF (GBA_U), and
 *       MRK = KDF(that key, FC 0x01, P0 "mbms-mrk", L0 0x0008), the full 256-bit output of the TS 33.220
 *       Annex B KDF.</li>
 * </ul>
 *
 * <p>Implementations are stateless and thread-safe; the returned keys are fresh copies the caller owns.
 */
public interface MukMrkDerivation {

    /** The key management whose MUK and MRK this derivation gives. */
    MbmsKeyManagement keyManagement();

    /**
     * MUK and MRK from {@code keys}.
     *
     * @throws IllegalArgumentException if this key management cannot use {@code keys} (UICC-based key
     *                                  management with GBA_ME keys, which have no Ks_int_NAF)
     */
    MukMrk derive(NafKeyMaterial keys);
}
