package org.mbmskeys.mbms.bmsc.distribution;

import java.util.Objects;
import org.mbmskeys.mbms.bmsc.keys.MtkAllocation;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.traffic.TrafficKeys;

/** What {@link MtkStream#next()} did. */
public sealed interface MtkStep permits MtkStep.Next, MtkStep.Exhausted, MtkStep.NoCurrentMsk {

    /**
     * A new MTK, sealed under the group's current MSK, and the keys the traffic is protected with under it (TS 33.246
     * §6.6): the SRTP master key and salt of a streaming session, the DCF keys derived from it for a download file.
     * The keys are copies the caller destroys ({@code keys().destroy()}), once the traffic protection has them.
     */
    record Next(PreparedMtk message, TrafficKeys keys) implements MtkStep {
        public Next {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(keys, "keys");
        }

        @Override
        public String toString() {
            return "Next[" + message + ", " + keys + "]";
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
