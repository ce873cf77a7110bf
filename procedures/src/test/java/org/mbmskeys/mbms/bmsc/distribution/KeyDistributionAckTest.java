package org.mbmskeys.mbms.bmsc.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.BTID_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.BTID_A2;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.DOWNLOAD;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.KS_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.STREAMING;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.ue;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.ueA;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.VerificationMessage;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * The V bit and the verification message (TS 33.246 §6.4.2, §6.4.5.2), and retransmission with a new
 * counter (§6.4.3).
 */
class KeyDistributionAckTest {

    private final BmscFixture bmsc = new BmscFixture();
    private final TestUe ue = ue(BTID_A, KS_A);
    private PreparedPush push;
    private Bytes ack;

    @BeforeEach
    void pushWithV() {
        bmsc.ueKeys.lookUp(BTID_A);
        push = bmsc.distribution.push(ueA(), DOWNLOAD.current(), true).orElseThrow();
        TestUe.Outcome got = ue.receiveMsk(push.datagram());
        assertThat(got.refusal()).isEmpty();
        ack = got.ack().orElseThrow();
    }

    @Test
    void theUesVerificationMessageAcknowledgesThePush() {
        assertThat(push.ackExpectation()).isPresent();
        assertThat(bmsc.distribution.checkAck(push, ack)).isEqualTo(new AckCheck.Acknowledged(push.counter()));
    }

    @Test
    void aVerificationMessageAlreadyReadIsCheckedLikeItsBytes() {
        VerificationMessage read = (VerificationMessage) MikeyReader.read(ack).orElseThrow();
        VerificationMessage tampered = (VerificationMessage) MikeyReader.read(ack.withByteXored(ack.length() - 1, 0x01))
                .orElseThrow();
        PreparedPush noV = bmsc.distribution.push(ueA(), DOWNLOAD.current(), false).orElseThrow();

        assertThat(bmsc.distribution.checkAck(push, read)).isEqualTo(new AckCheck.Acknowledged(push.counter()));
        assertRejected(bmsc.distribution.checkAck(push, tampered), AckRejection.BAD_MAC);
        assertRejected(bmsc.distribution.checkAck(noV, read), AckRejection.NO_ACK_REQUESTED);
    }

    @Test
    void aTamperedVerificationMacIsRefused() {
        Bytes tampered = ack.withByteXored(ack.length() - 1, 0x01);
        assertRejected(bmsc.distribution.checkAck(push, tampered), AckRejection.BAD_MAC);
    }

    @Test
    void anAckForAnotherPushIsRefusedByItsCsbId() {
        PreparedPush other = bmsc.distribution.push(ueA(), STREAMING.current(), true).orElseThrow();
        Bytes otherAck = ue.receiveMsk(other.datagram()).ack().orElseThrow();

        assertRejected(bmsc.distribution.checkAck(push, otherAck), AckRejection.WRONG_CSB_ID);
        assertThat(bmsc.distribution.checkAck(other, otherAck).isAcknowledged()).isTrue();
    }

    @Test
    void anAckNamingAnotherBTidIsRefused() {
        byte[] bytes = ack.toByteArray();
        int at = indexOf(bytes, BTID_A.format().getBytes(StandardCharsets.UTF_8));
        bytes[at] = (byte) (bytes[at] == 'A' ? 'B' : 'A');

        assertRejected(bmsc.distribution.checkAck(push, Bytes.wrap(bytes)), AckRejection.WRONG_IDR);
    }

    @Test
    void anythingButAVerificationMessageIsRefused() {
        assertRejected(bmsc.distribution.checkAck(push, push.datagram()), AckRejection.NOT_A_VERIFICATION_MESSAGE);
        assertRejected(bmsc.distribution.checkAck(push, ack.slice(0, ack.length() - 5)), AckRejection.MALFORMED);
        assertRejected(bmsc.distribution.checkAck(push, Bytes.empty()), AckRejection.MALFORMED);
    }

    @Test
    void aPushWithoutTheVBitHasNoAck() {
        PreparedPush noV = bmsc.distribution.push(ueA(), DOWNLOAD.current(), false).orElseThrow();
        assertRejected(bmsc.distribution.checkAck(noV, ack), AckRejection.NO_ACK_REQUESTED);
    }

