package org.mbmskeys.mbms.bmsc.keys;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * The answer of {@link KeyRegistry#nextMtk(MskRef)}: the next MTK ID under an MSK with a fresh MTK (and
 * salt for streaming), or the refusal because SEQl..SEQu is used up (time to rotate the MSK or extend its
 * validity).
 */
public sealed interface MtkAllocation permits MtkAllocation.Allocated, MtkAllocation.Exhausted {

    MskRef msk();

    /**
     * A new MTK ID, greater than every one handed out before under this MSK, inside its key validity. The
     * salt is present iff the Key Group is {@link ServiceType#STREAMING}: "A 112 bit salt shall be added"
     * for streaming, "No salt shall be added" for download (TS 33.246 §6.4.5.3).
     */
    record Allocated(MskRef msk, MtkId mtkId, SecretBytes mtk, Optional<SecretBytes> salt) implements MtkAllocation {
        public Allocated {
            Objects.requireNonNull(msk, "msk");
            Objects.requireNonNull(mtkId, "mtkId");
            Objects.requireNonNull(mtk, "mtk");
            Objects.requireNonNull(salt, "salt");
        }
    }

    /** Every MTK ID of the key validity was handed out; nothing changed. */
    record Exhausted(MskRef msk, KeyValidity validity, Optional<MtkId> lastMtk) implements MtkAllocation {
        public Exhausted {
            Objects.requireNonNull(msk, "msk");
            Objects.requireNonNull(validity, "validity");
            Objects.requireNonNull(lastMtk, "lastMtk");
        }

        /** What is exhausted and what to do instead. */
        public String detail() {
            return "MTK IDs of MSK " + msk + " are exhausted: key validity " + validity + ", last MTK ID handed out "
                    + lastMtk.map(MtkId::toString).orElse("none") + "; rotate the MSK or extend its key validity";
        }
    }
}
