package org.mbmskeys.mbms.gba;

import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * The kind of GBA run (TS 33.220), which decides which NAF keys exist (TS 33.246 §6.1):
 *
 * <ul>
 *   <li>{@link #GBA_U}: GBA-aware UICC. The BM-SC shares Ks_int_NAF with the UICC and Ks_ext_NAF with
 *       the ME.</li>
 *   <li>{@link #GBA_ME}: the BM-SC shares one key, Ks_NAF, with the ME. A 2G GBA run (TS 33.220 Annex I,
 *       optional for MBMS per §6.1) gives the same MUK and MRK once Ks_NAF exists; 2G bootstrapping itself
 *       is not modelled.</li>
 * </ul>
 *
 * <p>MUK and MRK follow from the run <em>and</em> the {@link MbmsKeyManagement} (UICC or ME); see
 * {@link NafKeyMaterial#mukMrk(MbmsKeyManagement)}.
 */
public enum GbaMode {

    GBA_U,
    GBA_ME;

    /**
     * The key management assumed when the caller does not name one: UICC after a GBA_U run, ME after a
     * GBA_ME run. A GBA_U UE whose UICC cannot do MBMS key management uses {@link MbmsKeyManagement#ME}
     * instead (§6.1), and only the caller can know that.
     */
    @Unconfirmed("U9: how the BM-SC learns which key management a GBA_U UE uses; §6.1 defines both cases "
            + "but no text read says how the BM-SC tells them apart")
    public MbmsKeyManagement defaultKeyManagement() {
        return switch (this) {
            case GBA_U -> MbmsKeyManagement.UICC;
            case GBA_ME -> MbmsKeyManagement.ME;
        };
    }
}
