package org.mbmskeys.adapters.app.procedures;

/** An event class that a test script reaches only through {@code --import}. */
public record TestAck(boolean ok) {
}
