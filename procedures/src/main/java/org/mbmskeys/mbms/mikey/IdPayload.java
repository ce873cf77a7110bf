package org.mbmskeys.mbms.mikey;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * ID payload (RFC 3830 §6.7): ID type (1) | ID len (2) | ID data. MBMS carries IDi = the BM-SC's FQDN
 * and IDr = the UE's B-TID, both as {@link IdType#NAI} (TS 33.246 §6.4.5.1); together they
 * name the MUK, so compare them as bytes ({@link #data()}), not as decoded text.
 */
public record IdPayload(IdType idType, Bytes data) implements MikeyPayload {

    /**
     * @throws IllegalArgumentException if {@code data} is longer than 65535 bytes
     */
    public IdPayload {
        Objects.requireNonNull(idType, "idType");
        Objects.requireNonNull(data, "data");
        if (data.length() > 0xFFFF) {
            throw new IllegalArgumentException("ID data is at most 65535 bytes (ID len is 2 bytes), got " + data.length());
        }
    }

    /** A URI identity, UTF-8 encoded. */
    public static IdPayload uri(String text) {
        return new IdPayload(IdType.URI, Bytes.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A NAI identity, UTF-8 encoded. */
    public static IdPayload nai(String text) {
        return new IdPayload(IdType.NAI, Bytes.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The ID data as UTF-8 text; empty if the bytes are not valid UTF-8 (nothing is replaced). */
    public Optional<String> text() {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    @Override
    public PayloadType type() {
        return PayloadType.ID;
    }
}
