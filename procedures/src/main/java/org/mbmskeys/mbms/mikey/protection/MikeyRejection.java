package org.mbmskeys.mbms.mikey.protection;

/**
 * Why an inbound MBMS MIKEY message was not accepted. TS 33.246 receivers discard such messages without
 * answering on the wire; the reason is for the local operator (logs, listeners, features).
 */
public enum MikeyRejection {
    /** The bytes are not a well-formed MIKEY message (RFC 3830), or the KEMAC plaintext is not. */
    MALFORMED,
    /** Well-formed MIKEY, but not a message of the MBMS profile (missing or misplaced payloads, wrong IDs). */
    NOT_IN_PROFILE,
    /** An encryption, MAC, PRF or timestamp type this profile does not accept. */
    UNSUPPORTED_ALGORITHM,
    /** No key is known to verify the message with. */
    UNKNOWN_KEY,
    /** The MAC (KEMAC) or verification data (V) does not verify. */
    BAD_MAC,
    /** A verification message that does not answer the MSK message it is checked against. */
    UNEXPECTED_MESSAGE
}
