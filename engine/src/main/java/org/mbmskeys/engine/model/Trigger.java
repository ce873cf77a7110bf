package org.mbmskeys.engine.model;

import java.util.Objects;

/**
 * What fires a transition: a typed event (any object of the given class), a named signal from another
 * procedure or the embedder, or one of the state's timers.
 */
public sealed interface Trigger permits Trigger.OnEvent, Trigger.OnSignal, Trigger.OnTimer {

    /** True if {@code event} (an event object, a {@link Signal} or a {@link TimerFired}) fires this trigger. */
    boolean matches(Object event);

    /** An event of {@code type} or a subtype. */
    record OnEvent(Class<?> type) implements Trigger {
        public OnEvent {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public boolean matches(Object event) {
            return type.isInstance(event) && !(event instanceof Signal) && !(event instanceof TimerFired);
        }

        @Override
        public String toString() {
            return type.getSimpleName();
        }
    }

    /** The signal {@code name}. */
    record OnSignal(String name) implements Trigger {
        public OnSignal {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public boolean matches(Object event) {
            return event instanceof Signal s && s.name().equals(name);
        }

        @Override
        public String toString() {
            return "signal '" + name + "'";
        }
    }

    /** The timer {@code name} of the state that declares the transition. */
    record OnTimer(String name) implements Trigger {
        public OnTimer {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public boolean matches(Object event) {
            return event instanceof TimerFired t && t.timer().equals(name);
        }

        @Override
        public String toString() {
            return "timer '" + name + "'";
        }
    }

    static Trigger event(Class<?> type) {
        return new OnEvent(type);
    }

    static Trigger signal(String name) {
        return new OnSignal(name);
    }

    static Trigger timer(String name) {
        return new OnTimer(name);
    }
}
