package org.mbmskeys.adapters.app.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the roles reported, with the moment each report arrived, and a way to wait until the reports show
 * that a step of the demo is complete. Reports arrive on the engines' threads; the demo waits on its own.
 */
final class EventLog<T> {

    /** One report and when it arrived. */
    record Seen<T>(Instant at, T event) {
    }

    private final InstantSource clock;
    private final List<Seen<T>> seen = new ArrayList<>();

    EventLog(InstantSource clock) {
        this.clock = clock;
    }

    synchronized void add(T event) {
        seen.add(new Seen<>(clock.instant(), event));
        notifyAll();
    }

    synchronized List<Seen<T>> all() {
        return List.copyOf(seen);
    }

    /** How many reports there are so far: a mark to wait from. */
    synchronized int mark() {
        return seen.size();
    }

    /**
     * Waits until the reports since {@code mark} satisfy {@code done}.
     *
     * @throws IllegalStateException naming {@code what} if they do not within {@code timeout}
     */
    synchronized void await(int mark, String what, Predicate<List<T>> done, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.test(since(mark))) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("the demo did not see " + what + " within " + timeout.toSeconds()
                        + " s; the reports meanwhile: " + since(mark));
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private List<T> since(int mark) {
        return seen.subList(mark, seen.size()).stream().map(Seen::event).toList();
    }
}
