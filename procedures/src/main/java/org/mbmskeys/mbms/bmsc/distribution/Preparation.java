package org.mbmskeys.mbms.bmsc.distribution;

import java.util.Objects;

/**
 * What {@link KeyDistribution} answers when asked for a message: the message, ready to send, or a typed
 * refusal with a line for the log (never a key).
 *
 * @param <T> {@link PreparedPush} or {@link PreparedPull}
 */
public sealed interface Preparation<T> permits Preparation.Ready, Preparation.Refused {

    /** The message is sealed; its counter is used. */
    record Ready<T>(T message) implements Preparation<T> {
        public Ready {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Nothing was prepared; nothing changed. */
    record Refused<T>(DistributionRefusal reason, String detail) implements Preparation<T> {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String toString() {
            return reason + ": " + detail;
        }
    }

    default boolean isReady() {
        return this instanceof Ready;
    }

    /** The message; {@link IllegalStateException} with the refusal if there is none. */
    default T orElseThrow() {
        if (this instanceof Ready<T> r) {
            return r.message();
        }
        throw new IllegalStateException("no message prepared: " + this);
    }
}
