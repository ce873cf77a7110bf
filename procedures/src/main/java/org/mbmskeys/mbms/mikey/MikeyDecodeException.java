package org.mbmskeys.mbms.mikey;

/**
 * The bytes are not a well-formed MIKEY message (or KEMAC plaintext, or Key ID extension data).
 *
 * <p>Says where and what: {@code malformed MIKEY at byte 41 (KEMAC.Encr data len): declares 48 bytes,
 * 12 remain}. The offset counts from the start of the decoded input (the message, the KEMAC plaintext
 * for {@link KeyDataCodec}, the extension data for {@link KeyIdExtension#from}). Never carries key
 * material: messages name lengths and code values only.
 *
 * <p>It carries no stack trace: malformed input is expected data on a UDP port anyone can reach, not a
 * bug, and offset plus field say all there is to say; filling a stack trace per bad datagram would only
 * make floods of garbage more expensive. (An internal decoder error is wrapped with its cause, which
 * keeps its own stack trace.)
 *
 * <p>This is the only exception {@link MikeyCodec#decode}, {@link KeyDataCodec#decode} and
 * {@link KeyIdExtension#from} throw for bad input: callers catch it in one place and
 * discard the message.
 */
public final class MikeyDecodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int offset;
    private final String field;
    private final String problem;

    public MikeyDecodeException(int offset, String field, String problem) {
        this(offset, field, problem, null);
    }

    MikeyDecodeException(int offset, String field, String problem, Throwable cause) {
        super("malformed MIKEY at byte " + offset + " (" + field + "): " + problem, cause, true, false);
        this.offset = offset;
        this.field = field;
        this.problem = problem;
    }

    /** Byte offset of the offending field from the start of the decoded input. */
    public int offset() {
        return offset;
    }

    /** The field, named as RFC 3830 names it, prefixed by its payload, e.g. {@code KEMAC.Encr data len}. */
    public String field() {
        return field;
    }

    /** What is wrong, and what would have been allowed. */
    public String problem() {
        return problem;
    }
}
