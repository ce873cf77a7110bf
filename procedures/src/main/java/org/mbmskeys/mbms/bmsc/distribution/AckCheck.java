package org.mbmskeys.mbms.bmsc.distribution;

import java.util.Objects;
import org.mbmskeys.mbms.keys.TimestampCounter;

/** The result of {@link KeyDistribution#checkAck}: acknowledged, or why not. */
public sealed interface AckCheck permits AckCheck.Acknowledged, AckCheck.Rejected {

    /** The UE's MGV-F accepted the push; {@code counter} names the attempt it answered. */
    record Acknowledged(TimestampCounter counter) implements AckCheck {
        public Acknowledged {
            Objects.requireNonNull(counter, "counter");
        }
    }

    /** Not an acknowledgement of this push; nothing changed. */
    record Rejected(AckRejection reason, String detail) implements AckCheck {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String toString() {
            return reason + ": " + detail;
        }
    }

    default boolean isAcknowledged() {
        return this instanceof Acknowledged;
    }
}
