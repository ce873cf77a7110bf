package org.mbmskeys.mbms.keymanagement;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a UE repeats a key management request for an item that failed (TS 33.246 table G.2.4-1): after
 * 401 at once (with Digest credentials, §6.2.1.3), after 503 once the BM-SC's {@code Retry-After} has
 * passed, never after any other code. G.2.4 does not say how long to wait after a 503 without
 * {@code Retry-After}; that wait is this policy's setting.
 *
 * <pre>{@code
 * UeRetryPolicy policy = new UeRetryPolicy(Duration.ofSeconds(30));
 * policy.delayBeforeRetry(ItemStatus.received(503), Optional.of(Duration.ofSeconds(5)));   // Optional[PT5S]
 * policy.delayBeforeRetry(ItemStatus.received(403), Optional.empty());                      // Optional.empty
 * }</pre>
 *
 * @param serviceUnavailableDelay wait after a 503 that carries no {@code Retry-After}, zero or positive
 */
public record UeRetryPolicy(Duration serviceUnavailableDelay) {

    /** @throws IllegalArgumentException if the delay is negative */
    public UeRetryPolicy {
        Objects.requireNonNull(serviceUnavailableDelay, "serviceUnavailableDelay");
        if (serviceUnavailableDelay.isNegative()) {
            throw new IllegalArgumentException("serviceUnavailableDelay must not be negative, got "
                    + serviceUnavailableDelay);
        }
    }

    /**
     * How long to wait before repeating the request for an item with {@code status}.
     *
     * @param retryAfter the {@code Retry-After} of the response, if it had one (negative values count as zero)
     * @return empty if the UE should not repeat it
     */
    public Optional<Duration> delayBeforeRetry(ItemStatus status, Optional<Duration> retryAfter) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(retryAfter, "retryAfter");
        return switch (status.code()) {
            case 401 -> Optional.of(Duration.ZERO);
            case 503 -> Optional.of(retryAfter.map(d -> d.isNegative() ? Duration.ZERO : d)
                    .orElse(serviceUnavailableDelay));
            default -> Optional.empty();
        };
    }
}
