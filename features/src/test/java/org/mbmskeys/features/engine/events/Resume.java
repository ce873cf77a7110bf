package org.mbmskeys.features.engine.events;

/** A synthetic event without content; features write it as {@code Resume}. */
public record Resume() {
}
