package org.mbmskeys.engine.spi;

/**
 * Answers one request (an HTTP-like exchange). A transport attaches it to the inbound {@link Envelope};
 * the engine passes it on to the instance that handles the request, whose action calls
 * {@code reply(payload)}; the reply is carried out after the step completes.
 *
 * <p>The transport decides which payload types it can carry: {@link org.mbmskeys.engine.bytes.Bytes}
 * always, anything else as it documents (an unsupported type is an {@link IllegalArgumentException} that
 * names the supported ones). A handle is answered at most once; what a second reply does is the
 * transport's choice, and it should say so.
 *
 * <pre>{@code
 * Envelope request = new Envelope(ue, bmsc, body, Optional.of(reply -> http.respond(exchange, reply)));
 * }</pre>
 */
@FunctionalInterface
public interface ReplyHandle {

    void reply(Object payload);
}
