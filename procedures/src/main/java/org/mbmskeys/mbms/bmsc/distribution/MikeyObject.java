package org.mbmskeys.mbms.bmsc.distribution;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * An MTK message as a FLUTE object (TS 33.246 §6.3.3.2.1): "the MIKEY message carrying the MTK shall be
 * delivered over the same FLUTE stream as the object to be downloaded [...] specified as a separate object
 * in the FLUTE File Delivery Table", with "the IANA-registered type for MIKEY" as its media type.
 *
 * @param mediaType {@value MtkStream#MIKEY_MEDIA_TYPE}, the MIKEY type in the IANA media type registry
 * @param content   the MIKEY message bytes
 * @param protects  the name (FDT Content-Location) of the file this MTK protects
 */
public record MikeyObject(String mediaType, Bytes content, String protects) {

    public MikeyObject {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(protects, "protects");
        if (protects.isBlank()) {
            throw new IllegalArgumentException("name the file the MTK protects");
        }
    }
}
