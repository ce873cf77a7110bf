package org.mbmskeys.adapters.memory;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which messages a {@link Fault} applies to. Counting and drawing are done by the network, per installed
 * fault, in the order messages are sent, so the same seed and the same traffic give the same choices.
 *
 * <pre>{@code
 * Selector.nth(3)                                         // the third message this fault sees
 * Selector.matching("to ue-1", m -> m.recipient().equals("ue-1"))
 * Selector.withProbability(0.25)                          // drawn from the network's seeded random
 * Selector.every()
 * }</pre>
 */
public sealed interface Selector {

    /** Every message. */
    static Selector every() {
        return new Every();
    }

    /** Only the {@code n}th message (1-based) that this fault sees after it was installed. */
    static Selector nth(int n) {
        return new Nth(n);
    }

    /** The messages {@code pattern} accepts; {@code description} names them in logs and captures. */
    static Selector matching(String description, Predicate<Message> pattern) {
        return new Matching(description, pattern);
    }

    /** Each message with probability {@code p}, drawn from the network's seeded random. */
    static Selector withProbability(double p) {
        return new WithProbability(p);
    }

    record Every() implements Selector {
        @Override
        public String toString() {
            return "every message";
        }
    }

    record Nth(int n) implements Selector {
        public Nth {
            if (n < 1) {
                throw new IllegalArgumentException("the nth message counts from 1, got " + n);
            }
        }

        @Override
        public String toString() {
            return "message #" + n;
        }
    }

    record Matching(String description, Predicate<Message> pattern) implements Selector {
        public Matching {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(pattern, "pattern");
        }

        @Override
        public String toString() {
            return "messages " + description;
        }
    }

    record WithProbability(double p) implements Selector {
        public WithProbability {
            if (!(p >= 0.0 && p <= 1.0)) {
                throw new IllegalArgumentException("a probability is 0..1, got " + p);
            }
        }

        @Override
        public String toString() {
            return "messages with probability " + p;
        }
    }
}
