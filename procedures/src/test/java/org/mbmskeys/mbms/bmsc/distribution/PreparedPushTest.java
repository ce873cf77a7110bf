package org.mbmskeys.mbms.bmsc.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;

/**
 * A push remembers the counter of every attempt, this one last (an ACK for any of them acknowledges the MSK,
 * TS 33.246 §6.3.2.3.1): a record whose attempt number and counters disagree is a bug, refused when built.
 */
class PreparedPushTest {

    private static final TimestampCounter C1 = TimestampCounter.of(1);
    private static final TimestampCounter C2 = TimestampCounter.of(2);

    private static PreparedPush push(TimestampCounter counter, int attempt, List<TimestampCounter> sent) {
        return new PreparedPush("001010123456781@ims.mnc001.mcc001.3gppnetwork.org", MskRef.parse("001-01/01010002"),
                PushKind.DELIVERY, KeyValidity.of(10, 20), Bytes.ofHex("01"), Endpoint.of("alice", 2269),
                Optional.empty(), CsbId.of(7), counter, MukId.of("bmsc.example.org", "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org"),
                attempt, sent, Instant.parse("2026-12-04T06:00:00Z"));
    }

    @Test
    void theSecondAttemptCarriesBothCountersThisOneLast() {
        assertThat(push(C2, 2, List.of(C1, C2)).sentCounters()).containsExactly(C1, C2);
        assertThat(push(C1, 1, List.of(C1)).ackRequested()).isFalse();
    }

    @Test
    void anAttemptNumberOtherThanTheNumberOfCountersIsRefused() {
        assertThatThrownBy(() -> push(C1, 0, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> push(C2, 1, List.of(C1, C2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> push(C2, 3, List.of(C1, C2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLastCounterOtherThanThisMessagesIsRefused() {
        assertThatThrownBy(() -> push(C2, 2, List.of(C2, C1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the last being this message's counter 2");
    }
}
