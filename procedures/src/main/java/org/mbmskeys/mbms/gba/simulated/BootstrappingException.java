package org.mbmskeys.mbms.gba.simulated;


import java.util.Objects;

/**
 * A GBA bootstrapping failed, for a typed {@link #reason()}. The message names the IMPI or B-TID and what
 * to do next; it never contains key material, RES or AUTN.
 */
public final class BootstrappingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final BootstrappingFailure reason;

    /** For Ub clients and BSFs outside this package; {@code message} must carry no key material, RES or AUTN. */
    public BootstrappingException(BootstrappingFailure reason, String message) {
        super(reason + ": " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public BootstrappingFailure reason() {
        return reason;
    }
}
