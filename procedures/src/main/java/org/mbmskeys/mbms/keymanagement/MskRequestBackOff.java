package org.mbmskeys.mbms.keymanagement;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.RandomBytes;

/**
 * How long a UE waits before an MSK request (TS 33.246 §6.3.2.2.1): "The UE shall always (except in the
 * case of a BM-SC solicited pull) wait a period of time as specified by the back-off parameters in the User
 * Service Description (if they are present) before making a request." The back-off "is optional to
 * implement in the BM-SC and mandatory to implement in the UE" (§6.3.2.1A).
 *
 * <ul>
 *   <li>no back-off parameters in the User Service Description: no wait;</li>
 *   <li>{@link MskRequestReason#SOLICITED_PULL}: no wait;</li>
 *   <li>{@link MskRequestReason#LAST_USED_MUK_PUSH}: no wait by default (§6.3.2.3.1 handles it "in a
 *       similar way as the push solicited pull"), or the back-off if built with
 *       {@code lastUsedMukPushExempt = false};</li>
 *   <li>otherwise {@code offsetTime + r}, r uniform in [0, randomTimePeriod] at millisecond steps, both
 *       ends included ({@link BackOffParameters}).</li>
 * </ul>
 *
 * <p>Randomness is injected: the draw reads 8 bytes as a big-endian number, keeps the low 63 bits, and
 * takes it modulo (randomTimePeriod in ms + 1), drawing again when the number falls in the last, partial
 * range, so every millisecond is equally likely.
 *
 * <pre>{@code
 * MskRequestBackOff backOff = MskRequestBackOff.of(usd.backOff(), RandomBytes.secure());
 * scheduler.schedule(backOff.waitBefore(MskRequestReason.MSK_NEEDED), this::requestMsk);
 * }</pre>
 */
public final class MskRequestBackOff {

    private final Optional<BackOffParameters> parameters;
    private final RandomBytes random;
    private final boolean lastUsedMukPushExempt;

    private MskRequestBackOff(Optional<BackOffParameters> parameters, RandomBytes random, boolean lastUsedMukPushExempt) {
        this.parameters = Objects.requireNonNull(parameters, "parameters (Optional.empty() for none)");
        this.random = Objects.requireNonNull(random, "random");
        this.lastUsedMukPushExempt = lastUsedMukPushExempt;
    }

    /** The back-off of a User Service Description, with the last-used-MUK push exempt like a solicited pull. */
    public static MskRequestBackOff of(Optional<BackOffParameters> parameters, RandomBytes random) {
        return new MskRequestBackOff(parameters, random, true);
    }

    /**
     * As {@link #of}, choosing whether the MSK request that answers a push verified with the last
     * successfully used MUK skips the back-off ({@code true}, as a solicited pull) or waits it.
     */
    public static MskRequestBackOff of(Optional<BackOffParameters> parameters, RandomBytes random,
                                       boolean lastUsedMukPushExempt) {
        return new MskRequestBackOff(parameters, random, lastUsedMukPushExempt);
    }

    /** The wait before an MSK request made for {@code reason}; a fresh random draw each call. */
    public Duration waitBefore(MskRequestReason reason) {
        Objects.requireNonNull(reason, "reason");
        if (parameters.isEmpty() || reason == MskRequestReason.SOLICITED_PULL
                || (reason == MskRequestReason.LAST_USED_MUK_PUSH && lastUsedMukPushExempt)) {
            return Duration.ZERO;
        }
        BackOffParameters p = parameters.get();
        return p.offsetTime().plusMillis(uniformUpTo(p.randomTimePeriod().toMillis()));
    }

    /** Uniform in [0, max], by rejection so that no value is favoured. */
    private long uniformUpTo(long max) {
        if (max == 0) {
            return 0;
        }
        long bound = max + 1;
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound + 1) % bound; // largest multiple of bound, minus 1
        while (true) {
            long r = draw63();
            if (r <= limit) {
                return r % bound;
            }
        }
    }

    private long draw63() {
        Bytes b = random.next(Long.BYTES);
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | b.u8(i);
        }
        return value & Long.MAX_VALUE;
    }

    @Override
    public String toString() {
        return "MskRequestBackOff[" + parameters.map(Object::toString).orElse("no back-off parameters")
                + (lastUsedMukPushExempt ? ", last-used-MUK push exempt" : ", last-used-MUK push waits") + "]";
    }
}
