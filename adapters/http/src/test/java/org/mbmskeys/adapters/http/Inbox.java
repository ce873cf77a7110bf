package org.mbmskeys.adapters.http;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** What arrived, in order; {@link #next()} waits for the next one (five seconds at most). */
final class Inbox<T> implements Consumer<T> {

    private final BlockingQueue<T> arrived = new LinkedBlockingQueue<>();

    @Override
    public void accept(T item) {
        arrived.add(item);
    }

    T next() throws InterruptedException {
        T item = arrived.poll(5, TimeUnit.SECONDS);
        if (item == null) {
            throw new AssertionError("nothing arrived within five seconds");
        }
        return item;
    }

    /** True when nothing arrives within {@code quiet}: for what must not happen. */
    boolean nothingWithin(Duration quiet) throws InterruptedException {
        return arrived.poll(quiet.toMillis(), TimeUnit.MILLISECONDS) == null;
    }
}
