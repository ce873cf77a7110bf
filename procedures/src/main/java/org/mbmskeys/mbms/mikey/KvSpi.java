package org.mbmskeys.mbms.mikey;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;

/** KV = SPI/MKI (RFC 3830 §6.14): SPI len (1) | SPI. */
public record KvSpi(Bytes spi) implements KeyValidityData {

    /**
     * @throws IllegalArgumentException if {@code spi} is longer than 255 bytes
     */
    public KvSpi {
        Objects.requireNonNull(spi, "spi");
        if (spi.length() > 255) {
            throw new IllegalArgumentException("KV SPI is at most 255 bytes (SPI len is one byte), got " + spi.length());
        }
    }

    @Override
    public KvType kvType() {
        return KvType.SPI;
    }
}
