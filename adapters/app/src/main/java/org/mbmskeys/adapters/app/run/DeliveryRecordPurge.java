package org.mbmskeys.adapters.app.run;

import java.time.Duration;
import org.mbmskeys.adapters.jdbc.JdbcDeliveryRecords;
import org.mbmskeys.engine.spi.Cancellable;
import org.mbmskeys.engine.spi.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the delivery records older than {@code storage.deliveryRetention}, when the BM-SC starts and then every
 * hour, so a quiet BM-SC keeps to its retention too (a busy one also purges as it records). Every node of a shared
 * database does it; a second delete finds nothing to do.
 */
final class DeliveryRecordPurge implements AutoCloseable {

    static final Duration EVERY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger("mbms-keys.bmsc");

    private final JdbcDeliveryRecords records;
    private final Scheduler scheduler;
    private Cancellable next;
    private boolean closed;

    DeliveryRecordPurge(JdbcDeliveryRecords records, Scheduler scheduler) {
        this.records = records;
        this.scheduler = scheduler;
    }

    /** Purges now, then every {@link #EVERY}. */
    synchronized void start() {
        purge();
    }

    private synchronized void purge() {
        if (closed) {
            return;
        }
        try {
            int deleted = records.purgeExpired();
            if (deleted > 0) {
                LOG.info(EventLine.of("delivery-records-purged", "count", deleted));
            }
        } catch (RuntimeException e) {
            LOG.error(EventLine.of("delivery-records-purge-failed", "cause", e.getMessage()));   // again in an hour
        }
        next = scheduler.schedule(EVERY, this::purge);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel();
        }
    }
}
