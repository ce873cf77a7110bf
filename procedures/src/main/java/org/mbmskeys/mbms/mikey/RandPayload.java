package org.mbmskeys.mbms.mikey;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * RAND payload (RFC 3830 §6.11): RAND len (1) | RAND. The RAND enters the PRF labels (§4.1.4). RFC 3830
 * recommends at least 16 bytes; any 1..255 bytes are accepted, a zero-length RAND is malformed.
 */
public record RandPayload(Bytes rand) implements MikeyPayload {

    /**
     * @throws IllegalArgumentException if {@code rand} is empty or longer than 255 bytes
     */
    public RandPayload {
        Objects.requireNonNull(rand, "rand");
        if (rand.isEmpty() || rand.length() > 255) {
            throw new IllegalArgumentException("RAND must be 1..255 bytes (RAND len is one byte, 0 is not a RAND), got "
                    + rand.length());
        }
    }

    public static RandPayload of(Bytes rand) {
        return new RandPayload(rand);
    }

    @Override
    public PayloadType type() {
        return PayloadType.RAND;
    }
}
