package org.mbmskeys.mbms.keymanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * TS 33.246 §6.3.2.2.1: "The UE shall always (except in the case of a BM-SC solicited pull) wait a period
 * of time as specified by the back-off parameters in the User Service Description (if they are present)
 * before making a request." The formula offsetTime + uniform[0, randomTimePeriod] and the parameter names
 * are the project's (U11, TS 26.346 not read). Expected draws are worked out by hand from the random
 * bytes; the seeded ones from java.util.Random(42) reproduced independently in Python.
 */
class MskRequestBackOffTest {

    private static final Optional<BackOffParameters> USD =
            Optional.of(new BackOffParameters(Duration.ofSeconds(2), Duration.ofSeconds(10)));

    /** Hands out the given 8-byte draws in order. */
    private static RandomBytes draws(String... hex) {
        Deque<Bytes> queue = new ArrayDeque<>();
        for (String h : hex) {
            queue.add(Bytes.ofHex(h));
        }
        return length -> {
            assertThat(length).isEqualTo(8);
            return queue.remove();
        };
    }

    @Test
    void theWaitIsTheOffsetPlusTheDrawModuloThePeriodInMilliseconds() {
        // 0x1388 = 5000 ms; 0x2710 = 10000 ms, the top of [0, 10000]; 0x..2711 with the top bit set = 10001 = 0 mod 10001.
        MskRequestBackOff backOff = MskRequestBackOff.of(USD,
                draws("0000000000001388", "0000000000002710", "8000000000002711"));

        assertThat(backOff.waitBefore(MskRequestReason.MSK_NEEDED)).isEqualTo(Duration.ofMillis(7000));
        assertThat(backOff.waitBefore(MskRequestReason.MSK_NEEDED)).isEqualTo(Duration.ofMillis(12000));
        assertThat(backOff.waitBefore(MskRequestReason.MSK_NEEDED)).isEqualTo(Duration.ofMillis(2000));
    }

    @Test
    void seededRandomKnownAnswers() {
        Random seeded = new Random(42);
        RandomBytes random = length -> {
            byte[] out = new byte[length];
            seeded.nextBytes(out);
            return Bytes.wrap(out);
        };
        MskRequestBackOff backOff = MskRequestBackOff.of(USD, random);

        assertThat(List.of(backOff.waitBefore(MskRequestReason.MSK_NEEDED), backOff.waitBefore(MskRequestReason.MSK_NEEDED),
                backOff.waitBefore(MskRequestReason.MSK_NEEDED)))
                .containsExactly(Duration.ofMillis(7134), Duration.ofMillis(7663), Duration.ofMillis(3546));
    }

    @Test
    void aDrawInThePartialLastRangeIsDrawnAgain() {
        // period 2 ms: bound 3; 2^63 - 1 lies above the last full multiple of 3 and is refused; 4 mod 3 = 1.
        MskRequestBackOff backOff = MskRequestBackOff.of(
                Optional.of(new BackOffParameters(Duration.ZERO, Duration.ofMillis(2))),
                draws("7fffffffffffffff", "0000000000000004"));

        assertThat(backOff.waitBefore(MskRequestReason.MSK_NEEDED)).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void theRequestThatAnswersASolicitedPullDoesNotWait() {
        MskRequestBackOff backOff = MskRequestBackOff.of(USD, draws());

        assertThat(backOff.waitBefore(MskRequestReason.SOLICITED_PULL)).isEqualTo(Duration.ZERO);
    }

    @Test
    void withoutBackOffParametersNoRequestWaits() {
        MskRequestBackOff backOff = MskRequestBackOff.of(Optional.empty(), draws());

        assertThat(backOff.waitBefore(MskRequestReason.MSK_NEEDED)).isEqualTo(Duration.ZERO);
        assertThat(backOff.waitBefore(MskRequestReason.LAST_USED_MUK_PUSH)).isEqualTo(Duration.ZERO);
    }

    @Test
    void theLastUsedMukPushIsExemptByDefaultAndWaitsWhenConfiguredSo() {
        assertThat(MskRequestBackOff.of(USD, draws()).waitBefore(MskRequestReason.LAST_USED_MUK_PUSH))
                .isEqualTo(Duration.ZERO);
        assertThat(MskRequestBackOff.of(USD, draws("0000000000001388"), false)
                .waitBefore(MskRequestReason.LAST_USED_MUK_PUSH)).isEqualTo(Duration.ofMillis(7000));
    }

    @Test
    void aZeroPeriodWaitsExactlyTheOffset() {
        MskRequestBackOff backOff = MskRequestBackOff.of(
                Optional.of(new BackOffParameters(Duration.ofSeconds(3), Duration.ZERO)), draws());

        assertThat(backOff.waitBefore(MskRequestReason.MSK_NEEDED)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void negativeParametersAreRefused() {
        assertThatThrownBy(() -> new BackOffParameters(Duration.ofSeconds(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("back-off offsetTime must not be negative, got PT-1S");
    }

    @Test
    void theParameterNamesAndFormulaAreTheMarkedU11Choice() {
        assertThat(BackOffParameters.class.getAnnotation(Unconfirmed.class).value()).startsWith("U11: ");
    }
}
