package org.mbmskeys.mbms.gba;

/**
 * Where a UE keeps its MSKs and runs MBMS key management, which decides what MUK and MRK are
 * (TS 33.246 §6.1): "The MSKs ... shall be stored on either the UICC, if the UICC is capable of MBMS key
 * management, or the ME, if the UICC is not capable of MBMS key management or a SIM card is used."
 *
 * <table>
 *   <caption>MUK and MRK by GBA run and key management (TS 33.246 §6.1, Annex F)</caption>
 *   <tr><th>GBA run</th><th>key management</th><th>MUK</th><th>MRK</th></tr>
 *   <tr><td>GBA_U</td><td>{@link #UICC}</td><td>Ks_int_NAF</td><td>Ks_ext_NAF</td></tr>
 *   <tr><td>GBA_U</td><td>{@link #ME}</td><td>Ks_ext_NAF</td><td>KDF(Ks_ext_NAF, "mbms-mrk")</td></tr>
 *   <tr><td>GBA_ME (and 2G GBA)</td><td>{@link #ME}</td><td>Ks_NAF</td><td>KDF(Ks_NAF, "mbms-mrk")</td></tr>
 *   <tr><td>GBA_ME</td><td>{@link #UICC}</td><td colspan="2">impossible: no Ks_int_NAF (refused)</td></tr>
 * </table>
 *
 * <pre>{@code
 * MukMrk keys = nafKeys.mukMrk(MbmsKeyManagement.ME);
 * }</pre>
 */
public enum MbmsKeyManagement {

    /** An MBMS-capable UICC holds MUK and MSKs (needs a GBA_U run). */
    UICC,
    /** The ME holds MUK and MSKs: a UICC without MBMS key management, a SIM, or a GBA_ME run. */
    ME;

    /** The one MUK/MRK derivation for this key management; the BM-SC and the UE both call it. */
    public MukMrkDerivation derivation() {
        return switch (this) {
            case UICC -> UiccKeyManagementDerivation.INSTANCE;
            case ME -> MeKeyManagementDerivation.INSTANCE;
        };
    }
}
