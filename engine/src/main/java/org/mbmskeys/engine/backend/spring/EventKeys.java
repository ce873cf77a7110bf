package org.mbmskeys.engine.backend.spring;

import org.mbmskeys.engine.model.Signal;
import org.mbmskeys.engine.model.TimerFired;
import org.mbmskeys.engine.model.Trigger;

/**
 * The Spring events (strings) that stand for the model's triggers. Spring matches an event to a
 * transition by equality, so a key must be the same for the transition and for every event that could
 * fire it: a signal's name, a timer's name together with its state (two nested states may have timers
 * of the same name, and only the firing state's transition may take its timer), and, for typed events,
 * one key for all of them (the model matches by type, including subtypes, which equality cannot do; the
 * type is checked when the transition is chosen).
 */
final class EventKeys {

    static final String TYPED_EVENT = "event";

    private EventKeys() {
    }

    /** The key of the transition on {@code trigger} declared on state {@code source}. */
    static String of(int source, Trigger trigger) {
        if (trigger instanceof Trigger.OnSignal signal) {
            return signal(signal.name());
        }
        if (trigger instanceof Trigger.OnTimer timer) {
            return timer(source, timer.name());
        }
        return TYPED_EVENT;
    }

    /** The key to send for {@code event}; {@code timerState} is the state whose timer fired. */
    static String of(Object event, int timerState) {
        if (event instanceof Signal s) {
            return signal(s.name());
        }
        if (event instanceof TimerFired t) {
            return timer(timerState, t.timer());
        }
        return TYPED_EVENT;
    }

    private static String signal(String name) {
        return "signal:" + name;
    }

    /** The state's index (not its name) keeps the key unambiguous whatever characters names contain. */
    private static String timer(int state, String name) {
        return "timer:" + state + ":" + name;
    }
}
