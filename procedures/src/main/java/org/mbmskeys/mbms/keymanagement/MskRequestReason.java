package org.mbmskeys.mbms.keymanagement;

/** Why a UE makes an MSK request; it decides whether the UE waits the back-off first (TS 33.246 §6.3.2.2.1). */
public enum MskRequestReason {

    /**
     * The UE needs an MSK it does not have: a new service, or a missed key update (§6.3.2.2.1,
     * §6.3.2.2.3). The back-off applies.
     */
    MSK_NEEDED,

    /**
     * The answer to a BM-SC solicited pull (§6.3.2.2.4): "The UE shall always (except in the case of a
     * BM-SC solicited pull) wait ..." (§6.3.2.2.1), so no back-off.
     */
    SOLICITED_PULL,

    /**
     * The answer to an MSK push verified only with the last successfully used MUK (§6.3.2.3.1), which the UE
     * handles "in a similar way as the push solicited pull MIKEY message". Whether the back-off exemption
     * of §6.3.2.2.1 covers it is not said; {@link MskRequestBackOff} lets the caller choose.
     */
    LAST_USED_MUK_PUSH
}
