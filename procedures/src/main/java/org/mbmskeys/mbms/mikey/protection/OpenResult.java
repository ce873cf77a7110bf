package org.mbmskeys.mbms.mikey.protection;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of reading or opening an inbound MIKEY message: a value, or a typed rejection with a detail
 * line for the log. Never carries key bytes in its text.
 *
 * @param <T> what a successful opening yields
 */
public sealed interface OpenResult<T> {

    /** Succeeded with {@code value}. */
    record Opened<T>(T value) implements OpenResult<T> {
        public Opened {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Refused: {@code reason} for code, {@code detail} for people (where and what, never a key). */
    record Rejected<T>(MikeyRejection reason, String detail) implements OpenResult<T> {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        /** The same rejection, typed for another value. */
        @SuppressWarnings("unchecked")
        public <U> Rejected<U> cast() {
            return (Rejected<U>) (Rejected<?>) this;
        }

        @Override
        public String toString() {
            return reason + ": " + detail;
        }
    }

    static <T> OpenResult<T> opened(T value) {
        return new Opened<>(value);
    }

    static <T> OpenResult<T> rejected(MikeyRejection reason, String detail) {
        return new Rejected<>(reason, detail);
    }

    default boolean isOpened() {
        return this instanceof Opened;
    }

    /** The value; throws {@link IllegalStateException} with the rejection if there is none. */
    default T orElseThrow() {
        if (this instanceof Opened<T> o) {
            return o.value();
        }
        throw new IllegalStateException("message was rejected: " + this);
    }

    /** The rejection; throws {@link IllegalStateException} if the message was opened. */
    default Rejected<T> rejection() {
        if (this instanceof Rejected<T> r) {
            return r;
        }
        throw new IllegalStateException("message was opened, not rejected");
    }

    /** Maps the value, keeping a rejection as it is. */
    default <U> OpenResult<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Opened<T> o) {
            return new Opened<>(f.apply(o.value()));
        }
        return ((Rejected<T>) this).cast();
    }
}
