package org.mbmskeys.engine.spi;

import java.util.Objects;

/**
 * Bytes an {@link HttpCodec} could not read as exactly one HTTP message. The message says what was wrong
 * and never carries more than a few dozen bytes of the input.
 */
public final class MalformedHttpException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why the bytes were refused. Closed. */
    public enum Reason {
        /** The bytes end before the message does (no end of headers, or fewer body bytes than announced). */
        INCOMPLETE,
        /** The start line or a header is not valid HTTP/1.1, or a limit of the parser was exceeded. */
        INVALID,
        /** A complete message is followed by more bytes (a second message, or garbage). */
        TRAILING_BYTES
    }

    private final Reason reason;

    public MalformedHttpException(Reason reason, String message) {
        super(Objects.requireNonNull(reason, "reason") + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
