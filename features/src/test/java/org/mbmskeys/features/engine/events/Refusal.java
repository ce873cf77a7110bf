package org.mbmskeys.features.engine.events;

/** A second kind of {@link Reply}; features write it as {@code Refusal "busy"}. */
public record Refusal(String value) implements Reply {
}
