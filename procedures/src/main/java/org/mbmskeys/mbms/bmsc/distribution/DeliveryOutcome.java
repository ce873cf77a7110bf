package org.mbmskeys.mbms.bmsc.distribution;

/** How an MSK delivery to one UE ended, for the operator (charging, support). */
public enum DeliveryOutcome {
    /** The UE acknowledged the MSK (a verification message, TS 33.246 §6.4.5.2). */
    DELIVERED,
    /** An acknowledgement was asked for and never came; the BM-SC stopped resending. */
    GAVE_UP,
    /** Sent without the V bit: nobody knows whether it arrived. */
    SENT_WITHOUT_ACK,
    /** The MSK was invalidated at the UE (SEQl &gt; SEQu, §6.3.2.1B), acknowledged or not. */
    INVALIDATED
}
