package org.mbmskeys.adapters.app.node;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Transport;

/**
 * Records what crosses the sockets of a process, in order, for its timeline, sequence diagram and pcap.
 * Transports are tapped with {@link #tap}; peers are named by their socket address ({@link #name}), so the
 * records say "alice" rather than "127.0.0.1:40123". Thread-safe: Netty threads record, others read.
 */
public final class Wiretap {

    private final InstantSource clock;
    private final List<Tapped> seen = new ArrayList<>();
    private final Map<Endpoint, String> names = new ConcurrentHashMap<>();
    private final boolean keep;
    private final Consumer<Tapped> sink;

    /** A tap that keeps everything it records (for a run of bounded length, such as the demo). */
    public Wiretap(InstantSource clock) {
        this(clock, true, t -> { });
    }

    private Wiretap(InstantSource clock, boolean keep, Consumer<Tapped> sink) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keep = keep;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * A tap that keeps nothing and hands each record to {@code sink} as it happens (for a process that runs
     * for months, e.g. into a pcap file). {@code sink} runs on the transports' threads and must be quick.
     */
    public static Wiretap streaming(InstantSource clock, Consumer<Tapped> sink) {
        return new Wiretap(clock, false, sink);
    }

    /** From now on, {@code address} is called {@code name} in the records. */
    public void name(Endpoint address, String name) {
        names.put(address, name);
    }

    /**
     * {@code transport} with a tap: what {@code self} (at {@code selfAddress}) sends and receives is recorded,
     * datagrams if {@code datagrams}, HTTP requests and their responses if {@code requests}.
     */
    public Transport tap(Transport transport, String self, Endpoint selfAddress, boolean datagrams, boolean requests) {
        return new TappedTransport(transport, this, self, selfAddress, datagrams, requests);
    }

    /** Everything recorded so far, oldest first (nothing for a {@link #streaming} tap). */
    public synchronized List<Tapped> seen() {
        return List.copyOf(seen);
    }

    synchronized void record(Tapped tapped) {
        if (keep) {
            seen.add(tapped);
        }
        sink.accept(tapped);
    }

    String nameOf(Endpoint address) {
        String name = names.get(address);
        return name != null ? name : address.toString();
    }

    java.time.Instant now() {
        return clock.instant();
    }
}
