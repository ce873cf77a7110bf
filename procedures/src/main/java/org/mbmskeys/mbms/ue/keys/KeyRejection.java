package org.mbmskeys.mbms.ue.keys;

/**
 * Why the UE key store refused an MSK or MTK message (TS 33.246 §6.4.6, §6.5.3). The receiver discards
 * such a message without answering; the reason is for local reporting. A rejection never changes the
 * stored state.
 */
public enum KeyRejection {

    /** No current and no last successfully used MUK has this MUK ID (IDi ‖ IDr). */
    UNKNOWN_MUK,

    /**
     * The timestamp counter is not newer, in RFC 1982 order, than the one stored for the protecting key
     * (per MUK for MSK messages, per MSK for MTK messages). Counters exactly 2^31 apart count as replays.
     */
    REPLAYED_COUNTER,

    /** An MTK message names an MSK the UE does not hold. */
    UNKNOWN_KEY,

    /** The MSK was invalidated by a key validity with SEQl &gt; SEQu (§6.3.2.1B); a new MSK is needed. */
    MSK_INVALIDATED,

    /** A key-less MSK message (key validity update only) names an MSK the UE does not hold (§6.5.3). */
    NO_MSK_FOR_VALIDITY_UPDATE,

    /** The MTK ID lies outside SEQl..SEQu of its MSK's key validity. */
    OUTSIDE_VALIDITY,

    /** The MTK ID is not greater than the last MTK ID accepted under that MSK (§6.4.6.2 step 3). */
    STALE_MTK_ID,

    /**
     * The MTK is not as long as the SRTP master key length the policy held for its MSK states (its "Session Encr.
     * key length", RFC 3830 §6.10.1); the MTK is the SRTP master key (§6.6.2.1), so SRTP could not use it.
     */
    MTK_LENGTH_DIFFERS_FROM_POLICY
}
