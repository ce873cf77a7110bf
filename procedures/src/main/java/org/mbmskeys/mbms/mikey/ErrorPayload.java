package org.mbmskeys.mbms.mikey;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * ERR payload (RFC 3830 §6.12): Error no (1) | Reserved (2). The reserved bytes are kept as read so the
 * message re-encodes to the same bytes.
 */
public record ErrorPayload(ErrorNumber errorNumber, Bytes reserved) implements MikeyPayload {

    private static final Bytes ZERO_RESERVED = Bytes.of((byte) 0, (byte) 0);

    /**
     * @throws IllegalArgumentException if {@code reserved} is not 2 bytes
     */
    public ErrorPayload {
        Objects.requireNonNull(errorNumber, "errorNumber");
        Objects.requireNonNull(reserved, "reserved");
        if (reserved.length() != 2) {
            throw new IllegalArgumentException("ERR Reserved is 2 bytes, got " + reserved.length());
        }
    }

    /** An error with zero reserved bytes, as a sender writes it. */
    public static ErrorPayload of(ErrorNumber errorNumber) {
        return new ErrorPayload(errorNumber, ZERO_RESERVED);
    }

    @Override
    public PayloadType type() {
        return PayloadType.ERR;
    }
}
