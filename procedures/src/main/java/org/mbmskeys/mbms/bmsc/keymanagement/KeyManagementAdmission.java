package org.mbmskeys.mbms.bmsc.keymanagement;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.HttpHeaders;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keymanagement.RetryAfter;

/**
 * Admission control of the BM-SC's HTTP key management: while the operator declares the BM-SC overloaded, every
 * key management request is answered 503 Service Unavailable with {@code Retry-After} before any other work (no
 * Digest, no Zn lookup, no procedure instance), and the UE repeats it after that delay (TS 33.246 table G.2.4-1:
 * "BM-SC is temporarily unavailable, UE may repeat the request after delay indicated by "Retry-After" header").
 * MIKEY verification messages are not affected.
 *
 * <p>Two forms: {@link #overloaded(Duration)} lasts until {@link #open()} and always announces the same wait;
 * {@link #overloadedFor(Duration)} ends by itself and announces the time left, rounded up to whole seconds. Time
 * comes from the injected clock. Thread-safe: the state is one immutable value swapped atomically.
 *
 * <pre>{@code
 * admission.overloadedFor(Duration.ofMinutes(2));     // maintenance: 503 with Retry-After 120, 119, ... until then
 * admission.refusal();                                // Optional[PT2M] now: answer 503
 * admission.open();                                   // admit every request again
 * }</pre>
 */
public final class KeyManagementAdmission {

    /** The overload in force: the wait announced, or the end after which requests are admitted again. */
    private record Overload(Optional<Duration> retryAfter, Optional<Instant> until) {
    }

    private final InstantSource clock;
    private volatile Optional<Overload> overload = Optional.empty();
    private final AtomicLong refused = new AtomicLong();

    public KeyManagementAdmission(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Refuses every key management request with 503 and {@code Retry-After: retryAfter} until {@link #open()}.
     *
     * @throws IllegalArgumentException if {@code retryAfter} is negative
     */
    public void overloaded(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("Retry-After must not be negative, got " + retryAfter);
        }
        overload = Optional.of(new Overload(Optional.of(retryAfter), Optional.empty()));
    }

    /**
     * Refuses every key management request with 503 for {@code period} from now, each answer's {@code Retry-After}
     * being the time left; from then on requests are admitted again by themselves.
     *
     * @throws IllegalArgumentException if {@code period} is not positive
     */
    public void overloadedFor(Duration period) {
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("an overload period must be positive, got " + period);
        }
        overload = Optional.of(new Overload(Optional.empty(), Optional.of(clock.instant().plus(period))));
    }

    /** Admits every request again. */
    public void open() {
        overload = Optional.empty();
    }

    /** Whether a request arriving now would be refused. */
    public boolean isOverloaded() {
        return wait(clock.instant()).isPresent();
    }

    /**
     * For a request arriving now: the {@code Retry-After} to answer 503 with (the refusal is counted), or empty to
     * admit it.
     */
    public Optional<Duration> refusal() {
        Optional<Duration> wait = wait(clock.instant());
        wait.ifPresent(w -> refused.incrementAndGet());
        return wait;
    }

    /** How many requests were refused since this admission control was made. */
    public long refused() {
        return refused.get();
    }

    private Optional<Duration> wait(Instant now) {
        Optional<Overload> current = overload;
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Overload o = current.get();
        if (o.until().isPresent()) {
            Instant until = o.until().get();
            return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
        }
        return o.retryAfter();
    }

    /**
     * The 503 answer with {@code Retry-After} (delta-seconds, rounded up), no body: the request as a whole was
     * not processed (§6.3.2.4).
     */
    public static HttpResponseMessage serviceUnavailable(Duration retryAfter) {
        return new HttpResponseMessage(503, ItemStatus.received(503).reasonPhrase(),
                HttpHeaders.of(RetryAfter.HEADER, RetryAfter.format(retryAfter)).with("Content-Length", "0"), Bytes.empty());
    }

    @Override
    public String toString() {
        Optional<Duration> wait = wait(clock.instant());
        return "KeyManagementAdmission[" + (wait.isPresent() ? "overloaded, Retry-After " + wait.get() : "open")
                + ", refused " + refused.get() + "]";
    }
}
