package org.mbmskeys.mbms.keymanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TS 33.246 table G.2.4-1: the UE repeats only after 401 ("Authentication pending") and 503 ("UE may
 * repeat the request after delay indicated by "Retry-After" header"). A 503 without Retry-After is not
 * covered by the text; the policy's own delay applies.
 */
class UeRetryPolicyTest {

    private final UeRetryPolicy policy = new UeRetryPolicy(Duration.ofSeconds(30));

    @Test
    void after503TheUeWaitsRetryAfter() {
        assertThat(policy.delayBeforeRetry(ItemStatus.received(503), Optional.of(Duration.ofSeconds(5))))
                .contains(Duration.ofSeconds(5));
    }

    @Test
    void after503WithoutRetryAfterTheUeWaitsTheConfiguredDelay() {
        assertThat(policy.delayBeforeRetry(ItemStatus.received(503), Optional.empty())).contains(Duration.ofSeconds(30));
    }

    @Test
    void after401TheUeRepeatsAtOnceWithCredentials() {
        assertThat(policy.delayBeforeRetry(ItemStatus.received(401), Optional.of(Duration.ofSeconds(5))))
                .contains(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 400, 402, 403, 404, 405, 406, 500, 501, 502, 504, 505})
    void afterAnyOtherCodeTheUeDoesNotRepeat(int code) {
        assertThat(policy.delayBeforeRetry(ItemStatus.received(code), Optional.of(Duration.ofSeconds(5)))).isEmpty();
    }

    @Test
    void aNegativeDefaultDelayIsRefused() {
        assertThatThrownBy(() -> new UeRetryPolicy(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("serviceUnavailableDelay must not be negative, got PT-1S");
    }
}
