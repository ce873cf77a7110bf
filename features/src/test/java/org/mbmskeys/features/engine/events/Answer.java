package org.mbmskeys.features.engine.events;

/** A synthetic event with a text; features write it as {@code Answer "yes"}, scripts read {@code event.value}. */
public record Answer(String value) implements Reply {
}
