package org.mbmskeys.mbms.mikey;

/**
 * One MIKEY payload after the common header, as carried on the wire (RFC 3830 §6). Every implementation
 * is an immutable record holding the payload's fields except its Next payload byte, which
 * {@link MikeyCodec} derives from the order of {@link MikeyMessage#payloads()}.
 *
 * <p>The set is sealed: Java 17 has no pattern-matching switch, so code dispatches on {@link #type()} and
 * an exhaustive switch expression turns a forgotten kind into a compile error.
 */
public sealed interface MikeyPayload
        permits TimestampPayload, RandPayload, IdPayload, SecurityPolicyPayload, GeneralExtensionPayload,
                KemacPayload, VerificationPayload, ErrorPayload {

    /** The Next payload code that announces this payload; never {@link PayloadType#LAST} or {@link PayloadType#KEY_DATA}. */
    PayloadType type();
}
