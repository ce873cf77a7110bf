package org.mbmskeys.mbms.mikey;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * One policy parameter of an SP payload (RFC 3830 §6.10): Type (1) | Length (1) | Value. The meaning of
 * {@code type} depends on the policy's {@link ProtocolType} (for SRTP: 0 encr alg, 1 encr key len, …,
 * RFC 3830 §6.10.1), so it stays a number here.
 */
public record SpParameter(int type, Bytes value) {

    /**
     * @throws IllegalArgumentException if {@code type} does not fit a byte or {@code value} is longer than 255 bytes
     */
    public SpParameter {
        Objects.requireNonNull(value, "value");
        if ((type & ~0xFF) != 0) {
            throw new IllegalArgumentException("SP parameter Type is one byte (0..255), got " + type);
        }
        if (value.length() > 255) {
            throw new IllegalArgumentException("SP parameter Value is at most 255 bytes (Length is one byte), got "
                    + value.length());
        }
    }

    public static SpParameter of(int type, Bytes value) {
        return new SpParameter(type, value);
    }

    /** Type, Length and Value bytes on the wire. */
    public int wireLength() {
        return 2 + value.length();
    }
}
