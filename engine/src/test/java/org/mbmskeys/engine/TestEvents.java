package org.mbmskeys.engine;

/** Event types shared by the engine tests. */
public final class TestEvents {

    private TestEvents() {
    }

    public record Go() {
    }

    public record Stop() {
    }

    public record Ping() {
    }

    /**
     * What no test sends: the way out of a state a test leaves its instance resting in, because a
     * deployed definition must give every non-final state one.
     */
    public record Leave() {
    }

    /** The {@code n}-th event of a sequence. */
    public record Numbered(int n) {
    }

    /** A subtype target for event-type matching. */
    public interface Message {
    }

    public record Hello(String from) implements Message {
    }
}
