package org.mbmskeys.mbms.bmsc.distribution;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.protection.AckExpectation;

/**
 * One sealed MSK message for one UE, ready to go to {@link #to} over UDP, with what the BM-SC needs to
 * check the answer and to resend it. Holds no key.
 *
 * @param msk             the MSK by its Key Number (a request for Key Number 0 is resolved to the current one)
 * @param validity        the key validity the message carries
 * @param ackExpectation  present iff the V bit is set: what the UE's verification message must echo
 *                        (§6.4.5.2)
 * @param mukId           IDi ‖ IDr: the MUK that protects the message, and the verification message
 * @param attempt         1 for the first message, then +1 per {@link KeyDistribution#retransmission}
 * @param sentCounters    the counters of every attempt so far, oldest first, this one last: an ACK for any
 *                        of them acknowledges the delivery, since each attempt carries the same MSK
 * @param firstPreparedAt when the first attempt was prepared, for the {@link DeliveryRecord}
 */
public record PreparedPush(String impi, MskRef msk, PushKind kind, KeyValidity validity, Bytes datagram, Endpoint to,
                           Optional<AckExpectation> ackExpectation, CsbId csbId, TimestampCounter counter, MukId mukId,
                           int attempt, List<TimestampCounter> sentCounters, Instant firstPreparedAt) {

    public PreparedPush {
        Objects.requireNonNull(impi, "impi");
        Objects.requireNonNull(msk, "msk");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(datagram, "datagram");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(ackExpectation, "ackExpectation");
        Objects.requireNonNull(csbId, "csbId");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(mukId, "mukId");
        sentCounters = List.copyOf(sentCounters);
        Objects.requireNonNull(firstPreparedAt, "firstPreparedAt");
        if (attempt < 1 || sentCounters.size() != attempt || !sentCounters.get(attempt - 1).equals(counter)) {
            throw new IllegalArgumentException("attempt " + attempt + " must be the number of counters sent, "
                    + sentCounters + ", the last being this message's counter " + counter);
        }
    }

    /** True if the message asks for a verification message (V bit, TS 33.246 §6.4.2). */
    public boolean ackRequested() {
        return ackExpectation.isPresent();
    }
}
