package org.mbmskeys.mbms.bmsc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mbmskeys.engine.runtime.Engine;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.RejectionReason;

/**
 * Starts the per-UE procedures of a re-key (a rotation's pushes or solicited pulls, a validity update's pushes)
 * with at most {@link #limit} of them running at once; the next UE's starts when one ends, given up or not.
 * Re-keying a Key Group of a million UEs then holds at most that many pushes in memory, and sends at most that
 * many datagrams before the first UEs have answered, instead of all at once. TS 33.246 leaves the pace of a
 * re-key to the BM-SC; unlimited by default ({@link Integer#MAX_VALUE}), which starts every UE's procedure at
 * once, as before this window existed. Unlimited or not, the window counts what it started until it ends
 * ({@link #running()}), so a limit set during a re-key takes what runs into account.
 *
 * <p>The UEs of a waiting re-key are read page by page as the window opens, so a UE that deregisters first is
 * left out.
 *
 * <p>Thread-safe: {@link #ended} comes from the engine's lanes. Starts are handed to the engine outside the
 * lock (the engine queues them on the instance's lane).
 */
final class RekeyWindow implements ProcedureListener {

    /** One procedure to start for one UE. */
    record Start(String procedure, String key, Map<String, ?> inputs) {
        Start {
            Objects.requireNonNull(procedure, "procedure");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(inputs, "inputs");
        }
    }

    private final Deque<Iterator<Start>> waiting = new ArrayDeque<>();
    private final Set<InstanceRef> running = new HashSet<>();
    /** The procedures re-keys start here; the ends of all others pass by without taking the lock. */
    private final Set<String> procedures = ConcurrentHashMap.newKeySet();
    private int limit;
    private volatile Engine engine;

    RekeyWindow(int limit) {
        this.limit = requirePositive(limit);
    }

    /** The engine to start the procedures on, once it is built. */
    void bind(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** Starts the procedures of {@code reKey} as the window allows; the rest wait behind earlier re-keys. */
    void submit(Iterator<Start> reKey) {
        Objects.requireNonNull(reKey, "reKey");
        List<Start> now;
        synchronized (this) {
            waiting.addLast(reKey);
            now = admit();
        }
        now.forEach(this::start);
    }

    /** At most {@code limit} procedures of re-keys running at once from now on ({@link Integer#MAX_VALUE}: no limit). */
    void limit(int limit) {
        List<Start> now;
        synchronized (this) {
            this.limit = requirePositive(limit);
            now = admit();
        }
        now.forEach(this::start);
    }

    synchronized int limit() {
        return limit;
    }

    /** How many procedures of re-keys were started and have not ended yet. */
    synchronized int running() {
        return running.size();
    }

    @Override
    public void ended(InstanceRef instance, InstanceRecord last) {
        freed(instance);
    }

    /** A start for a key that was already running never runs, so it never ends: its place is free again. */
    @Override
    public void eventRejected(InstanceRef instance, Object event, RejectionReason reason, String detail) {
        if (reason == RejectionReason.ALREADY_RUNNING) {
            freed(instance);
        }
    }

    /** Admits the next if {@code instance} was one of the window's; for any other, admitting finds no room. */
    private void freed(InstanceRef instance) {
        if (!procedures.contains(instance.procedure())) {
            return;   // a registration, an MSK request, an MTK delivery...: every lane's ends come here
        }
        List<Start> now;
        synchronized (this) {
            running.remove(instance);
            now = admit();
        }
        now.forEach(this::start);
    }

    /** Takes what may start now off the waiting re-keys and counts it as running. Holds the lock. */
    private List<Start> admit() {
        List<Start> now = new ArrayList<>();
        while (!waiting.isEmpty() && running.size() < limit) {
            Iterator<Start> head = waiting.peekFirst();
            if (!head.hasNext()) {
                waiting.removeFirst();
                continue;
            }
            Start next = head.next();
            procedures.add(next.procedure());
            if (running.add(new InstanceRef(next.procedure(), next.key()))) {
                now.add(next);
            }   // else the same procedure runs for that key already, from an earlier re-key: the engine would refuse it
        }
        return now;
    }

    private void start(Start s) {
        engine.start(s.procedure(), s.key(), s.inputs());
    }

    private static int requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a re-key needs at least 1 procedure in flight, got " + limit);
        }
        return limit;
    }
}
