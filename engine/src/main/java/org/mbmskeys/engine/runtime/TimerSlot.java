package org.mbmskeys.engine.runtime;

import java.time.Duration;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.model.ActionContext;
import org.mbmskeys.engine.model.ComputedDelay;
import org.mbmskeys.engine.model.RetryDefinition;
import org.mbmskeys.engine.model.TimerDefinition;
import org.mbmskeys.engine.model.TimerFired;
import org.mbmskeys.engine.spi.RandomBytes;

/**
 * One timer of one deployed definition: its position in every instance's deadline array, the state that
 * declares it, the event it fires (built once, so firing allocates nothing), and the retry of its
 * transition when that retry backs off (its delay then depends on the attempt).
 */
final class TimerSlot {

    final Deployed procedure;
    final int index;
    final int state;
    final TimerDefinition timer;
    final TimerFired event;
    final long delayMillis;
    /** The timer transition's retry if it changes the delay per attempt, else null. */
    final RetryDefinition backoff;

    TimerSlot(Deployed procedure, int index, int state, TimerDefinition timer, RetryDefinition retry) {
        this.procedure = procedure;
        this.index = index;
        this.state = state;
        this.timer = timer;
        this.event = new TimerFired(timer.name());
        // Deadlines are whole milliseconds; round up so a timer never fires early.
        long millis = timer.delay().toMillis();
        this.delayMillis = timer.delay().minusMillis(millis).isZero() ? millis : millis + 1;
        this.backoff = retry != null && retry.changesDelay() ? retry : null;
    }

    /**
     * The delay to arm this timer with when its state has been retried {@code attempt} times; draws from
     * {@code random} only for a retry with jitter. A computed delay is computed now, from {@code instance}
     * (a read-only view), and backs off from there.
     */
    long delayMillis(int attempt, RandomBytes random, ActionContext instance) {
        Duration base = timer.delay();
        long baseMillis = delayMillis;
        if (timer.computed().isPresent()) {
            base = compute(timer.computed().get(), instance);
            baseMillis = roundedUp(base);
        }
        if (backoff == null || attempt == 0) {
            return baseMillis;
        }
        double spread = 0;
        if (backoff.jitter() != 0) {
            Bytes r = random.next(2);
            spread = ((r.u8(0) << 8) | r.u8(1)) / 65535.0 * 2 - 1;   // uniform in [-1, 1]
        }
        return backoff.delayMillis(base, attempt, spread);
    }

    private Duration compute(ComputedDelay computed, ActionContext instance) {
        Duration d;
        try {
            d = computed.function().delay(instance);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the delay '" + computed.label() + "' of " + this + " threw " + e, e);
        }
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalStateException("the delay '" + computed.label() + "' of " + this + " must be positive, got " + d);
        }
        return d;
    }

    private static long roundedUp(Duration d) {
        // Deadlines are whole milliseconds; round up so a timer never fires early.
        long millis = d.toMillis();
        return d.minusMillis(millis).isZero() ? millis : millis + 1;
    }

    @Override
    public String toString() {
        return "timer '" + timer.name() + "' of state '" + procedure.tree.name(state) + "'";
    }
}
