package org.mbmskeys.mbms.bmsc.distribution;

/** What an MSK message to one UE does (TS 33.246 §6.3.2.3.1, §6.3.2.1B, §6.5.3). */
public enum PushKind {
    /** Carries the MSK with its key validity. */
    DELIVERY,
    /** Carries no key, only new key validity for an MSK the UE holds ("to update the Key Validity data"). */
    VALIDITY_UPDATE,
    /** Carries no key and key validity SEQl &gt; SEQu: the UE drops the MSK (deregistration, §6.3.2.1B). */
    INVALIDATION
}
