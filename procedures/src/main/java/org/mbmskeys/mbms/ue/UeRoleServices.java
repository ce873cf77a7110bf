package org.mbmskeys.mbms.ue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.HttpCodec;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.mbms.keymanagement.MskRequestReason;
import org.mbmskeys.mbms.keymanagement.xml.RegisterResponse;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.ue.gba.BootstrapResult;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementExchange;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementOutcome;
import org.mbmskeys.mbms.ue.keys.KeyRejection;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.procedure.KeyManagementAnswer;
import org.mbmskeys.mbms.ue.procedure.LifecycleStep;
import org.mbmskeys.mbms.ue.procedure.MikeyDatagram;
import org.mbmskeys.mbms.ue.procedure.MskRequestPlan;
import org.mbmskeys.mbms.ue.procedure.UeKeyManagement;
import org.mbmskeys.mbms.ue.procedure.UeLifecycle;
import org.mbmskeys.mbms.ue.procedure.UeMikey;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;
import org.mbmskeys.mbms.ue.reception.Reception;
import org.mbmskeys.mbms.ue.registration.RegistrationAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UE role services the {@code ue.*} scripts call, for every UE of a {@link UeHost}: each call names its UE,
 * whose {@link UeNode} does the work. Answers to HTTP requests come back through the envelope's reply handle,
 * are read by the UE's key management client and go to the instance that sent the request.
 */
