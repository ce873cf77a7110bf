package org.mbmskeys.engine.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A deterministic {@link Scheduler} for tests and simulations: time moves only when told to, and due
 * tasks run on the thread that moves it.
 *
 * <p>{@link #advance(Duration)} runs every task that falls due within the step in due-time order (tasks
 * due at the same instant in the order they were scheduled), with {@link #now()} set to each task's due
 * time while it runs; tasks scheduled by those tasks run too if they fall due within the step. Then the
 * clock stops at the end of the step.
 *
 * <pre>{@code
 * ManualScheduler time = new ManualScheduler();
 * Engine engine = Engine.builder().scheduler(time).deterministic().procedure(definition).build();
 * engine.start("p", "ue-1", Map.of());
 * time.advance(Duration.ofSeconds(30));     // the 30 s timer of the initial state fires here
 * }</pre>
 *
 * <p>Thread-safe, but only meaningful when one thread drives time.
 */
public final class ManualScheduler implements Scheduler {

    /** Where a {@code new ManualScheduler()} starts: a fixed instant, so runs are reproducible. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private Instant now;
    private long sequence;

    public ManualScheduler() {
        this(DEFAULT_START);
    }

    public ManualScheduler(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(task, "task");
        Task t = new Task(delay.isNegative() ? now : now.plus(delay), sequence++, task);
        tasks.add(t);
        return () -> cancel(t);
    }

    /**
     * Moves time forward by {@code step}, running the tasks that fall due on the way.
     *
     * @throws IllegalArgumentException if {@code step} is negative
     */
    public void advance(Duration step) {
        Objects.requireNonNull(step, "step");
        if (step.isNegative()) {
            throw new IllegalArgumentException("time only moves forward; advance(" + step + ") was asked at " + now());
        }
        advanceTo(now().plus(step));
    }

    /**
     * Moves time forward to {@code target}, running the tasks that fall due on the way.
     *
     * @throws IllegalArgumentException if {@code target} is before {@link #now()}
     */
    public void advanceTo(Instant target) {
        Objects.requireNonNull(target, "target");
        synchronized (this) {
            if (target.isBefore(now)) {
                throw new IllegalArgumentException("time only moves forward; advanceTo(" + target + ") is before now ("
                        + now + ")");
            }
        }
        Task next;
        while ((next = pollDue(target)) != null) {
            next.task.run();
        }
        synchronized (this) {
            now = target;
        }
    }

    /** Runs the tasks due now (for example those scheduled with a zero delay); time does not move. */
    public void runDue() {
        advanceTo(now());
    }

    /** How many tasks are waiting (not yet run and not cancelled). */
    public synchronized int pendingTasks() {
        return tasks.size();
    }

    /** When the next task is due, if any. */
    public synchronized Optional<Instant> nextDue() {
        Task head = tasks.peek();
        return head == null ? Optional.empty() : Optional.of(head.due);
    }

    private synchronized Task pollDue(Instant target) {
        Task head = tasks.peek();
        if (head == null || head.due.isAfter(target)) {
            return null;
        }
        tasks.poll();
        if (head.due.isAfter(now)) {
            now = head.due;
        }
        return head;
    }

    private synchronized void cancel(Task t) {
        tasks.remove(t);
    }

    @Override
    public synchronized String toString() {
        return "ManualScheduler at " + now + " with " + tasks.size() + " pending tasks";
    }

    private record Task(Instant due, long sequence, Runnable task) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int byDue = due.compareTo(o.due);
            return byDue != 0 ? byDue : Long.compare(sequence, o.sequence);
        }
    }
}
