package org.mbmskeys.mbms.bmsc.keys;

import java.util.Objects;

/**
 * A {@link KeyRegistry} operation named something the registry does not allow or does not hold. The
 * message says which Key Domain, Key Group or MSK, and what is allowed instead; it never holds key
 * material.
 */
public final class KeyRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** Key Group 0 is "not allowed" for any MSK (TS 33.246 §6.3.2.1). */
        RESERVED_KEY_GROUP,
        /** The Key Group already exists in this Key Domain (Key Groups are unique, TS 33.246 §6.3.2.1 NOTE). */
        DUPLICATE_KEY_GROUP,
        /** No such Key Group in this Key Domain. */
        UNKNOWN_KEY_GROUP,
        /** No such MSK (never issued, dropped by rotation, or invalidated). */
        UNKNOWN_MSK
    }

    private final Reason reason;

    public KeyRegistryException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
