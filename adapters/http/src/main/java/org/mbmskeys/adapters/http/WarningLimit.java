package org.mbmskeys.adapters.http;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * At most one warning per kind every {@link #EVERY}: a flood of hostile requests must not become a flood of log
 * lines. A line after a quiet spell says how many it did not show.
 */
final class WarningLimit {

    static final Duration EVERY = Duration.ofSeconds(10);

    private final Logger log;
    private final InstantSource clock;
    private final Map<Object, Instant> lastLine = new HashMap<>();
    private final Map<Object, Long> unshown = new HashMap<>();

    WarningLimit(Logger log, InstantSource clock) {
        this.log = log;
        this.clock = clock;
    }

    synchronized void warn(Object kind, String line) {
        Instant now = clock.instant();
        Instant last = lastLine.get(kind);
        if (last != null && now.isBefore(last.plus(EVERY))) {
            unshown.merge(kind, 1L, Long::sum);
            return;
        }
        Long more = unshown.remove(kind);
        lastLine.put(kind, now);
        log.warn(more == null ? line : line + " (and " + more + " more of these since the last line)");
    }
}
