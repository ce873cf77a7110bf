package org.mbmskeys.adapters.memory;

import java.time.Duration;
import java.util.Objects;

/**
 * A rule the network applies to each message, in the order the rules were installed
 * ({@link MemoryNetwork#inject}). A drop or a partition ends the message's journey; the other rules
 * change how and when it arrives. Every decision is logged at debug and written into the capture.
 *
 * <pre>{@code
 * network.inject(new Fault.Drop(Selector.nth(2)));
 * network.inject(new Fault.Corrupt(Selector.every(), 10, 0x01));
 * network.inject(new Fault.CorruptFromEnd(Selector.nth(1), 1, 0x01));   // the last byte: an HTTP body's
 * Cancellable offline = network.inject(new Fault.Partition("ue-1"));   // offline.cancel() heals it
 * }</pre>
 */
public sealed interface Fault {

    /** Lost on the way. */
    record Drop(Selector which) implements Fault {
        public Drop {
            Objects.requireNonNull(which, "which");
        }
    }

    /** Arrives twice, the copy right after the original. */
    record Duplicate(Selector which) implements Fault {
        public Duplicate {
            Objects.requireNonNull(which, "which");
        }
    }

    /** Arrives {@code by} later than it would have. */
    record Delay(Selector which, Duration by) implements Fault {
        public Delay {
            Objects.requireNonNull(which, "which");
            Objects.requireNonNull(by, "by");
            if (by.isNegative()) {
                throw new IllegalArgumentException("a delay cannot be negative, got " + by);
            }
        }
    }

    /**
     * Held back and overtaken: arrives right after the next message to the same node (and stays held until
     * one comes).
     */
    record Reorder(Selector which) implements Fault {
        public Reorder {
            Objects.requireNonNull(which, "which");
        }
    }

    /** The node is cut off: nothing it sends leaves, nothing sent to it arrives (an offline UE). */
    record Partition(String node) implements Fault {
        public Partition {
            Objects.requireNonNull(node, "node");
        }
    }

    /** Byte {@code index} arrives XORed with {@code xor}; messages too short for the index pass unchanged. */
    record Corrupt(Selector which, int index, int xor) implements Fault {
        public Corrupt {
            Objects.requireNonNull(which, "which");
            if (index < 0) {
                throw new IllegalArgumentException("a byte index counts from 0, got " + index);
            }
            if (xor < 1 || xor > 0xFF) {
                throw new IllegalArgumentException("the XOR mask is one non-zero byte (1..255), got " + xor);
            }
        }
    }

    /**
     * The byte {@code fromEnd} places before the end arrives XORed with {@code xor}: 1 is the last byte, 2 the one
     * before it. For a message whose length is not known in advance, such as the last byte of an HTTP request's
     * body (with a {@code Content-Length}, the body ends the message). Messages shorter than {@code fromEnd} pass
     * unchanged.
     */
    record CorruptFromEnd(Selector which, int fromEnd, int xor) implements Fault {
        public CorruptFromEnd {
            Objects.requireNonNull(which, "which");
            if (fromEnd < 1) {
                throw new IllegalArgumentException("a byte counted from the end starts at 1 (the last byte), got " + fromEnd);
            }
            if (xor < 1 || xor > 0xFF) {
                throw new IllegalArgumentException("the XOR mask is one non-zero byte (1..255), got " + xor);
            }
        }
    }
}
