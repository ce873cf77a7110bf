package org.mbmskeys.adapters.app.run;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.mbmskeys.adapters.app.node.BmscServer;
import org.mbmskeys.adapters.jdbc.MtkSessionClaims;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Cancellable;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Scheduler;
import org.mbmskeys.mbms.bmsc.distribution.PreparedMtk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares the MTK messages of the streaming sessions between the nodes of one database, so that with
 * {@code storage.mtkRelay} a node sends every streaming session of its configuration in its own area, also those
 * another node delivers, and all with the same MTK messages (TS 33.246 §6.3.4: one user service sent via several
 * BM-SCs; the same MTK with the same MTK ID and timestamp at the same time, §6.3.4.5, §6.3.4.6).
 *
 * <p>One node makes each session's MTKs (it holds the session's claim, {@link MtkSessionClaims}). Every
 * {@link #TICK}, for each session: the node that makes them publishes its newest MTK message to the database (every
 * node with a database does, relaying or not); every relaying node sends the published message, byte for byte, at
 * once when it is new and then every {@link #RESEND} (the resend period of the shipped {@code bmsc.mtk-delivery}
 * script), to the session's group on its own multicast interface. A new MTK thus reaches every area within about two ticks; send the next MTK ahead of the switch to it
 * (§6.3.3.2.2) by more than that. When the making node changes (a take-over), the others follow the new one.
 */
final class MtkRelay implements AutoCloseable {

    static final Duration TICK = Duration.ofSeconds(1);
    static final Duration RESEND = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger("mbms-keys.bmsc");

    private final BmscServer server;
    private final MtkSessionClaims claims;
    private final Scheduler scheduler;
    /** Each session's MTK destination: its group on the MIKEY port. */
    private final Map<String, Endpoint> sessions;
    /** Whether this node sends the sessions another node delivers ({@code storage.mtkRelay}). */
    private final boolean relaying;
    private final Map<String, Bytes> published = new HashMap<>();
    private final Map<String, Sent> relayed = new HashMap<>();
    private Cancellable next;
    private boolean closed;

    private record Sent(Bytes message, Instant at) {
    }

    MtkRelay(BmscServer server, MtkSessionClaims claims, Scheduler scheduler, Map<String, Endpoint> sessions,
             boolean relaying) {
        this.relaying = relaying;
        this.server = server;
        this.claims = claims;
        this.scheduler = scheduler;
        this.sessions = Map.copyOf(sessions);
    }

    /** Publishes or relays now, then every {@link #TICK}. */
    synchronized void start() {
        tick();
    }

    private synchronized void tick() {
        if (closed) {
            return;
        }
        for (Map.Entry<String, Endpoint> session : sessions.entrySet()) {
            try {
                if (server.bmsc().mtkDeliveryRunning(session.getKey())) {
                    publish(session.getKey());
                } else if (relaying) {
                    relay(session.getKey(), session.getValue());
                }
            } catch (RuntimeException e) {
                // The database may be away for a moment: the next tick tries again.
                LOG.error(EventLine.of("mtk-relay-failed", "session", session.getKey(), "cause", e.getMessage()));
            }
        }
        next = scheduler.schedule(TICK, this::tick);
    }

    /** This node makes the session's MTKs: its newest message goes to the database for the others. */
    private void publish(String session) {
        relayed.remove(session);
        Optional<PreparedMtk> current = server.bmsc().currentMtk(session);
        if (current.isEmpty() || current.get().datagram().equals(published.get(session))) {
            return;
        }
        if (claims.publish(session, current.get().datagram())) {
            published.put(session, current.get().datagram());
        }
    }

    /** Another node makes them: its message goes out here too, at once when new, then every {@link #RESEND}. */
    private void relay(String session, Endpoint to) {
        published.remove(session);
        Optional<MtkSessionClaims.Published> message = claims.message(session);
        if (message.isEmpty()) {
            return;
        }
        Instant now = scheduler.now();
        Sent last = relayed.get(session);
        boolean fresh = last == null || !last.message().equals(message.get().message());
        if (fresh || !now.isBefore(last.at().plus(RESEND))) {
            server.sendMikey(to, message.get().message());
            relayed.put(session, new Sent(message.get().message(), now));
            if (fresh) {
                LOG.info(EventLine.of("mtk-relayed", "session", session, "from", message.get().node(), "to", to,
                        "bytes", message.get().message().length()));
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel();
        }
    }
}
