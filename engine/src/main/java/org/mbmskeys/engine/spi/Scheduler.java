package org.mbmskeys.engine.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * The engine's only source of time and delayed work. Injected so that tests and simulations control time
 * ({@link ManualScheduler}); production uses {@link #system()}.
 *
 * <p>The engine schedules very little: one wake-up per lane for the earliest pending deadline (timers are
 * data in the instance records, not scheduled tasks). A task must be cheap: the engine's tasks only hand
 * work to a lane.
 *
 * <pre>{@code
 * Scheduler scheduler = Scheduler.system();
 * Cancellable wakeUp = scheduler.schedule(Duration.ofSeconds(5), () -> lane.submit(fireDueTimers));
 * wakeUp.cancel();
 * }</pre>
 */
public interface Scheduler {

    /** The current time. */
    Instant now();

    /**
     * Runs {@code task} once, {@code delay} from now (at once if the delay is zero or negative).
     *
     * @throws NullPointerException if an argument is null
     */
    Cancellable schedule(Duration delay, Runnable task);

    /**
     * The system clock and one shared daemon thread that only runs the scheduled tasks. Created on first
     * use and never shut down (it holds no work once every task ran or was cancelled).
     */
    static Scheduler system() {
        return SystemScheduler.INSTANCE;
    }
}
