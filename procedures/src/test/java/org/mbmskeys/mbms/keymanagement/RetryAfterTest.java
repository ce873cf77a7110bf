package org.mbmskeys.mbms.keymanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code Retry-After} of a 503 (table G.2.4-1; RFC 9110 §10.2.3): delta-seconds or an HTTP-date. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void deltaSecondsAreAWait() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anHttpDateIsCountedFromNowAndADateInThePastIsNoWait() {
        assertThat(RetryAfter.parse("Wed, 02 Dec 2026 10:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Wed, 02 Dec 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anythingElseIsNoRetryAfter() {
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }

    @Test
    void aWaitIsWrittenInWholeSecondsRoundedUp() {
        assertThat(RetryAfter.format(Duration.ofSeconds(30))).isEqualTo("30");
        assertThat(RetryAfter.format(Duration.ofMillis(1))).isEqualTo("1");
        assertThatThrownBy(() -> RetryAfter.format(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
