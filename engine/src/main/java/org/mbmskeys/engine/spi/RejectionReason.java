package org.mbmskeys.engine.spi;

/**
 * Why the engine did not act on an event. A rejected event changes nothing: the instance (if any) stays
 * in its state with its variables and timers as they were. The detail passed with the reason says what
 * was expected instead.
 */
public enum RejectionReason {
    /** No transition of the current state or its ancestors has a trigger that matches the event. */
    NO_TRANSITION,
    /** Transitions match the event, but every one's guard said no. */
    GUARD_REJECTED,
    /** No live instance has that key (it never started, or it has ended). */
    NO_INSTANCE,
    /** A start (or a routed first message) for a key whose instance is already running. */
    ALREADY_RUNNING,
    /** A routing rule named a procedure that is not deployed. */
    UNKNOWN_PROCEDURE
}
