package org.mbmskeys.engine.spi;

import java.util.function.Consumer;

/**
 * Moves {@link Envelope}s between endpoints and nothing more: no parsing, no protocol knowledge. An
 * adapter (in-memory network, UDP, HTTP) implements it; the engine registers one inbound handler and
 * sends the envelopes that procedures put on the channel the transport is bound to
 * ({@code EngineBuilder.transport("mikey", udp)}).
 *
 * <p>{@link #send} must not block the calling lane for long: queue the bytes and return.
 *
 * <pre>{@code
 * Transport udp = ...;                          // an adapter
 * Engine engine = Engine.builder().transport("mikey", udp).route(mikeyRule).build();
 * // inbound: udp calls engine.route(envelope); outbound: ctx.send("mikey", envelope) in a script
 * }</pre>
 */
public interface Transport extends AutoCloseable {

    /** Sends {@code envelope} to {@code envelope.to()}; fire-and-forget. */
    void send(Envelope envelope);

    /**
     * Registers the handler for inbound envelopes; called once, before any envelope may arrive.
     *
     * @throws IllegalStateException if a handler was already registered
     */
    void receive(Consumer<Envelope> handler);

    /**
     * One transport of two: envelopes with a reply handle (requests: HTTP) go out through {@code requests}, the
     * others (datagrams: MIKEY over UDP) through {@code datagrams}, and what either receives goes to the one
     * receiver. That is how a role bound to one channel runs over real sockets: a BM-SC answers HTTP requests
     * and sends MIKEY datagrams, a UE makes HTTP requests and receives MIKEY datagrams. Closing it closes both.
     *
     * <pre>{@code
     * Transport bmscSide = Transport.combining(udp, httpServer);
     * Transport ueSide = Transport.combining(udp, httpClient);
     * }</pre>
     */
    static Transport combining(Transport datagrams, Transport requests) {
        return new CombinedTransport(datagrams, requests);
    }

    /** Stops receiving and releases resources. The default does nothing. */
    @Override
    default void close() {
    }
}
