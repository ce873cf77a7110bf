package org.mbmskeys.engine.spi;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * Bytes on the move between two endpoints, with a way to answer when they came as a request. Transports
 * hand inbound envelopes to the engine ({@code engine.route(envelope)}), and send the envelopes that
 * procedures put on a transport-bound channel. Nothing here knows what the bytes mean.
 *
 * <pre>{@code
 * Envelope datagram = Envelope.of(Endpoint.of("ue-1", 2269), Endpoint.of("bmsc", 2269), mikeyBytes);
 * Envelope request = datagram.withReplyHandle(payload -> answer(payload));
 * }</pre>
 */
public record Envelope(Endpoint from, Endpoint to, Bytes payload, Optional<ReplyHandle> replyHandle) {

    public Envelope {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(replyHandle, "replyHandle");
    }

    /** A one-way envelope (a datagram): no reply possible. */
    public static Envelope of(Endpoint from, Endpoint to, Bytes payload) {
        return new Envelope(from, to, payload, Optional.empty());
    }

    /** This envelope as a request that can be answered through {@code handle}. */
    public Envelope withReplyHandle(ReplyHandle handle) {
        return new Envelope(from, to, payload, Optional.of(handle));
    }

    @Override
    public String toString() {
        return from + " -> " + to + " (" + payload.length() + " bytes" + (replyHandle.isPresent() ? ", request" : "")
                + ")";
    }
}
