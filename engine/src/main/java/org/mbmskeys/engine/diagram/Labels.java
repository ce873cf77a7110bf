package org.mbmskeys.engine.diagram;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;
import org.mbmskeys.engine.model.RetryDefinition;
import org.mbmskeys.engine.model.StateDefinition;
import org.mbmskeys.engine.model.TimerDefinition;
import org.mbmskeys.engine.model.TransitionDefinition;
import org.mbmskeys.engine.model.Trigger;

/**
 * The plain text of arrow labels, the same for every format (each writer escapes it for its syntax):
 * {@code MskRequest}, {@code signal 'stop'}, {@code after 5s}, {@code after 5s, retry ≤3} (with back-off
 * {@code after 2s, retry ≤4, ×2 up to 30s, ±10%}), then the guard
 * ({@code [ack is ok]}, or {@code [guarded]} for a guard without a label) and {@code (internal)} where they
 * apply.
 */
final class Labels {

    private Labels() {
    }

    static String transition(StateDefinition owner, TransitionDefinition transition) {
        StringBuilder label = new StringBuilder(trigger(owner, transition.trigger()));
        transition.retry().ifPresent(r -> label.append(", ").append(retry(r)));
        guard(transition).ifPresent(g -> label.append(" [").append(g).append(']'));
        if (transition.isInternal()) {
            label.append(" (internal)");
        }
        return label.toString();
    }

    /** {@code retry ≤3}; with back-off {@code retry ≤4, ×2 up to 30s, ±10%} (each part only if given). */
    static String retry(RetryDefinition retry) {
        StringBuilder out = new StringBuilder("retry ≤").append(retry.maxAttempts());
        if (retry.backoff() != 1.0) {
            out.append(", ×").append(number(retry.backoff()));
            retry.max().ifPresent(m -> out.append(" up to ").append(duration(m)));
        } else {
            retry.max().ifPresent(m -> out.append(", up to ").append(duration(m)));
        }
        if (retry.jitter() != 0.0) {
            out.append(", ±").append(number(retry.jitter() * 100)).append('%');
        }
        return out.toString();
    }

    /** 2, 1.5, 12.5: no trailing zeros, at most three decimals. */
    private static String number(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
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
        return owner.timer(t.name()).map(d -> "after " + d.computed().map(c -> c.label()).orElse(duration(d.delay())))
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
