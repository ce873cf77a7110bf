package org.mbmskeys.mbms.bmsc.distribution;

import java.util.Objects;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.gba.Impi;

/**
 * Who an MSK message is for: the subscriber (IMPI, whose last MUK protects it) and where it goes, the
 * source address of the UE's registration on the MIKEY port (TS 33.246 §6.3.1, §6.4.1).
 *
 * <pre>{@code
 * Recipient ue = new Recipient(impi, registrations.mikeyDestination(impi).orElseThrow());
 * }</pre>
 */
public record Recipient(String impi, Endpoint to) {

    public Recipient {
        Impi.require(impi);
        Objects.requireNonNull(to, "to");
    }
}
