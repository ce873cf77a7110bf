package org.mbmskeys.engine.spi;

import java.util.Optional;

/**
 * Maps an inbound envelope to the instance that must handle it. Rules are tried in the order they were
 * registered; the first that returns a route wins. A rule decodes what it needs to find the procedure
 * and the correlation key (and usually the event object too); it runs on the transport's thread, before
 * the envelope reaches a lane, so it must be thread-safe. A rule that throws is treated as no match and
 * reported through {@link ProcedureListener#unrouted}.
 *
 * <pre>{@code
 * RoutingRule mikey = envelope -> MikeyRouting.parse(envelope)
 *         .map(m -> Route.to("ue.msk-reception", m.ueId(), m));
 * }</pre>
 */
@FunctionalInterface
public interface RoutingRule {

    Optional<Route> route(Envelope envelope) throws Exception;
}
