package org.mbmskeys.mbms.digest;

import java.util.Objects;

/**
 * A Digest header or exchange was rejected. Carries the typed {@link #failure()} and a message saying
 * where, what and what is allowed; never a password, HA1 or server secret.
 */
public final class DigestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final DigestFailure failure;

    public DigestException(DigestFailure failure, String message) {
        super(Objects.requireNonNull(failure, "failure") + ": " + message);
        this.failure = failure;
    }

    public DigestFailure failure() {
        return failure;
    }
}