final class UeRoleServices implements UeMikey, UeKeyManagement, UeLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(UeRoleServices.class);

    /** MIKEY's UDP port (TS 33.246 §6.3.2.2.4, §6.3.3.2.2). */
    static final int MIKEY_PORT = 2269;

    /** The UE's source port for key management requests: any; a fixed one keeps captures readable. */
    static final int HTTP_CLIENT_PORT = 49152;

    /** Where an answer goes: {@code engine.send(procedure, key, event)}. */
    @FunctionalInterface
    interface EventSink {
        void send(String procedure, Object key, Object event);
    }

    private final Map<String, UeNode> nodes = new ConcurrentHashMap<>();
    private final HttpCodec codec;
    private final int keyManagementPort;
    private volatile EventSink sink;

    UeRoleServices(HttpCodec codec, int keyManagementPort) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.keyManagementPort = keyManagementPort;
    }

    void bind(EventSink eventSink) {
        this.sink = Objects.requireNonNull(eventSink, "eventSink");
    }

    void add(UeNode node) {
        if (nodes.putIfAbsent(node.name(), node) != null) {
            throw new IllegalArgumentException("a UE named '" + node.name() + "' is already hosted");
        }
    }

    boolean hosts(String ue) {
        return nodes.containsKey(ue);
    }

    UeNode node(String ue) {
        UeNode node = nodes.get(ue);
        if (node == null) {
            throw new IllegalArgumentException("no UE named '" + ue + "' is hosted here; hosted: " + nodes.keySet());
        }
        return node;
    }

    // ------------------------------------------------------------------------------------ UeMikey

    @Override
    public Reception receive(MikeyDatagram datagram) {
        UeNode node = node(datagram.ue());
        return datagram.isDownloadObject() ? node.receiveMtkObject(datagram.bytes()) : node.receive(datagram.bytes());
    }

    @Override
    public Envelope answer(MikeyDatagram received, Bytes verification) {
        if (received.isDownloadObject()) {
            throw new IllegalStateException("a download object carries an MTK message, which is never answered "
                    + "(TS 33.246 §6.3.3.2); there is no address to answer " + received + " at");
        }
        return Envelope.of(Endpoint.of(received.ue(), MIKEY_PORT), received.from(), verification);
    }

    @Override
    public Optional<MskRequestPlan> mskRequestFor(String ue, Reception.MskRequestNeeded needed) {
        return node(ue).mskRequestFor(needed);
    }

    @Override
    public List<UeOutcome> outcomes(MikeyDatagram datagram, Reception reception) {
        String ue = datagram.ue();
        List<UeOutcome> out = new ArrayList<>(2);
        if (reception instanceof Reception.MskStored s) {
            out.add(new UeOutcome.MskReceived(ue, s.update().msk(), s.update().change(), s.verification().isPresent()));
        } else if (reception instanceof Reception.MskRequestNeeded n) {
            n.update().ifPresent(u -> out.add(new UeOutcome.MskReceived(ue, u.msk(), u.change(), false)));
            if (n.cause() == Reception.MskRequestNeeded.Cause.UNKNOWN_MSK) {
                // §6.3.2.2.3: the MTK message itself cannot be verified and is dropped; reported like any discard.
                out.add(new UeOutcome.DatagramDiscarded(ue, datagram.from(), Reception.Stage.CHECK, KeyRejection.UNKNOWN_KEY,
                        "MTK message under an MSK of Key Group " + n.keyDomain() + "/" + n.keyGroup()
                                + " the UE does not hold (TS 33.246 §6.4.6.2); an MSK request is due (§6.3.2.2.3)"));
            }
            if (mskRequestFor(ue, n).isEmpty()) {
                out.add(new UeOutcome.MskRequestSkipped(ue, MskRef.of(n.keyDomain(),
                        org.mbmskeys.mbms.keys.MskId.current(n.keyGroup())), n.cause()));
            }
        } else if (reception instanceof Reception.MtkStored m) {
            out.add(new UeOutcome.MtkReceived(ue, m.mtk().msk(), m.mtk().mtkId()));
        } else if (reception instanceof Reception.Discarded d) {
            out.add(new UeOutcome.DatagramDiscarded(ue, datagram.from(), d.stage(), d.reason(), d.detail()));
        }
        // Duplicate (a verification message sent again) and MtkRepeated (the current MTK resent) report nothing.
        return out;
    }

    // ------------------------------------------------------------------------------------ UeKeyManagement

    @Override
    public boolean needsBootstrap(String ue) {
        return node(ue).needsBootstrap();
    }

    @Override
    public BootstrapResult bootstrap(String ue) {
        return node(ue).bootstrap();
    }

    @Override
    public KeyManagementExchange post(String ue, RegistrationAction request) {
        return node(ue).post(request);
    }

    @Override
    public KeyManagementExchange requestMsks(String ue, String bmsc, List<MskRef> msks) {
        return node(ue).requestMsks(bmsc, msks);
    }

    @Override
    public KeyManagementExchange resend(String ue, String bmsc, KeyManagementExchange previous) {
        return node(ue).resend(bmsc, previous);
    }

    @Override
    public Envelope envelope(String ue, String bmsc, KeyManagementExchange exchange, String procedure, Object key) {
        Bytes wire = codec.encode(exchange.request());
        Envelope request = Envelope.of(Endpoint.of(ue, HTTP_CLIENT_PORT), Endpoint.of(bmsc, keyManagementPort), wire);
        return request.withReplyHandle(payload -> answered(ue, bmsc, exchange, procedure, key, payload));
    }

    /** An answer's bytes: read; bytes that are not one HTTP response count as no answer (the script resends). */
    private void answered(String ue, String bmsc, KeyManagementExchange exchange, String procedure, Object key,
                          Object payload) {
        if (!(payload instanceof Bytes bytes)) {
            LOG.debug("{}: answer from {} is not bytes but {}: ignored", ue, bmsc,
                    payload == null ? "nothing" : payload.getClass().getSimpleName());
            return;
        }
        HttpResponseMessage response;
        try {
            response = codec.decodeResponse(bytes);
        } catch (IllegalArgumentException e) {
            LOG.debug("{}: answer from {} is not an HTTP/1.1 response ({} bytes): {}", ue, bmsc, bytes.length(),
                    e.getMessage());
            return;
        }
        KeyManagementOutcome outcome = node(ue).interpret(bmsc, exchange, response);
        EventSink s = sink;
        if (s != null) {
            s.send(procedure, key, new KeyManagementAnswer(exchange, outcome));
        }
    }

    @Override
    public Duration mskBackOff(String ue, List<MskRef> msks, MskRequestReason reason) {
        return node(ue).mskBackOff(msks, reason);
    }

    // ------------------------------------------------------------------------------------ UeLifecycle

    @Override
    public LifecycleStep use(String ue, String serviceId) {
        return node(ue).use(serviceId);
    }

    @Override
    public LifecycleStep leave(String ue, String serviceId) {
        return node(ue).leave(serviceId);
    }

    @Override
    public LifecycleStep powerOn(String ue) {
        return node(ue).powerOn();
    }

    @Override
    public LifecycleStep powerDown(String ue) {
        return node(ue).powerDown();
    }

    @Override
    public LifecycleStep connectionLost(String ue) {
        return node(ue).connectionLost();
    }

    @Override
    public LifecycleStep uiccChanged(String ue, UiccId uicc) {
        return node(ue).uiccChanged(uicc);
    }

    @Override
    public boolean awaited(String ue, RegistrationAction request) {
        return node(ue).awaited(request);
    }

    @Override
    public LifecycleStep answered(String ue, RegistrationAction request, RegisterResponse body) {
        return node(ue).answered(request, body);
    }

    @Override
    public LifecycleStep failed(String ue, RegistrationAction request, int status) {
        return node(ue).failed(request, status);
    }

    @Override
    public LifecycleStep gaveUp(String ue, RegistrationAction request, UeOutcome.Failure failure, String detail) {
        return node(ue).gaveUp(request, failure, detail);
    }
}
