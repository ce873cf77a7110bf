package org.mbmskeys.mbms.bmsc.keymanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.mbms.gba.TestSupport;

/** Admission control of the BM-SC's key management: 503 with Retry-After while overloaded (table G.2.4-1). */
class KeyManagementAdmissionTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private final TestSupport.SettableClock clock = new TestSupport.SettableClock(T0);
    private final KeyManagementAdmission admission = new KeyManagementAdmission(clock);

    @Test
    void openByDefaultEveryRequestIsAdmittedAndNothingCounted() {
        assertThat(admission.isOverloaded()).isFalse();
        assertThat(admission.refusal()).isEmpty();
        assertThat(admission.refused()).isZero();
    }

    @Test
    void overloadedUntilOpenedAnnouncesTheSameWaitEveryTimeAndCountsTheRefusals() {
        admission.overloaded(Duration.ofSeconds(20));
        clock.set(T0.plus(Duration.ofHours(1)));

        assertThat(admission.refusal()).hasValue(Duration.ofSeconds(20));
        assertThat(admission.refusal()).hasValue(Duration.ofSeconds(20));
        assertThat(admission.refused()).isEqualTo(2);
        assertThat(admission.toString()).contains("overloaded").contains("refused 2");

        admission.open();
        assertThat(admission.refusal()).isEmpty();
        assertThat(admission.refused()).isEqualTo(2);
    }

    @Test
    void overloadedForAPeriodAnnouncesTheTimeLeftAndEndsByItself() {
        admission.overloadedFor(Duration.ofSeconds(30));

        assertThat(admission.refusal()).hasValue(Duration.ofSeconds(30));
        clock.set(T0.plusMillis(10_500));
        assertThat(admission.refusal()).hasValue(Duration.ofMillis(19_500));
        clock.set(T0.plusSeconds(30).minusNanos(1));
        assertThat(admission.isOverloaded()).isTrue();
        clock.set(T0.plusSeconds(30));
        assertThat(admission.isOverloaded()).isFalse();
        assertThat(admission.refusal()).isEmpty();
        assertThat(admission.refused()).isEqualTo(2);
    }

    @Test
    void theAnswerIs503WithRetryAfterInWholeSecondsRoundedUpAndNoBody() {
        HttpResponseMessage answer = KeyManagementAdmission.serviceUnavailable(Duration.ofMillis(19_500));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.reason()).isEqualTo("Service Unavailable");
        assertThat(answer.header("Retry-After")).hasValue("20");
        assertThat(answer.header("Content-Length")).hasValue("0");
        assertThat(answer.body().length()).isZero();
    }

    @Test
    void badSettingsAreRefusedAndChangeNothing() {
        assertThatThrownBy(() -> admission.overloaded(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> admission.overloadedFor(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThat(admission.isOverloaded()).isFalse();
    }
}
