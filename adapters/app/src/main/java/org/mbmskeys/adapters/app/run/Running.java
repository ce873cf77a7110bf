package org.mbmskeys.adapters.app.run;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;

/**
 * Keeps a process running until SIGTERM or SIGINT (or {@link #stop()}), then stops it gracefully: the JVM's
 * shutdown hook closes what the process opened, in reverse order, and logs that it did.
 */
final class Running {

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Logger log;
    private final AutoCloseable resources;
    private final Thread hook;

    Running(Logger log, AutoCloseable resources) {
        this.log = log;
        this.resources = resources;
        this.hook = new Thread(this::close, "mbms-keys-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Blocks until the process is stopped. */
    void await() throws InterruptedException {
        stopped.await();
    }

    /** Stops without a signal (tests, a fatal error). */
    void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyStopping) {
            return;
        }
        close();
    }

    private void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        log.info(EventLine.of("stopping"));
        try {
            resources.close();
            log.info(EventLine.of("stopped"));
        } catch (Exception e) {
            log.warn(EventLine.of("stop-failed", "cause", e.toString()));
        } finally {
            stopped.countDown();
        }
    }
}
