package org.mbmskeys.mbms.ue.procedure;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;

/**
 * A MIKEY datagram that reached a UE on UDP port 2269, unicast or to a multicast group it joined (TS 33.246
 * §6.3.2.2.4, §6.3.2.3.1, §6.3.3.2.2): the event of {@code ue.mikey-reception}.
 *
 * @param ue    the UE it reached (the instance key of {@code ue.mikey-reception})
 * @param from  where it came from: a verification message goes back there (§6.4.5.2)
 * @param bytes the datagram, exactly as received
 */
public record MikeyDatagram(String ue, Endpoint from, Bytes bytes) {

    /**
     * The {@code from} of an MTK message that the UE's download client took from a FLUTE session as an
     * {@code application/mikey} object (§6.3.3.2.1) rather than from UDP: it names no address, and nothing is ever
     * sent back to it (nobody answers an MTK message, §6.3.3.2).
     */
    public static final Endpoint DOWNLOAD_OBJECT = Endpoint.of("download-object", 0);

    /** An {@code application/mikey} object of a download session, handed over by the download client (§6.3.3.2.1). */
    public static MikeyDatagram downloadObject(String ue, Bytes bytes) {
        return new MikeyDatagram(ue, DOWNLOAD_OBJECT, bytes);
    }

    /** Whether it came as a FLUTE object ({@link #downloadObject}), where only an MTK message may travel. */
    public boolean isDownloadObject() {
        return from.equals(DOWNLOAD_OBJECT);
    }

    public MikeyDatagram {
        Objects.requireNonNull(ue, "ue");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public String toString() {
        return "MikeyDatagram[" + ue + " from " + from + ", " + bytes.length() + " bytes]";
    }
}
