package org.mbmskeys.mbms.bmsc;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.HttpCodec;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.mbms.bmsc.distribution.KnownMuk;
import org.mbmskeys.mbms.bmsc.distribution.MukLookup;
import org.mbmskeys.mbms.bmsc.distribution.UeKeys;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementCall;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementInbound;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyRequestFunction;
import org.mbmskeys.mbms.bmsc.keys.KeyGroupRecord;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistry;
import org.mbmskeys.mbms.bmsc.procedure.KeyRequestArrived;
import org.mbmskeys.mbms.bmsc.procedure.KeyRequests;
import org.mbmskeys.mbms.bmsc.registrations.DeregistrationResult;
import org.mbmskeys.mbms.bmsc.registrations.RegistrationResult;
import org.mbmskeys.mbms.bmsc.registrations.Registrations;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keys.MskRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BM-SC's Key Request function behind the scripts: decides one authenticated request against the
 * registrations (membership, authorisation, TS 33.246 §6.3.2.1A, §6.3.2.1B, §6.3.2.2.1), answers one status per
 * item (§6.3.2.4) through {@link KeyRequestFunction}, and says which MSKs to push or invalidate.
 */
final class BmscKeyRequests implements KeyRequests {

    private static final Logger LOG = LoggerFactory.getLogger(BmscKeyRequests.class);

    private final KeyRequestFunction function;
    private final HttpCodec codec;
    private final UeKeys ueKeys;
    private final Registrations registrations;
    private final KeyRegistry registry;
    private final BmscKeyDelivery delivery;
    private final InstantSource clock;

    BmscKeyRequests(KeyRequestFunction function, HttpCodec codec, UeKeys ueKeys, Registrations registrations,
                    KeyRegistry registry, BmscKeyDelivery delivery, InstantSource clock) {
        this.clock = clock;
        this.function = function;
        this.codec = codec;
        this.ueKeys = ueKeys;
        this.registrations = registrations;
        this.registry = registry;
        this.delivery = delivery;
    }

    @Override
    public Answer register(KeyRequestArrived request) {
        KeyManagementCall.Register call = (KeyManagementCall.Register) call(request);
        Optional<KnownMuk> muk = muk(call);
        if (muk.isEmpty()) {
            return unavailable(call);
        }
        if (muk.get().isExpiredAt(clock.instant())) {
            return renegotiate(call, muk.get());
        }
        String impi = muk.get().impi();
        List<ServiceId> services = call.body().serviceIds().stream().map(ServiceId::of).toList();
        RegistrationResult result = registrations.register(impi, muk.get().bTid(), request.source(),
                call.mikeyPort().orElse(0), services);
        registrations.mukDerived(impi, muk.get().asLastMuk());
        List<ItemStatus> statuses = result.items().stream().map(i -> i.outcome().status()).toList();
        List<String> deliver = new ArrayList<>();
        for (KeyGroupRef group : result.keyGroupsToDeliver()) {
            current(group).ifPresent(msk -> deliver.add(msk.toString()));
        }
        LOG.info("registration of {} from {}: {}", impi, request.source(), result.items());
        return new Answer(encode(function.answer(call, statuses)), impi, deliver, List.of(), List.of());
    }

    @Override
    public Answer deregister(KeyRequestArrived request) {
        KeyManagementCall.Deregister call = (KeyManagementCall.Deregister) call(request);
        Optional<KnownMuk> muk = muk(call);
        if (muk.isEmpty()) {
            return unavailable(call);
        }
        if (muk.get().isExpiredAt(clock.instant())) {
            return renegotiate(call, muk.get());
        }
        String impi = muk.get().impi();
        Optional<Endpoint> lastAddress = registrations.mikeyDestination(impi);
        List<ServiceId> services = call.body().serviceIds().stream().map(ServiceId::of).toList();
        DeregistrationResult result = registrations.deregister(impi, muk.get().bTid(), services);
        List<ItemStatus> statuses = result.items().stream().map(i -> i.outcome().status()).toList();
        List<String> invalidate = new ArrayList<>();
        for (KeyGroupRef group : result.keyGroupsToInvalidate()) {
            registry.group(group.keyDomain(), group.keyGroup()).ifPresent(r -> held(r).forEach(m -> invalidate.add(m.toString())));
        }
        if (!invalidate.isEmpty()) {
            lastAddress.ifPresent(address -> delivery.rememberAddress(impi, address, invalidate.size()));
        }
        LOG.info("deregistration of {}: {}", impi, result.items());
        return new Answer(encode(function.answer(call, statuses)), impi, List.of(), invalidate, List.of());
    }

