package org.mbmskeys.engine.dsl.events;

/** A test event with a record accessor. */
public record Ack(boolean ok) {
}
