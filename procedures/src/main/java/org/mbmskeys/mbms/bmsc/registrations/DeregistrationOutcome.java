package org.mbmskeys.mbms.bmsc.registrations;

import org.mbmskeys.mbms.keymanagement.ItemStatus;

/**
 * What a deregistration request did for one MBMS User Service ID, and its status code in the response
 * body (TS 33.246 §6.3.2.1B, §6.3.2.4, table G.2.4-1).
 */
public enum DeregistrationOutcome {
    /** Was registered, is not any more (200). */
    DEREGISTERED(ItemStatus.OK),
    /**
     * Was not registered to this (known) service. Answered 200: the UE asked not to be registered, and it is
     * not; a UE repeating a deregistration whose answer it lost must not see an error.
     */
    NOT_REGISTERED(ItemStatus.OK),
    /** Neither registered nor a service the BM-SC offers (501). */
    UNKNOWN_SERVICE(ItemStatus.NOT_IMPLEMENTED);

    private final ItemStatus status;

    DeregistrationOutcome(ItemStatus status) {
        this.status = status;
    }

    /** The status code for this service ID in the response body. */
    public ItemStatus status() {
        return status;
    }
}