    @Override
    public Answer mskRequest(KeyRequestArrived request) {
        KeyManagementCall.MskRequest call = (KeyManagementCall.MskRequest) call(request);
        Optional<KnownMuk> muk = muk(call);
        if (muk.isEmpty()) {
            return unavailable(call);
        }
        if (muk.get().isExpiredAt(clock.instant())) {
            return renegotiate(call, muk.get());
        }
        String impi = muk.get().impi();
        registrations.mukDerived(impi, muk.get().asLastMuk());
        List<ItemStatus> statuses = new ArrayList<>();
        List<String> deliver = new ArrayList<>();
        List<String> pulled = new ArrayList<>();
        for (MskRef asked : call.body().msks()) {
            if (!registrations.isAuthorizedFor(impi, asked.keyDomain(), asked.mskId())) {
                statuses.add(ItemStatus.FORBIDDEN);   // not registered to a service that uses this MSK (G.2.4: 403)
                continue;
            }
            KeyGroupRef group = KeyGroupRef.of(asked);
            Optional<MskRef> msk = asked.mskId().isCurrentMarker() ? current(group) : Optional.of(asked)
                    .filter(ref -> registry.group(group.keyDomain(), group.keyGroup()).map(r -> r.holds(ref)).orElse(false));
            if (msk.isEmpty()) {
                statuses.add(ItemStatus.SERVICE_UNAVAILABLE);   // no such MSK (yet): the UE may ask again
                continue;
            }
            statuses.add(ItemStatus.OK);
            deliver.add(msk.get().toString());
            if (delivery.answersPull(impi, group)) {
                pulled.add(group.toString());
            }
        }
        LOG.info("MSK request of {}: {} -> {}", impi, call.body().msks(), statuses);
        return new Answer(encode(function.answer(call, statuses)), impi, deliver, List.of(), pulled);
    }

    @Override
    public Bytes refusal(KeyRequestArrived request) {
        if (request.inbound() instanceof KeyManagementInbound.Refused refused) {
            if (refused.isRoutine()) {
                LOG.debug("key management request from {} refused: {} ({})", request.source(), refused.reason(), refused.detail());
            } else {   // wrong credentials, an unknown B-TID, a replay, a malformed request: what an operator watches for
                LOG.info("key management request from {} refused with {}: {} ({})", request.source(),
                        refused.response().status(), refused.digestFailure().map(Enum::name).orElse(refused.reason().name()),
                        refused.detail());
            }
            return encode(refused.response());
        }
        throw new IllegalArgumentException("the request from " + request.source() + " was not refused; serve it instead");
    }

    private static KeyManagementCall call(KeyRequestArrived request) {
        if (request.inbound() instanceof KeyManagementCall call) {
            return call;
        }
        throw new IllegalArgumentException("the request from " + request.source() + " was refused; answer it with refusal()");
    }

    /** The UE's MUK of the B-TID that authenticated: Digest fetched its NAF keys over Zn a moment ago. */
    private Optional<KnownMuk> muk(KeyManagementCall call) {
        BTid bTid = BTid.parse(call.authentication().username());
        MukLookup lookup = ueKeys.lookUp(bTid);
        if (lookup instanceof MukLookup.Known known) {
            return Optional.of(known.muk());
        }
        LOG.info("no MUK for authenticated {}: {}", bTid, lookup);
        return Optional.empty();
    }

    /**
     * The MUK of the B-TID that authenticated is past the BM-SC's MUK lifetime (shorter than the Ks_NAF one): "the
     * BM-SC should initiate the BM-SC solicited pull procedure and answer to the HTTP POST of Figure 6.2b with a
     * Bootstrapping Renegotiation Request according to TS 33.220" (§6.3.2.2.4).
     * Nothing of the request is done; the UE bootstraps again and sends it once more under its new B-TID.
     */
    private Answer renegotiate(KeyManagementCall call, KnownMuk muk) {
        LOG.info("{} of {} under {}: its MUK expired at {}, bootstrapping renegotiation requested", call.type().requestType(),
                muk.impi(), muk.bTid(), muk.expiresAt());
        return new Answer(encode(function.renegotiate(call)), "", List.of(), List.of(), List.of());
    }

    /** The BSF lost the bootstrapping between Digest and now: ask the UE to come back (G.2.4: 503 repeats). */
    private Answer unavailable(KeyManagementCall call) {
        return new Answer(encode(function.refuse(call, ItemStatus.SERVICE_UNAVAILABLE, Optional.empty())), "",
                List.of(), List.of(), List.of());
    }

    private Optional<MskRef> current(KeyGroupRef group) {
        return registry.group(group.keyDomain(), group.keyGroup()).flatMap(KeyGroupRecord::current);
    }

    private static List<MskRef> held(KeyGroupRecord record) {
        List<MskRef> refs = new ArrayList<>();
        record.previous().ifPresent(refs::add);
        record.current().ifPresent(refs::add);
        return refs;
    }

    private Bytes encode(HttpResponseMessage response) {
        return codec.encode(response);
    }
}