    /** Once the UE has a newer MUK, the old MUK that protected the push is gone. */
    @Test
    void anAckUnderAMukTheBmscNoLongerHoldsIsRefused() {
        bmsc.clock.advance(Duration.ofMinutes(1));
        bmsc.ueKeys.lookUp(BTID_A2);
        assertRejected(bmsc.distribution.checkAck(push, ack), AckRejection.UNKNOWN_MUK);
    }

    /**
     * §6.4.3: "The counter shall be increased by one for each MSK message sent from the BM-SC to the UE even in
     * case BM-SC retransmits a previously sent MSK message". A conforming UE that accepted the first message
     * discards the same bytes again as a replay (§6.4.6.1 step 2), but accepts the retransmission and
     * acknowledges it; the ACK of either attempt acknowledges the delivery.
     */
    @Test
    void aRetransmissionTakesTheNextCounterAndEitherAttemptsAckCounts() {
        PreparedPush again = bmsc.distribution.retransmission(push).orElseThrow();

        assertThat(again.counter()).isEqualTo(push.counter().next());
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(again.sentCounters()).containsExactly(push.counter(), again.counter());
        assertThat(again.csbId()).isEqualTo(push.csbId());
        assertThat(again.msk()).isEqualTo(push.msk());
        assertThat(again.firstPreparedAt()).isEqualTo(push.firstPreparedAt());
        assertThat(again.datagram()).isNotEqualTo(push.datagram());

        assertThat(ue.receiveMsk(push.datagram()).refusal()).contains("REPLAYED_COUNTER");
        Bytes secondAck = ue.receiveMsk(again.datagram()).ack().orElseThrow();
        assertThat(bmsc.distribution.checkAck(again, secondAck)).isEqualTo(new AckCheck.Acknowledged(again.counter()));
        assertThat(bmsc.distribution.checkAck(again, ack)).isEqualTo(new AckCheck.Acknowledged(push.counter()));
        // The first attempt alone does not know the second attempt's counter.
        assertRejected(bmsc.distribution.checkAck(push, secondAck), AckRejection.WRONG_COUNTER);
    }

    @Test
    void noRetransmissionOnceTheUeHasAnotherMuk() {
        bmsc.clock.advance(Duration.ofMinutes(1));
        bmsc.ueKeys.lookUp(BTID_A2);

        Preparation<PreparedPush> again = bmsc.distribution.retransmission(push);

        assertThat(((Preparation.Refused<PreparedPush>) again).reason()).isEqualTo(DistributionRefusal.MUK_CHANGED);
    }

    @Test
    void deliveryRecordsSayHowThePushEnded() {
        AckCheck.Acknowledged acked = (AckCheck.Acknowledged) bmsc.distribution.checkAck(push, ack);
        DeliveryRecord delivered = DeliveryRecord.acknowledged(push, acked, bmsc.clock.instant());

        assertThat(delivered.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(delivered.counter()).isEqualTo(TimestampCounter.of(1));
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(delivered.firstSentAt()).isEqualTo(BmscFixture.START);
        assertThat(delivered.acknowledgedAt()).contains(BmscFixture.START);
        assertThat(DeliveryRecord.unacknowledged(bmsc.distribution.retransmission(push).orElseThrow()))
                .satisfies(r -> {
                    assertThat(r.outcome()).isEqualTo(DeliveryOutcome.GAVE_UP);
                    assertThat(r.attempts()).isEqualTo(2);
                });
    }

    private static void assertRejected(AckCheck check, AckRejection reason) {
        assertThat(check).isInstanceOf(AckCheck.Rejected.class);
        assertThat(((AckCheck.Rejected) check).reason()).as(check.toString()).isEqualTo(reason);
        assertThat(check.isAcknowledged()).isFalse();
        assertThat(check.toString()).as("the log line says why").startsWith(reason + ": ")
                .isEqualTo(reason + ": " + ((AckCheck.Rejected) check).detail());
    }

    private static int indexOf(byte[] h, byte[] n) {
        outer:
        for (int i = 0; i + n.length <= h.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (h[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
