package org.mbmskeys.adapters.app.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.function.Function;
import org.mbmskeys.adapters.app.config.ConfigException;
import org.mbmskeys.engine.spi.Scheduler;
import org.slf4j.LoggerFactory;

/**
 * What {@code mbms-keys bmsc} and {@code mbms-keys ue} share: the log format, reading the configuration (exit
 * code 2 with the file and key of a mistake), starting (exit code 1 if a socket cannot be bound), then running
 * until SIGTERM (exit code 0 after a graceful stop).
 */
final class ProcessLauncher {

    /** Starts a process from its configuration on the system clock. */
    @FunctionalInterface
    interface Starter<C> {
        AutoCloseable start(C config, Scheduler clock) throws IOException;
    }

    private ProcessLauncher() {
    }

    static <C> int run(String command, String logLevel, PrintWriter err, Function<Instant, C> readConfig, Starter<C> starter)
            throws InterruptedException {
        ProcessLogging.configure(logLevel);
        Scheduler clock = Scheduler.system();
        C config;
        try {
            config = readConfig.apply(clock.now());
        } catch (ConfigException e) {
            err.println("mbms-keys " + command + ": " + e.getMessage());
            return 2;
        }
        AutoCloseable process;
        try {
            process = starter.start(config, clock);
        } catch (RuntimeException | IOException e) {
            err.println("mbms-keys " + command + ": cannot start: " + e.getMessage());
            return 1;
        }
        new Running(LoggerFactory.getLogger("mbms-keys." + command), process).await();
        return 0;
    }
}
