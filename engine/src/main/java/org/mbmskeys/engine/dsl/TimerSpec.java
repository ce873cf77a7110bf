package org.mbmskeys.engine.dsl;

import java.time.Duration;
import org.mbmskeys.engine.model.SourceRef;
import org.mbmskeys.engine.model.Trigger;

/**
 * The keywords of an {@code after(duration) { ... }} block: those of a transition, plus {@code retry}.
 * With {@code retry n}, the first n times the timer fires the state is entered again (entry actions run,
 * timers restart, {@code attempt} counts up); the next time, the transition's target is taken.
 *
 * <pre>{@code
 * after(seconds(5)) {
 *     retry 3
 *     action { emit 'gave up' }
 *     goTo 'failed'
 * }
 * }</pre>
 */
public final class TimerSpec extends TransitionSpec {

    final String $timerName;
    final Duration $delay;
    Given<Integer> $retry;

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
        SourceRef where = here("retry");
        if (maxAttempts < 1) {
            $context.report(where, "retry " + maxAttempts + " is not valid: a bounded retry needs at least 1 attempt, as in retry 3");
            return;
        }
        $retry = once("retry", $retry, maxAttempts, where, "give it once");
    }
}
