package org.mbmskeys.mbms.bmsc.distribution;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;

/**
 * One sealed MTK message of an {@link MtkStream} (TS 33.246 §6.3.3, §6.4.5.3). Holds no key.
 *
 * @param to where a streaming MTK message goes: the RTP destination address, UDP port 2269
 *           (§6.3.3.2.2); empty for download, where it travels as a FLUTE object ({@link #asObject})
 */
public record PreparedMtk(MskRef msk, MtkId mtkId, TimestampCounter counter, CsbId csbId, Bytes datagram,
                          Optional<Endpoint> to) {

    public PreparedMtk {
        Objects.requireNonNull(msk, "msk");
        Objects.requireNonNull(mtkId, "mtkId");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(csbId, "csbId");
        Objects.requireNonNull(datagram, "datagram");
        Objects.requireNonNull(to, "to");
    }

    /** This message as the {@value MtkStream#MIKEY_MEDIA_TYPE} object next to {@code protectedFile} (§6.3.3.2.1). */
    public MikeyObject asObject(String protectedFile) {
        return new MikeyObject(MtkStream.MIKEY_MEDIA_TYPE, datagram, protectedFile);
    }
}
