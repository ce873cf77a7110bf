package org.mbmskeys.mbms.mikey;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * General Extension payload, EXT (RFC 3830 §6.15): Type (1) | Length (2) | Data.
 *
 * <p>Extensions of any type are kept and re-encoded byte for byte. For {@link ExtensionType#KEY_ID} the
 * data must be a sequence of whole Key ID sub-payloads (RFC 4563 §4, Figure 2): {@link MikeyCodec}
 * rejects a message otherwise, and {@link KeyIdExtension#from} reads them.
 */
public record GeneralExtensionPayload(ExtensionType extensionType, Bytes data) implements MikeyPayload {

    /**
     * @throws IllegalArgumentException if {@code data} is longer than 65535 bytes
     */
    public GeneralExtensionPayload {
        Objects.requireNonNull(extensionType, "extensionType");
        Objects.requireNonNull(data, "data");
        if (data.length() > 0xFFFF) {
            throw new IllegalArgumentException("EXT Data is at most 65535 bytes (Length is 2 bytes), got " + data.length());
        }
    }

    public static GeneralExtensionPayload of(ExtensionType extensionType, Bytes data) {
        return new GeneralExtensionPayload(extensionType, data);
    }

    @Override
    public PayloadType type() {
        return PayloadType.GENERAL_EXTENSION;
    }
}
