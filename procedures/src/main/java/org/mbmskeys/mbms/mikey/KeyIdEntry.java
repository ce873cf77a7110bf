package org.mbmskeys.mbms.mikey;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * One Key ID sub-payload of an RFC 4563 Key ID extension (RFC 4563 §4, Figure 2):
 * {@code Key ID Type (1) | Key ID Length (1) | Key ID}. Any type and any width up to 255 bytes is a valid
 * entry; which widths MBMS expects is the reader's business ({@code MikeyReader}).
 */
public record KeyIdEntry(KeyIdType type, Bytes id) {

    /** The Key ID Length field is one octet (RFC 4563 Figure 2). */
    public static final int MAX_ID_LENGTH = 0xFF;

    /**
     * @throws IllegalArgumentException if {@code id} is longer than 255 bytes
     */
    public KeyIdEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("a Key ID is at most 255 bytes (its Length field is one byte, "
                    + "RFC 4563 §4), got " + id.length());
        }
    }

    /** Bytes of this entry on the wire. */
    public int wireLength() {
        return 2 + id.length();
    }

    @Override
    public String toString() {
        return type + " " + id;
    }
}
