package org.mbmskeys.engine.dsl;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mbmskeys.engine.model.Durations;
import org.mbmskeys.engine.model.NameSuggestions;
import org.mbmskeys.engine.model.RetryDefinition;
import org.mbmskeys.engine.model.SourceRef;
import org.mbmskeys.engine.model.Trigger;

/**
 * The keywords of an {@code after(duration) { ... }} block: those of a transition, plus {@code retry}.
 * With {@code retry n}, the first n times the timer fires the state is entered again (entry actions run,
 * timers restart, {@code attempt} counts up); the next time, the transition's target is taken.
 * Named options make the retries back off: {@code backoff: 2.0} multiplies the delay by 2 per retry,
 * {@code max: seconds(30)} caps it, {@code jitter: 0.1} moves each retry's delay by up to ±10% at random
 * (see {@link RetryDefinition}).
 *
 * <pre>{@code
 * after(seconds(5)) {
 *     retry 3
 *     action { emit 'gave up' }
 *     goTo 'failed'
 * }
 * after(seconds(2)) { retry 4, backoff: 2.0, max: seconds(30), jitter: 0.1; goTo 'failed' }   // waits 2, 4, 8, 16, 30 s (±10%)
 * }</pre>
 */
public final class TimerSpec extends TransitionSpec {

    final String $timerName;
    final Duration $delay;
    Given<RetryDefinition> $retry;
    /** The computed delay, for {@code after(delay { ... })}; null for a fixed one. */
    org.mbmskeys.engine.model.ComputedDelay $computed;

    /** The named options of {@code retry}. */
    static final List<String> RETRY_OPTIONS = List.of("backoff", "max", "jitter");

    TimerSpec(BuildContext context, String timerName, Duration delay, SourceRef at, String stateName) {
        super(context, Trigger.timer(timerName), at, stateName);
        this.$timerName = timerName;
        this.$delay = delay;
    }

    @Override
    BlockKind kind() {
        return BlockKind.AFTER;
    }

    /** Re-enter the state up to {@code maxAttempts} times before taking the target. */
    public void retry(int maxAttempts) {
        retry(Map.of(), maxAttempts);
    }

    /**
     * Re-enter the state up to {@code maxAttempts} times, backing off: {@code retry 4, backoff: 2.0,
     * max: seconds(30), jitter: 0.1}. Each retry waits the timer's delay times {@code backoff} to the power
     * of the retry's number, at most {@code max}, moved by up to ± {@code jitter} of itself.
     */
    public void retry(Map<String, ?> options, int maxAttempts) {
        SourceRef where = here("retry");
        if (maxAttempts < 1) {
            $context.report(where, "retry " + maxAttempts + " is not valid: a bounded retry needs at least 1 attempt, as in retry 3");
            return;
        }
        double backoff = 1.0;
        Optional<Duration> max = Optional.empty();
        double jitter = 0.0;
        boolean valid = true;
        for (Map.Entry<String, ?> option : options.entrySet()) {
            String name = String.valueOf(option.getKey());
            Object value = option.getValue();
            switch (name) {
                case "backoff" -> {
                    if (!(value instanceof Number n) || !(n.doubleValue() >= 1) || Double.isInfinite(n.doubleValue())) {
                        valid = report(where, "retry backoff: " + value + " is not valid: the back-off factor multiplies the "
                                + "delay for each retry and is a number of at least 1, as in retry 4, backoff: 2.0");
                    } else {
                        backoff = n.doubleValue();
                    }
                }
                case "max" -> {
                    if (!(value instanceof Duration d)) {
                        valid = report(where, "retry max: " + value + " is not valid: the longest delay of a retry is a "
                                + "duration, as in retry 4, backoff: 2.0, max: seconds(30)");
                    } else if (d.compareTo($delay) < 0) {
                        valid = report(where, "retry max: " + Durations.format(d) + " is shorter than the timer's delay "
                                + Durations.format($delay) + ": the longest delay of a retry is at least the timer's own");
                    } else {
                        max = Optional.of(d);
                    }
                }
                case "jitter" -> {
                    if (!(value instanceof Number n) || !(n.doubleValue() >= 0 && n.doubleValue() < 1)) {
                        valid = report(where, "retry jitter: " + value + " is not valid: jitter is the fraction of each "
                                + "retry's delay it may move by at random, from 0 up to (not including) 1, as in jitter: 0.1");
                    } else {
                        jitter = n.doubleValue();
                    }
                }
                default -> valid = report(where, "unknown retry option '" + name + "'; "
                        + NameSuggestions.hint(name, RETRY_OPTIONS, "retry options"));
            }
        }
        if (valid) {
            $retry = once("retry", $retry, new RetryDefinition(maxAttempts, backoff, max, jitter), where, "give it once");
        }
    }

    private boolean report(SourceRef where, String message) {
        $context.report(where, message);
        return false;
    }

    /** A duration of {@code n} milliseconds, for {@code retry}'s {@code max:}. */
    public Duration millis(long n) {
        return Duration.ofMillis(n);
    }

    /** A duration of {@code n} seconds, for {@code retry}'s {@code max:}. */
    public Duration seconds(long n) {
        return Duration.ofSeconds(n);
    }

    /** A duration of {@code n} minutes, for {@code retry}'s {@code max:}. */
    public Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }

    /** A duration of {@code n} hours, for {@code retry}'s {@code max:}. */
    public Duration hours(long n) {
        return Duration.ofHours(n);
    }
}
