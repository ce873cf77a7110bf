package org.mbmskeys.mbms.mikey;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * CSB ID, the 32-bit Crypto Session Bundle identifier of the common header (RFC 3830 §6.1). It enters
 * the PRF labels (§4.1.4) and the AES-CM IV, so receivers use it verbatim. MBMS senders put 4 random
 * bytes in it per message (TS 33.246 §6.4.2, {@code protection.CsbIds}). Written as 8 hex digits,
 * e.g. {@code 00f11000}.
 */
public record CsbId(int value) {

    public static CsbId of(int value) {
        return new CsbId(value);
    }

    /**
     * Reads the 4 wire bytes.
     *
     * @throws IllegalArgumentException if {@code octets} is not 4 bytes long
     */
    public static CsbId fromBytes(Bytes octets) {
        Objects.requireNonNull(octets, "octets");
        if (octets.length() != 4) {
            throw new IllegalArgumentException("CSB ID is 4 bytes, got " + octets.length());
        }
        return new CsbId((octets.u8(0) << 24) | (octets.u8(1) << 16) | (octets.u8(2) << 8) | octets.u8(3));
    }

    /** The 4 wire bytes, big-endian. */
    public Bytes toBytes() {
        return Bytes.of((byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value);
    }

    /** The value as an unsigned number. */
    public long unsignedValue() {
        return Integer.toUnsignedLong(value);
    }

    @Override
    public String toString() {
        return String.format("%08x", value);
    }
}
