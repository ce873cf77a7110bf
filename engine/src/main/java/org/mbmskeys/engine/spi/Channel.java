package org.mbmskeys.engine.spi;

import java.util.Objects;

/**
 * Where a procedure's {@code send(channel, payload)} goes. The embedder binds each channel name to a
 * handler (or to a {@link Transport}) when building the engine. Handlers run on the lane after the step
 * that sent the message completed, so they must not block; a thrown exception is reported to listeners
 * ({@link ProcedureListener#effectFailed}) and changes nothing in the instance.
 *
 * <pre>{@code
 * Engine.builder()
 *       .channel("audit", message -> auditLog.add(message.payload()))
 *       .channel("mikey", Channel.over(udpTransport));     // payloads must be Envelopes
 * }</pre>
 */
@FunctionalInterface
public interface Channel {

    void send(ChannelMessage message) throws Exception;

    /**
     * A channel that sends each payload on {@code transport}; payloads must be {@link Envelope}s.
     *
     * @throws IllegalArgumentException (from {@code send}) if a payload is not an Envelope
     */
    static Channel over(Transport transport) {
        Objects.requireNonNull(transport, "transport");
        return message -> {
            if (!(message.payload() instanceof Envelope envelope)) {
                throw new IllegalArgumentException("channel '" + message.channel() + "' is bound to a transport and "
                        + "sends Envelopes only; " + message.from() + " sent a "
                        + message.payload().getClass().getName());
            }
            transport.send(envelope);
        };
    }
}
