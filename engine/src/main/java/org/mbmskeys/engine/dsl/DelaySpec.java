package org.mbmskeys.engine.dsl;

import groovy.lang.Closure;
import java.time.Duration;
import org.mbmskeys.engine.model.ActionContext;
import org.mbmskeys.engine.model.ComputedDelay;
import org.mbmskeys.engine.model.SourceRef;
import org.mbmskeys.engine.model.TimerDelay;

/**
 * A timer delay written as a closure, {@code delay('back-off') { seconds(input('wait')) }}, computed each time
 * the timer is armed. The closure sees what a guard sees and, like a guard, only reads; it must give a
 * positive {@link Duration}. Made by the {@code delay} keyword of a state block and given to {@code after}.
 */
public final class DelaySpec {

    final Closure<?> body;
    final String label;
    final SourceRef at;

    DelaySpec(Closure<?> body, String label, SourceRef at) {
        this.body = body;
        this.label = label;
        this.at = at;
    }

    ComputedDelay model(String timerName) {
        return new ComputedDelay(new ClosureDelay(body, "delay of timer '" + timerName + "'", at), label);
    }

    @Override
    public String toString() {
        return "delay '" + label + "' at " + at;
    }

    /** Runs the closure rehydrated over the instance's read-only view, like a guard. */
    private record ClosureDelay(Closure<?> body, String role, SourceRef at) implements TimerDelay {

        @Override
        public Duration delay(ActionContext context) {
            Object value = ClosureAction.run(body, context, role, at);
            if (value instanceof Duration d) {
                return d;
            }
            throw new IllegalStateException(role + " at " + at + " gave " + (value == null ? "null" : value.getClass().getSimpleName())
                    + ", not a duration: end the delay block with one, as in delay('back-off') { seconds(30) }");
        }

        @Override
        public String toString() {
            return role + " at " + at;
        }
    }
}
