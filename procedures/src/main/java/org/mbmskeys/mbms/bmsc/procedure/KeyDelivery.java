package org.mbmskeys.mbms.bmsc.procedure;

import java.util.Optional;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.bmsc.distribution.PreparedPull;
import org.mbmskeys.mbms.bmsc.distribution.PreparedPush;

/**
 * The BM-SC's Key Distribution function for one UE as the {@code bmsc.msk-push} and
 * {@code bmsc.solicited-pull} scripts call it ({@code service(KeyDelivery)}): it builds, checks and records;
 * the scripts decide when to send, send again and give up. UEs are named by IMPI, MSKs written as
 * {@code MskRef} ({@code 001-01/01010002}, Key Number 0 = the group's current MSK), Key Groups as
 * {@code 001-01/0101}.
 */
public interface KeyDelivery {

    /** What an MSK message does at the UE (§6.3.2.3.1, §6.3.2.1B). */
    enum Kind {
        /** carries the MSK */
        DELIVER,
        /** updates the key validity only */
        VALIDITY,
        /** SEQl &gt; SEQu: the UE can no longer use the MSK */
        INVALIDATE
    }

    /**
     * The first MSK message of a push, with the V bit (§6.3.2.3.1); empty when it cannot be made (no MUK,
     * MUK expired, unknown MSK): the refusal is logged. {@code instance} is the key of the procedure instance
     * that runs the push, to which the UE's verification message is routed.
     */
    Optional<PreparedPush> push(String instance, String ue, String msk, Kind kind);

    /**
     * Whether the BM-SC's MUK of the UE is past its lifetime (§6.3.2.2.4): {@link #push} is then refused, and a
     * solicited pull, which may still use that MUK (NOTE 1), gets the MSK to the UE instead. False by default (a
     * Key Distribution function without MUK lifetimes).
     */
    default boolean mukExpired(String ue) {
        return false;
    }

    /** The Key Group ({@code 001-01/0101}) of an MSK written as {@code MskRef} ({@code 001-01/01010002}). */
    default String keyGroupOf(String msk) {
        return org.mbmskeys.mbms.bmsc.services.KeyGroupRef.of(org.mbmskeys.mbms.keys.MskRef.parse(msk)).toString();
    }

    /** The next attempt of {@code previous}: the same message with the next counter (§6.4.3). */
    Optional<PreparedPush> retransmission(PreparedPush previous);

    /**
     * The next attempt of {@code previous}, sent by instance {@code instance}, whose verification message is routed
     * to that instance. Scripts should prefer this form: after a restart on a durable instance store the BM-SC knows
     * of the push only what the instance kept, and a resend made with {@link #retransmission(PreparedPush)} then is
     * sent, but its answer reaches no instance.
     */
    default Optional<PreparedPush> retransmission(String instance, PreparedPush previous) {
        return retransmission(previous);
    }

    /** The datagram of a push, addressed to the UE's registration address (§6.3.1). */
    Envelope datagram(PreparedPush push);

    /** Whether {@code arrived} is the UE's verification message for any attempt of {@code push} (§6.4.5.2). */
    boolean acknowledges(PreparedPush push, MikeyArrived arrived);

    /** Records the push as delivered and acknowledged by {@code arrived}; the record, for listeners. */
    DeliveryRecord delivered(PreparedPush push, MikeyArrived arrived);

    /** Records the push as given up after its last attempt; the record, for listeners. */
    DeliveryRecord gaveUp(PreparedPush push);

    /**
     * A solicited pull of {@code keyGroup} for the UE (§6.3.2.2.4): Key Number 0, no key, no V bit, under the
     * last MUK the BM-SC knows; empty when the BM-SC knows no MUK of the UE.
     */
    Optional<PreparedPull> solicit(String ue, String keyGroup);

    /** The datagram of a solicited pull. */
    Envelope datagram(PreparedPull pull);

    /**
     * Ends the solicited pull of {@code keyGroup} for the UE as unanswered and gives the group's current MSK,
     * written as {@code MskRef}, to push instead.
     */
    String unanswered(String ue, String keyGroup);
}
