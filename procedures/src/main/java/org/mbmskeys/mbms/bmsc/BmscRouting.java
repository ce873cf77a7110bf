package org.mbmskeys.mbms.bmsc;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.HttpCodec;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.engine.spi.HttpHeaders;
import org.mbmskeys.engine.spi.MalformedHttpException;
import org.mbmskeys.engine.spi.ReplyHandle;
import org.mbmskeys.engine.spi.Route;
import org.mbmskeys.engine.spi.RoutingRule;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementCall;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementAdmission;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementInbound;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyRequestFunction;
import org.mbmskeys.mbms.bmsc.procedure.KeyRequestArrived;
import org.mbmskeys.mbms.bmsc.procedure.MikeyArrived;
import org.mbmskeys.mbms.keymanagement.KeyManagementRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What arrives at the BM-SC and which procedure gets it. An HTTP request is read and checked by the Key
 * Request function (Annex G request line and media type, HTTP Digest) and goes, checked, to the procedure
 * of its request type, one instance per request; a request that names no key management procedure (a
 * malformed request line, another path or method) is answered here, since no procedure is its own. A
 * datagram is a UE's verification message and goes to the push whose CSB ID it names.
 */
final class BmscRouting implements RoutingRule {

    private static final Logger LOG = LoggerFactory.getLogger(BmscRouting.class);

    static final Map<KeyManagementRequest, String> PROCEDURES = Map.of(
            KeyManagementRequest.REGISTER, "bmsc.registration",
            KeyManagementRequest.DEREGISTER, "bmsc.deregistration",
            KeyManagementRequest.MSK_REQUEST, "bmsc.msk-request");

    private final KeyRequestFunction function;
    private final HttpCodec codec;
    private final BmscKeyDelivery delivery;
    private final KeyManagementAdmission admission;
    private final AtomicLong requests = new AtomicLong();

    BmscRouting(KeyRequestFunction function, HttpCodec codec, BmscKeyDelivery delivery, KeyManagementAdmission admission) {
        this.admission = admission;
        this.function = function;
        this.codec = codec;
        this.delivery = delivery;
    }

    @Override
    public Optional<Route> route(Envelope envelope) {
        return envelope.replyHandle().isPresent() ? request(envelope, envelope.replyHandle().get()) : datagram(envelope);
    }

    private Optional<Route> request(Envelope envelope, ReplyHandle handle) {
        Optional<Duration> overloaded = admission.refusal();
        if (overloaded.isPresent()) {
            // Admission control: refused before it is read, so an overload costs no Digest, Zn lookup or instance.
            LOG.debug("HTTP request from {} answered 503: overloaded, Retry-After {}", envelope.from(), overloaded.get());
            handle.reply(codec.encode(KeyManagementAdmission.serviceUnavailable(overloaded.get())));
            return Optional.empty();
        }
        HttpRequestMessage request;
        try {
            request = codec.decodeRequest(envelope.payload());
        } catch (MalformedHttpException e) {
            LOG.info("HTTP request from {} not read: {}", envelope.from(), e.getMessage());
            handle.reply(codec.encode(badRequest()));
            return Optional.empty();
        }
        KeyManagementInbound inbound = function.receive(request);
        Optional<KeyManagementRequest> type = inbound instanceof KeyManagementCall call ? Optional.of(call.type())
                : KeyManagementRequest.parse(request.target());
        if (type.isEmpty()) {
            KeyManagementInbound.Refused refused = (KeyManagementInbound.Refused) inbound;
            LOG.info("HTTP request from {} names no key management procedure: {} ({})", envelope.from(), refused.reason(),
                    refused.detail());
            handle.reply(codec.encode(refused.response()));
            return Optional.empty();
        }
        String procedure = PROCEDURES.get(type.get());
        String key = type.get().requestType() + "#" + requests.incrementAndGet();
        return Optional.of(Route.createIfAbsent(procedure, key, new KeyRequestArrived(envelope.from(), inbound), Map.of()));
    }

    private Optional<Route> datagram(Envelope envelope) {
        MikeyArrived arrived = new MikeyArrived(envelope.from(), envelope.payload());
        return delivery.pushAcknowledgedBy(arrived).map(instance -> Route.to("bmsc.msk-push", instance, arrived));
    }

    private static HttpResponseMessage badRequest() {
        return new HttpResponseMessage(400, "Bad Request", HttpHeaders.empty().with("Content-Length", "0"), Bytes.empty());
    }
}
