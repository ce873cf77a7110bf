package org.mbmskeys.engine.runtime;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The executor of deterministic mode: runs tasks on the calling thread, one at a time, in submission
 * order. A task submitted while another runs (a lane that wakes another lane, an effect that starts an
 * instance) is queued and run after it, by the thread already running, so nothing nests and the order is
 * the same on every run. When a public engine call returns, all the work it caused is done.
 */
final class Trampoline implements Executor {

    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    @Override
    public void execute(Runnable task) {
        queue.add(task);
        while (!queue.isEmpty() && running.compareAndSet(false, true)) {
            try {
                Runnable next;
                while ((next = queue.poll()) != null) {
                    next.run();
                }
            } finally {
                running.set(false);
            }
        }
    }
}
