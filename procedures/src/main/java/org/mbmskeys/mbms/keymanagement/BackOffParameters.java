package org.mbmskeys.mbms.keymanagement;

import java.time.Duration;
import java.util.Objects;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * The back-off mode parameters of a User Service Description for MSK requests (TS 33.246 §6.3.2.1A:
 * "Back off mode parameters, as defined in TS 26.346 [13], may be specified for MSK requests"; "The UE
 * shall use Back off mode if it is requested by the BM-SC in the Service Announcement"). The UE waits
 * {@code offsetTime} plus a uniformly random part of {@code randomTimePeriod} (see {@link MskRequestBackOff}).
 *
 * @param offsetTime       the fixed part of the wait, zero or positive
 * @param randomTimePeriod the length of the random part, zero or positive
 */
@Unconfirmed("U11: back-off parameter names offsetTime / randomTimePeriod and wait = offsetTime + "
        + "uniform[0, randomTimePeriod]; TS 33.246 §6.3.2.1A defers the parameters to TS 26.346, not read")
public record BackOffParameters(Duration offsetTime, Duration randomTimePeriod) {

    /** @throws IllegalArgumentException if either duration is negative */
    public BackOffParameters {
        requireNotNegative("offsetTime", offsetTime);
        requireNotNegative("randomTimePeriod", randomTimePeriod);
    }

    private static void requireNotNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException("back-off " + name + " must not be negative, got " + value);
        }
    }
}
