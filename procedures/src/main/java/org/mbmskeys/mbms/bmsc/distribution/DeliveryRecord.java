package org.mbmskeys.mbms.bmsc.distribution;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.mbms.gba.Impi;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;

/**
 * One finished MSK delivery to one UE: which MSK, how many messages, how it ended. What an operator bills
 * or answers a support call with ("did my phone get the key?"). Holds no key.
 *
 * @param counter        the counter of the last message sent (or of the one acknowledged)
 * @param attempts       how many messages were sent (1 + retransmissions)
 * @param acknowledgedAt when the UE's verification message arrived, if one did
 */
public record DeliveryRecord(String impi, MskRef msk, CsbId csbId, TimestampCounter counter, Instant firstSentAt,
                             int attempts, DeliveryOutcome outcome, Optional<Instant> acknowledgedAt) {

    /**
     * @throws IllegalArgumentException if attempts is below 1, or a delivery is DELIVERED without an
     *                                  acknowledgement time (or has one without being DELIVERED or INVALIDATED)
     */
    public DeliveryRecord {
        Impi.require(impi);
        Objects.requireNonNull(msk, "msk");
        Objects.requireNonNull(csbId, "csbId");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(firstSentAt, "firstSentAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
        if (attempts < 1) {
            throw new IllegalArgumentException("a delivery sends at least one message, got " + attempts + " attempts");
        }
        if (outcome == DeliveryOutcome.DELIVERED && acknowledgedAt.isEmpty()) {
            throw new IllegalArgumentException("a DELIVERED MSK was acknowledged; give the time of the acknowledgement");
        }
        if (acknowledgedAt.isPresent() && outcome != DeliveryOutcome.DELIVERED && outcome != DeliveryOutcome.INVALIDATED) {
            throw new IllegalArgumentException("an acknowledged delivery is DELIVERED (or INVALIDATED), not " + outcome);
        }
    }

    /** The record of an acknowledged push ({@link PushKind#INVALIDATION}: INVALIDATED, else DELIVERED). */
    public static DeliveryRecord acknowledged(PreparedPush push, AckCheck.Acknowledged ack, Instant at) {
        return new DeliveryRecord(push.impi(), push.msk(), push.csbId(), ack.counter(), push.firstPreparedAt(),
                push.attempt(), push.kind() == PushKind.INVALIDATION ? DeliveryOutcome.INVALIDATED : DeliveryOutcome.DELIVERED,
                Optional.of(at));
    }

    /**
     * The record of a push that got no acknowledgement: GAVE_UP if one was asked for, SENT_WITHOUT_ACK if not;
     * INVALIDATED for an invalidation either way (the BM-SC forgets the UE's MSK all the same).
     */
    public static DeliveryRecord unacknowledged(PreparedPush push) {
        DeliveryOutcome outcome = push.kind() == PushKind.INVALIDATION ? DeliveryOutcome.INVALIDATED
                : push.ackRequested() ? DeliveryOutcome.GAVE_UP : DeliveryOutcome.SENT_WITHOUT_ACK;
        return new DeliveryRecord(push.impi(), push.msk(), push.csbId(), push.counter(), push.firstPreparedAt(),
                push.attempt(), outcome, Optional.empty());
    }
}
