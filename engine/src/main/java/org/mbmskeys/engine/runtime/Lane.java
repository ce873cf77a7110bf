package org.mbmskeys.engine.runtime;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mbmskeys.engine.spi.Cancellable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial queue of work for the instances whose keys hash to it: one task at a time, in the order
 * submitted, so each instance has one writer and sees its events in order. Any thread may submit; the
 * lane drains on its executor (a dedicated thread, or the caller in deterministic mode). The lane also
 * owns the heap of its instances' deadlines and keeps exactly one scheduler wake-up armed for the
 * earliest of them.
 */
final class Lane {

    private static final Logger LOG = LoggerFactory.getLogger(Lane.class);
    private static final ThreadLocal<Lane> DRAINING = new ThreadLocal<>();

    final int index;
    final DefaultEngine engine;
    final TimerQueue timers = new TimerQueue();
    final Stepper stepper;
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor executor;
    private final Runnable drain = this::drain;
    private final Runnable fireDue;
    private final Runnable wake;
    private Cancellable wakeUp;
    private long wakeAt = Long.MAX_VALUE;

    Lane(int index, DefaultEngine engine, Executor executor) {
        this.index = index;
        this.engine = engine;
        this.executor = executor;
        this.stepper = new Stepper(engine, this);
        this.fireDue = stepper::fireDue;
        this.wake = () -> {
            if (!engine.isClosed()) {
                submit(fireDue);
            }
        };
    }

    void submit(Runnable task) {
        queue.add(task);
        // Read before the CAS: while the lane drains, scheduled stays true, and a failed CAS would still take
        // the cache line from the lane thread on every submit (a third of a producer's time in the engine
        // benchmarks). Same guarantee: the drain re-checks the queue after clearing the flag.
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(drain);
            } catch (RejectedExecutionException closed) {
                // Only after close(): a late wake-up or effect. Nothing may run any more.
                scheduled.set(false);
                LOG.debug("lane {} is closed; dropped {}", index, task);
            }
        }
    }

    /** Whether the calling thread is draining a lane of {@code engine} (so it must not wait for one). */
    static boolean isLaneThreadOf(DefaultEngine engine) {
        Lane lane = DRAINING.get();
        return lane != null && lane.engine == engine;
    }

    private void drain() {
        Lane outer = DRAINING.get();
        DRAINING.set(this);
        try {
            do {
                Runnable task;
                while ((task = queue.poll()) != null) {
                    try {
                        task.run();
                    } catch (Throwable t) {
                        // Steps catch their own failures; this is the last guard that keeps the lane alive.
                        LOG.error("lane {} task failed; the lane carries on", index, t);
                    }
                    rearm();
                }
                scheduled.set(false);
            } while (!queue.isEmpty() && scheduled.compareAndSet(false, true));
        } finally {
            DRAINING.set(outer);
        }
    }

    /**
     * After each task: drops the heap's stale entries once they outnumber the live ones, and keeps one
     * wake-up armed for the earliest deadline. Only on the lane's thread. Compacting after every task, not
     * only when a deadline fires, bounds the heap while instances arm and cancel timers before any deadline
     * comes due: in a re-key of a whole key group each push arms its retransmission timer and each ACK
     * cancels it, and under virtual time that does not move no deadline ever comes due. Each stale entry
     * keeps its instance key reachable until it is dropped.
     */
    private void rearm() {
        if (timers.needsCompaction()) {
            timers.compact(stepper::isLive);
        }
        if (timers.isEmpty() || timers.peekAt() >= wakeAt || engine.isClosed()) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel();
        }
        wakeAt = timers.peekAt();
        long delay = Math.max(0, wakeAt - engine.scheduler.now().toEpochMilli());
        wakeUp = engine.scheduler.schedule(Duration.ofMillis(delay), wake);
    }

    /** The wake-up fired (or is being replaced): forget it. Only on the lane's thread. */
    void woke() {
        if (wakeUp != null) {
            wakeUp.cancel();
        }
        wakeUp = null;
        wakeAt = Long.MAX_VALUE;
    }

    @Override
    public String toString() {
        return "lane " + index;
    }
}
