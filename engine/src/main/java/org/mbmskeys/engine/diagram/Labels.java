package org.mbmskeys.engine.diagram;

import java.time.Duration;
import java.util.Optional;
import org.mbmskeys.engine.model.StateDefinition;
import org.mbmskeys.engine.model.TimerDefinition;
import org.mbmskeys.engine.model.TransitionDefinition;
import org.mbmskeys.engine.model.Trigger;

/**
 * The plain text of arrow labels, the same for every format (each writer escapes it for its syntax):
 * {@code MskRequest}, {@code signal 'stop'}, {@code after 5s}, {@code after 5s, retry ≤3}, then the guard
 * ({@code [ack is ok]}, or {@code [guarded]} for a guard without a label) and {@code (internal)} where they
 * apply.
 */
final class Labels {

    private Labels() {
    }

    static String transition(StateDefinition owner, TransitionDefinition transition) {
        StringBuilder label = new StringBuilder(trigger(owner, transition.trigger()));
        transition.retry().ifPresent(r -> label.append(", retry ≤").append(r.maxAttempts()));
        guard(transition).ifPresent(g -> label.append(" [").append(g).append(']'));
        if (transition.isInternal()) {
            label.append(" (internal)");
        }
        return label.toString();
    }

    static String trigger(StateDefinition owner, Trigger trigger) {
        if (trigger instanceof Trigger.OnEvent e) {
            return typeName(e.type());
        }
        if (trigger instanceof Trigger.OnSignal s) {
            return "signal '" + s.name() + "'";
        }
        Trigger.OnTimer t = (Trigger.OnTimer) trigger;
        // An unverified definition may name a timer its state does not declare; say so rather than fail.
        return owner.timer(t.name()).map(TimerDefinition::delay).map(d -> "after " + duration(d))
                .orElse("timer '" + t.name() + "'");
    }

    /**
     * The guard's text: its label when the definition gives one (the DSL takes it from
     * {@code guard('label') { ... }} or from the guard's source), else "guarded": the guard itself is code.
     */
    static Optional<String> guard(TransitionDefinition transition) {
        return transition.guard().map(g -> transition.guardLabel().orElse("guarded"));
    }

    /** Anonymous and local classes have no useful simple name; fall back to the binary name's tail. */
    static String typeName(Class<?> type) {
        String simple = type.getSimpleName();
        if (!simple.isEmpty()) {
            return simple;
        }
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** Compact units, largest first: {@code 5s}, {@code 500ms}, {@code 1m30s}, {@code 2h}, {@code 1d12h}. */
    static String duration(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.isNegative()) {
            return "-" + duration(duration.negated());
        }
        StringBuilder out = new StringBuilder();
        append(out, duration.toDaysPart(), "d");
        append(out, duration.toHoursPart(), "h");
        append(out, duration.toMinutesPart(), "m");
        append(out, duration.toSecondsPart(), "s");
        append(out, duration.toMillisPart(), "ms");
        append(out, duration.toNanosPart() % 1_000_000, "ns");
        return out.toString();
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount != 0) {
            out.append(amount).append(unit);
        }
    }
}
