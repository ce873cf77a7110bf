package org.mbmskeys.mbms.keymanagement.xml;

import java.util.Objects;

/**
 * A key management XML body that was refused, with the typed {@link #failure()}. The message says where
 * and what, and never carries more than a few dozen characters of the body.
 */
public final class MalformedBodyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final BodyFailure failure;

    public MalformedBodyException(BodyFailure failure, String message) {
        super(Objects.requireNonNull(failure, "failure") + ": " + message);
        this.failure = failure;
    }

    public BodyFailure failure() {
        return failure;
    }
}
