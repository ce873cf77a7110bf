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

    /** The {@code n}-th event of a sequence. */
    public record Numbered(int n) {
    }

    /** A subtype target for event-type matching. */
    public interface Message {
    }

    public record Hello(String from) implements Message {
    }
}
