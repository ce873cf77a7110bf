package org.mbmskeys.mbms.ue.keys;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of a UE key rule: {@link Accepted} with a value, or {@link Rejected} with a
 * {@link KeyRejection} and a message that says which key, what was wrong and what would have been
 * accepted. Messages never contain key material.
 *
 * <pre>{@code
 * KeyOutcome<MukKey> check = store.checkMskCounter(mukId, counter);
 * if (!check.isAccepted()) {
 *     listener.discarded(check.rejection().orElseThrow(), check.detail());
 *     return;
 * }
 * verifyMac(message, check.value().key());
 * }</pre>
 *
 * @param <T> what an accepted rule hands back
 */
public sealed interface KeyOutcome<T> permits KeyOutcome.Accepted, KeyOutcome.Rejected {

    static <T> KeyOutcome<T> accepted(T value) {
        return new Accepted<>(value);
    }

    static <T> KeyOutcome<T> rejected(KeyRejection reason, String detail) {
        return new Rejected<>(reason, detail);
    }

    boolean isAccepted();

    /**
     * The accepted value.
     *
     * @throws IllegalStateException if this is a rejection; the message names the reason
     */
    T value();

    /** The reason, or empty if accepted. */
    Optional<KeyRejection> rejection();

    /** The rejection message, or {@code "accepted"}. */
    String detail();

    /** The rule accepted the message. */
    record Accepted<T>(T value) implements KeyOutcome<T> {

        public Accepted {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean isAccepted() {
            return true;
        }

        @Override
        public Optional<KeyRejection> rejection() {
            return Optional.empty();
        }

        @Override
        public String detail() {
            return "accepted";
        }
    }

    /** The rule rejected the message; nothing was changed. */
    record Rejected<T>(KeyRejection reason, String detail) implements KeyOutcome<T> {

        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean isAccepted() {
            return false;
        }

        @Override
        public T value() {
            throw new IllegalStateException("no value: the key rule rejected the message with " + reason + ": " + detail);
        }

        @Override
        public Optional<KeyRejection> rejection() {
            return Optional.of(reason);
        }
    }
}
