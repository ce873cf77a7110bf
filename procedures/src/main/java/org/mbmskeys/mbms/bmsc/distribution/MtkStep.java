package org.mbmskeys.mbms.bmsc.distribution;

import java.util.Objects;
import org.mbmskeys.mbms.bmsc.keys.MtkAllocation;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;

/** What {@link MtkStream#next()} did. */
public sealed interface MtkStep permits MtkStep.Next, MtkStep.Exhausted, MtkStep.NoCurrentMsk {

    /** A new MTK, sealed under the group's current MSK; its keys went to the traffic protection first. */
    record Next(PreparedMtk message) implements MtkStep {
        public Next {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The current MSK's key validity has no MTK ID left: rotate the MSK or extend its validity. */
    record Exhausted(MtkAllocation.Exhausted detail) implements MtkStep {
        public Exhausted {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The Key Group has no current MSK yet (or no longer exists). */
    record NoCurrentMsk(KeyGroupRef group) implements MtkStep {
        public NoCurrentMsk {
            Objects.requireNonNull(group, "group");
        }
    }
}
