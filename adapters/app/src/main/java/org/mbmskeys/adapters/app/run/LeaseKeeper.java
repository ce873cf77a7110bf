package org.mbmskeys.adapters.app.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mbmskeys.adapters.jdbc.JdbcInstanceStore;
import org.mbmskeys.engine.spi.Cancellable;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.Scheduler;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a BM-SC node's lease on its running procedures while the process runs, every third of the lease, and
 * hands the BM-SC the procedures of any node whose lease lapsed (docs/storage.md, "Leases: timers of a node that
 * is gone"): a push that node left unacknowledged is resent from here, once.
 */
final class LeaseKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("mbms-keys.bmsc");

    private final JdbcInstanceStore store;
    private final Scheduler scheduler;
    private final Duration lease;
    private Bmsc bmsc;
    private Cancellable next;
    private volatile boolean closed;

    LeaseKeeper(JdbcInstanceStore store, Scheduler scheduler, Duration lease) {
        this.store = store;
        this.scheduler = scheduler;
        this.lease = lease;
    }

    /**
     * Takes the lease before the BM-SC's engine writes its first instance: only rows of a node with a lease row are
     * ever taken over, so this node must never have rows without one.
     */
    void claim() {
        store.renewLease(scheduler.now().plus(lease));
    }

    /** From now on renews the lease and gives {@code bmsc} what lapsed nodes left, starting at once. */
    synchronized void start(Bmsc bmsc) {
        this.bmsc = bmsc;
        tick();
    }

    private synchronized void tick() {
        if (closed) {
            return;
        }
        try {
            Instant now = scheduler.now();
            store.renewLease(now.plus(lease));
            List<InstanceRecord> taken = store.takeOverLapsed(now);
            taken.forEach(bmsc::takeOver);
            if (!taken.isEmpty()) {
                LOG.info(EventLine.of("instances-taken-over", "count", taken.size()));
            }
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next tick tries again, well within the lease.
            LOG.error(EventLine.of("lease-renewal-failed", "cause", e.getMessage()));
        }
        next = scheduler.schedule(lease.dividedBy(3), this::tick);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel();
        }
    }
}
