package org.mbmskeys.adapters.app.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mbmskeys.adapters.jdbc.JdbcInstanceStore;
import org.mbmskeys.adapters.jdbc.MtkSessionClaims;
import org.mbmskeys.engine.spi.Cancellable;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.Scheduler;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a BM-SC node's lease on its running procedures while the process runs, every third of the lease, and
 * hands the BM-SC the procedures and the streaming sessions' MTK delivery of any node whose lease lapsed (docs/storage.md, "Leases: timers of a node that
 * is gone"): a push that node left unacknowledged is resent from here, once. At the same pace it reads the user
 * services the nodes stored again, so that one defined by another node is offered here too.
 */
final class LeaseKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("mbms-keys.bmsc");

    private final JdbcInstanceStore store;
    private final MtkSessionClaims sessions;
    private final Scheduler scheduler;
    private final Duration lease;
    /** The streaming sessions another node delivers; this node claims each once that node's lease lapsed. */
    private final Set<String> elsewhere = new LinkedHashSet<>();
    /** The streaming sessions this node delivers; one taken over while this node was away is stopped here. */
    private final Set<String> delivering = new LinkedHashSet<>();
    private Bmsc bmsc;
    private Cancellable next;
    private volatile boolean closed;

    LeaseKeeper(JdbcInstanceStore store, MtkSessionClaims sessions, Scheduler scheduler, Duration lease) {
        this.store = store;
        this.sessions = sessions;
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

    /**
     * From now on renews the lease and gives {@code bmsc} what lapsed nodes left, starting at once: their running
     * procedures, and the MTK delivery of those of {@code elsewhere} (sessions another node delivers) they had.
     */
    synchronized void start(Bmsc bmsc, Collection<String> delivering, Collection<String> elsewhere) {
        this.bmsc = bmsc;
        this.delivering.addAll(delivering);
        this.elsewhere.addAll(elsewhere);
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
            // User services another node defined (its configuration has one this node's lacks) are offered here too.
            int services = bmsc.reloadServices();
            if (services > 0) {
                LOG.info(EventLine.of("services-reloaded", "count", services));
            }
            // A session another node took while this one was away (paused longer than its lease): stop sending it,
            // or the UEs would get two MTK sequences.
            for (Iterator<String> it = delivering.iterator(); it.hasNext(); ) {
                String session = it.next();
                MtkSessionClaims.Claim claim = sessions.claim(session, now);
                if (!claim.mine()) {
                    if (bmsc.mtkDeliveryRunning(session)) {
                        bmsc.stopMtkDelivery(session);
                    }
                    LOG.warn(EventLine.of("mtk-delivery-stopped", "session", session, "node", claim.owner()));
                    it.remove();
                    elsewhere.add(session);
                }
            }
            for (Iterator<String> it = elsewhere.iterator(); it.hasNext(); ) {
                String session = it.next();
                MtkSessionClaims.Claim claim = sessions.claim(session, now);
                if (claim.mine()) {
                    bmsc.startMtkDelivery(session);
                    LOG.info(EventLine.of("mtk-delivery-started", "session", session, "takenOverFrom",
                            claim.takenFrom().orElse("-")));
                    it.remove();
                    delivering.add(session);
                }
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
