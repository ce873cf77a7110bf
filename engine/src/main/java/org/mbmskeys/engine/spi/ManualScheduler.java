package org.mbmskeys.engine.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Queue;

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
 * <p>Cancelling is O(1): a cancelled task stays in the queue, marked, until it reaches the head or until
 * cancelled tasks make up half of the queue, when they are dropped in one pass. A simulation that arms a
 * resend timer per UE and cancels it at the answer (100,000 UEs in one re-key) would otherwise scan the
 * queue at every cancellation.
 *
 * <p>Tasks due now (a zero or negative delay: the in-memory network's deliveries, the lanes' hand-offs) wait in
 * a FIFO queue, the others in a priority queue; the next task is the earlier head of the two. Both queues are in
 * (due, order scheduled) order, since a task due now is due no earlier than any task already in the FIFO
 * queue, so the merge keeps the order above, and most tasks skip the O(log n) heap with its thousands of
 * armed resend timers.
 *
 * <p>Thread-safe, but only meaningful when one thread drives time.
 */
public final class ManualScheduler implements Scheduler {

    /** Where a {@code new ManualScheduler()} starts: a fixed instant, so runs are reproducible. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    /** Below this many cancelled tasks in the queue, they are only dropped when they reach its head. */
    static final int PURGE_THRESHOLD = 64;

    /** Tasks due later than {@link #now} when scheduled. */
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    /** Tasks due at {@link #now} when scheduled, in the order scheduled (and so in due order). */
    private final ArrayDeque<Task> dueNow = new ArrayDeque<>();
    private Instant now;
    private long sequence;
    /** How many tasks in {@link #tasks} are cancelled (and so will not run). */
    private int cancelled;

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
        boolean later = !delay.isNegative() && !delay.isZero();
        Task t = new Task(later ? now.plus(delay) : now, sequence++, task);
        if (later) {
            tasks.add(t);
        } else {
            dueNow.add(t);
        }
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
        return tasks.size() + dueNow.size() - cancelled;
    }

    /** When the next task is due, if any. */
    public synchronized Optional<Instant> nextDue() {
        Task head = liveHead();
        return head == null ? Optional.empty() : Optional.of(head.due);
    }

    private synchronized Task pollDue(Instant target) {
        Task head = liveHead();
        if (head == null || head.due.isAfter(target)) {
            return null;
        }
        if (head == dueNow.peek()) {
            dueNow.poll();
        } else {
            tasks.poll();
        }
        head.state = Task.TAKEN;
        if (head.due.isAfter(now)) {
            now = head.due;
        }
        return head;
    }

    /** The first task that will run, after dropping the cancelled ones ahead of it in either queue. */
    private Task liveHead() {
        Task later = liveHead(tasks);
        Task soon = liveHead(dueNow);
        if (later == null) {
            return soon;
        }
        return soon == null || later.compareTo(soon) < 0 ? later : soon;
    }

    private Task liveHead(Queue<Task> queue) {
        Task head;
        while ((head = queue.peek()) != null && head.state == Task.CANCELLED) {
            queue.poll();
            cancelled--;
        }
        return head;
    }

    private synchronized void cancel(Task t) {
        if (t.state != Task.WAITING) {
            return;   // already ran, is running, or was cancelled
        }
        t.state = Task.CANCELLED;
        cancelled++;
        if (cancelled >= PURGE_THRESHOLD && cancelled * 2 >= tasks.size() + dueNow.size()) {
            tasks.removeIf(x -> x.state == Task.CANCELLED);   // PriorityQueue.removeIf keeps the heap order
            dueNow.removeIf(x -> x.state == Task.CANCELLED);
            cancelled = 0;
        }
    }

    /** How many entries the queue holds, cancelled ones included (for tests of the purge). */
    synchronized int queued() {
        return tasks.size() + dueNow.size();
    }

    @Override
    public synchronized String toString() {
        return "ManualScheduler at " + now + " with " + pendingTasks() + " pending tasks";
    }

    private static final class Task implements Comparable<Task> {
        static final byte WAITING = 0;
        static final byte TAKEN = 1;
        static final byte CANCELLED = 2;

        final Instant due;
        final long sequence;
        final Runnable task;
        /** Guarded by the scheduler's lock. */
        byte state = WAITING;

        Task(Instant due, long sequence, Runnable task) {
            this.due = due;
            this.sequence = sequence;
            this.task = task;
        }

        @Override
        public int compareTo(Task o) {
            int byDue = due.compareTo(o.due);
            return byDue != 0 ? byDue : Long.compare(sequence, o.sequence);
        }
    }
}
