package org.mbmskeys.mbms.bmsc;

import java.util.Objects;
import org.mbmskeys.mbms.bmsc.distribution.MikeyObject;
import org.mbmskeys.mbms.bmsc.distribution.MtkStep;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.traffic.DcfKeys;

/**
 * What {@link Bmsc#downloadMtk} made for a file of a download session (TS 33.246 §6.3.3.2.1): the MTK message as
 * an {@code application/mikey} object to put in the FLUTE session next to the file, with the keys to protect the file
 * with, or why there is none.
 */
public sealed interface DownloadMtk permits DownloadMtk.Ready, DownloadMtk.NoMtk {

    /**
     * The object to deliver as its own FDT entry in the FLUTE session of {@code object.protects()}, and the keys to
     * protect that file with: the OMA DRM DCF encryption and authentication keys derived from the MTK {@code mtkId}
     * under {@code msk} (§6.5.4), named in the DCF's {@code obki} box by {@code keys.keyId()} (Key Domain ID, MSK ID
     * and MTK ID, §6.6.3.2). A UE that opens the object derives the same keys. The keys are copies the caller
     * destroys once the file is protected ({@code keys().destroy()}); {@code toString} shows none.
     */
    record Ready(MikeyObject object, MskRef msk, MtkId mtkId, DcfKeys keys) implements DownloadMtk {
        public Ready {
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(msk, "msk");
            Objects.requireNonNull(mtkId, "mtkId");
            Objects.requireNonNull(keys, "keys");
        }
    }

    /**
     * No MTK: the session's Key Group has no current MSK yet ({@link MtkStep.NoCurrentMsk}: rotate it first) or
     * its current MSK's key validity has no MTK ID left ({@link MtkStep.Exhausted}: rotate it or extend it).
     * Nothing was allocated.
     */
    record NoMtk(MtkStep reason) implements DownloadMtk {
        public NoMtk {
            Objects.requireNonNull(reason, "reason");
            if (reason instanceof MtkStep.Next) {
                throw new IllegalArgumentException("an MTK was made: that is Ready, not NoMtk");
            }
        }
    }
}
