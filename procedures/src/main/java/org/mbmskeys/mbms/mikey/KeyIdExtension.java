package org.mbmskeys.mbms.mikey;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * The RFC 4563 Key ID carried in a General Extension of type {@link ExtensionType#KEY_ID}, as the project
 * profile lays it out (PROFILE.md §2, §10):
 *
 * <pre>
 * Key ID Type (1) | Key ID len (2) | Key ID        -- one Key ID per extension, nothing after it
 * </pre>
 *
 * <p>An MSK Key ID is the 4-byte MSK ID (TS 33.246 §6.3.2.1), an MTK Key ID the {@value MtkId#BYTES}-byte
 * MTK ID. A view, not a payload: {@link #from} reads one out of an extension, {@link #toPayload()} makes
 * one.
 *
 * <pre>{@code
 * GeneralExtensionPayload ext = KeyIdExtension.forMsk(MskId.of(1, 2)).toPayload();
 * MskId msk = KeyIdExtension.from(ext).orElseThrow().mskId();
 * }</pre>
 */
@Unconfirmed("RFC 4563 Key ID data layout (Key ID Type 1 byte, Key ID len 2 bytes, one Key ID per EXT); "
        + "PROFILE.md §2, §9 item 2, §10")
public record KeyIdExtension(KeyIdType keyIdType, Bytes keyId) {

    /** Bytes of an MSK ID Key ID. */
    public static final int MSK_ID_LENGTH = 4;

    /**
     * @throws IllegalArgumentException if {@code keyId} is longer than 65535 bytes, or is not the width of
     *                                  an MSK ID / MTK ID for those types
     */
    public KeyIdExtension {
        Objects.requireNonNull(keyIdType, "keyIdType");
        Objects.requireNonNull(keyId, "keyId");
        if (keyId.length() > 0xFFFF) {
            throw new IllegalArgumentException("Key ID is at most 65535 bytes (Key ID len is 2 bytes), got " + keyId.length());
        }
        int expected = expectedLength(keyIdType);
        if (expected >= 0 && keyId.length() != expected) {
            throw new IllegalArgumentException("an " + keyIdType + " Key ID is " + expected + " bytes, got " + keyId.length());
        }
    }

    public static KeyIdExtension forMsk(MskId mskId) {
        return new KeyIdExtension(KeyIdType.MSK, mskId.toBytes());
    }

    public static KeyIdExtension forMtk(MtkId mtkId) {
        return new KeyIdExtension(KeyIdType.MTK, mtkId.toBytes());
    }

    /**
     * The Key ID in {@code ext}, or empty if {@code ext} is not of type {@link ExtensionType#KEY_ID}.
     *
     * @throws MikeyDecodeException if the type is KEY_ID but the data is not one well-formed Key ID;
     *                              offsets count from the start of the extension data
     */
    public static Optional<KeyIdExtension> from(GeneralExtensionPayload ext) {
        if (!ext.extensionType().equals(ExtensionType.KEY_ID)) {
            return Optional.empty();
        }
        return Optional.of(read(WireReader.over(ext.data().toByteArray())));
    }

    /** The General Extension payload carrying this Key ID. */
    public GeneralExtensionPayload toPayload() {
        WireWriter out = new WireWriter(3 + keyId.length());
        out.u8(keyIdType.code()).u16(keyId.length()).bytes(keyId);
        return new GeneralExtensionPayload(ExtensionType.KEY_ID, Bytes.wrap(out.toArray()));
    }

    /**
     * The MSK ID.
     *
     * @throws IllegalStateException if the Key ID Type is not MSK
     */
    public MskId mskId() {
        requireType(KeyIdType.MSK);
        return MskId.fromBytes(keyId);
    }

    /**
     * The MTK ID.
     *
     * @throws IllegalStateException if the Key ID Type is not MTK
     */
    public MtkId mtkId() {
        requireType(KeyIdType.MTK);
        return MtkId.fromBytes(keyId);
    }

    /** Reads the whole of {@code in} as one Key ID; fields are named {@code EXT.Key ID …}. */
    static KeyIdExtension read(WireReader in) {
        int code = in.u8("EXT.Key ID Type");
        KeyIdType type = KeyIdType.ofCode(code)
                .orElseThrow(() -> in.malformed("EXT.Key ID Type", KeyIdType.CODES.unknown(code)));
        int length = in.u16Length("EXT.Key ID len");
        int expected = expectedLength(type);
        if (expected >= 0 && length != expected) {
            throw in.malformed("EXT.Key ID len", "an " + type + " Key ID is " + expected + " bytes, declared " + length);
        }
        Bytes keyId = in.bytes(length, "EXT.Key ID");
        if (!in.atEnd()) {
            throw in.malformedHere("EXT.Data", in.remaining() + " bytes follow the Key ID; one Key ID per extension");
        }
        return new KeyIdExtension(type, keyId);
    }

    private static int expectedLength(KeyIdType type) {
        return switch (type) {
            case MSK -> MSK_ID_LENGTH;
            case MTK -> MtkId.BYTES;
            case MUK -> -1;
        };
    }

    private void requireType(KeyIdType wanted) {
        if (keyIdType != wanted) {
            throw new IllegalStateException("Key ID Type is " + keyIdType + ", not " + wanted + "; check keyIdType() first");
        }
    }

    @Override
    public String toString() {
        return "KeyIdExtension[" + keyIdType + " " + keyId + "]";
    }
}
