package org.mbmskeys.mbms.bmsc.distribution;

/** Why a datagram is not the verification message that acknowledges a push (TS 33.246 §6.4.5.2). */
public enum AckRejection {
    /** The push did not set the V bit; nothing answers it. */
    NO_ACK_REQUESTED,
    /** Not a well-formed MIKEY message. */
    MALFORMED,
    /** Well-formed MIKEY, but not a verification message of the MBMS profile (e.g. an MSK or MTK message). */
    NOT_A_VERIFICATION_MESSAGE,
    /** Another CSB ID than the push: "The UE shall use the same CSB ID [...] as received" (§6.4.5.2). */
    WRONG_CSB_ID,
    /** A counter that is none of the push's attempts (the ACK echoes the message's TS, RFC 3830 §5.2). */
    WRONG_COUNTER,
    /** Another IDr than the B-TID the push was sent to. */
    WRONG_IDR,
    /** The MUK that protected the push is no longer known (the UE has a newer one, or was forgotten). */
    UNKNOWN_MUK,
    /** The verification MAC does not verify with the MUK. */
    BAD_MAC
}
