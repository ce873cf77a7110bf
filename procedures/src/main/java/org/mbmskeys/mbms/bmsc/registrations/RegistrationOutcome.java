package org.mbmskeys.mbms.bmsc.registrations;

import org.mbmskeys.mbms.keymanagement.ItemStatus;

/**
 * What a registration request did for one MBMS User Service ID, and the status code the BM-SC answers for
 * it in the response body (TS 33.246 §6.3.2.1A, §6.3.2.4, table G.2.4-1).
 */
public enum RegistrationOutcome {
    /** Registered now (200). */
    REGISTERED(ItemStatus.OK),
    /** Registered before; the new registration overrides the old one (200, §6.3.2.1A). */
    ALREADY_REGISTERED(ItemStatus.OK),
    /** The Membership function does not let this subscriber register to the service (403). */
    FORBIDDEN(ItemStatus.FORBIDDEN),
    /** The BM-SC offers no such service: "The server does not contain particular BM-SC service requested" (501). */
    UNKNOWN_SERVICE(ItemStatus.NOT_IMPLEMENTED);

    private final ItemStatus status;

    RegistrationOutcome(ItemStatus status) {
        this.status = status;
    }

    /** The status code for this service ID in the response body. */
    public ItemStatus status() {
        return status;
    }

    public boolean isRegistered() {
        return status.isSuccess();
    }
}
