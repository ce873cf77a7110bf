package org.mbmskeys.adapters.udp;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One warning per drop, but at most one line per reason every {@link #EVERY}: a flood of hostile datagrams
 * must not become a flood of log lines. A line after a quiet spell says how many drops it did not show.
 */
final class DropLog {

    static final Duration EVERY = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(UdpTransport.class);

    private final String transport;
    private final InstantSource clock;
    private final Map<DropReason, Instant> lastLine = new EnumMap<>(DropReason.class);
    private final Map<DropReason, Long> unshown = new EnumMap<>(DropReason.class);

    DropLog(String transport, InstantSource clock) {
        this.transport = transport;
        this.clock = clock;
    }

    synchronized void dropped(DroppedDatagram drop) {
        Instant now = clock.instant();
        Instant last = lastLine.get(drop.reason());
        if (last != null && now.isBefore(last.plus(EVERY))) {
            unshown.merge(drop.reason(), 1L, Long::sum);
            return;
        }
        long more = unshown.getOrDefault(drop.reason(), 0L);
        lastLine.put(drop.reason(), now);
        unshown.remove(drop.reason());
        if (more == 0) {
            LOG.warn("{}: dropped a datagram, {}", transport, drop);
        } else {
            LOG.warn("{}: dropped a datagram, {} (and {} more for {} since the last line)", transport, drop, more,
                    drop.reason());
        }
    }
}
