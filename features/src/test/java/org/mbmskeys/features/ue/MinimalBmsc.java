package org.mbmskeys.features.ue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.memory.Node;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.HttpCodec;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementCall;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementInbound;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyRequestFunction;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistry;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;
import org.mbmskeys.mbms.bmsc.keys.MtkAllocation;
import org.mbmskeys.mbms.bmsc.keys.RegisteredMsk;
import org.mbmskeys.mbms.digest.DigestRealm;
import org.mbmskeys.mbms.digest.DigestVerifier;
import org.mbmskeys.mbms.digest.MrkDigestPassword;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.MbmsKeyManagement;
import org.mbmskeys.mbms.gba.MukMrk;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyMaterialSource;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ProtectingKey;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MskDelivery;
import org.mbmskeys.mbms.mikey.protection.MtkDelivery;
import org.mbmskeys.mbms.mikey.protection.SolicitedPull;
import org.mbmskeys.mbms.mikey.protection.VerificationMessage;

/**
 * The BM-SC peer of the UE end-to-end tests, made of the existing pieces only ({@link KeyRequestFunction},
 * {@link KeyRegistry}, {@link MikeySealer}, the simulated BSF over Zn): it answers every key management request
 * on the wire, pushes the current MSK of its one Key Group with the V bit after a registration and an MSK
 * request (§6.3.2.1A, §6.3.2.2.1, §6.3.2.3.1), sends MTK messages to a multicast group (§6.3.3) and counts the
 * verification messages. Deliberately minimal: the real BM-SC is the {@code Bmsc} facade, which replaces it.
 */
final class MinimalBmsc {

    static final String FQDN = "bmsc.example.org";
    static final int HTTP_PORT = 80;
    static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    static final KeyGroup GROUP = KeyGroup.of(7);

    private final Node node;
    private final SimulatedBsf bsf;
    private final HttpCodec codec = HttpWire.codec();
    private final KeyRequestFunction krf;
    private final KeyRegistry registry = KeyRegistry.create(KeyRegistryStorage.inMemory(), keys(0x33246L));
    private final MikeySealer sealer = new MikeySealer(CryptoSuite.jca());
    private int csb = 0x0c5b1d00;
    private volatile String lastUe;

    /** What to answer per item: OK unless a test says otherwise. */
    volatile ItemStatus itemStatus = ItemStatus.OK;
    /** When set, the whole next request is refused with 503 and this Retry-After. */
    volatile Optional<Duration> unavailableOnce = Optional.empty();
    final List<KeyManagementCall> calls = new CopyOnWriteArrayList<>();
    final List<VerificationMessage> verifications = new CopyOnWriteArrayList<>();
    final List<String> refusals = new CopyOnWriteArrayList<>();

    MinimalBmsc(Node node, SimulatedBsf bsf, java.time.InstantSource clock) {
        this.node = node;
        this.bsf = bsf;
        DigestRealm realm = DigestRealm.bootstrapping(FQDN);
        this.krf = new KeyRequestFunction(DigestVerifier.builder()
                .realms(realm)
                .serverSecret(SecretBytes.ofHex("0f".repeat(32)))
                .credentials((user, r) -> mukMrk(user).map(k -> {
                    try {
                        return MrkDigestPassword.derive(k.mrk());
                    } finally {
                        k.destroy();
                    }
                }))
                .clock(clock)
                .random(random(1))
                .build(), realm);
        registry.createGroup(DOMAIN, GROUP, ServiceType.DOWNLOAD);
        registry.rotate(DOMAIN, GROUP, KeyValidity.of(10, 200));
        node.receive(this::received);
    }

    /** A new current MSK of the Key Group (§6.3.2.3.1: the BM-SC decides when MSKs change). */
    void rotate() {
        RegisteredMsk now = currentMsk();
        registry.rotate(DOMAIN, GROUP, KeyValidity.of(10, 200));
        now.key().destroy();
    }

    RegisteredMsk currentMsk() {
        return registry.currentMsk(DOMAIN, GROUP).orElseThrow();
    }

    private void received(Envelope envelope) {
        if (envelope.replyHandle().isEmpty()) {
            InboundMikey m = MikeyReader.read(envelope.payload()).orElseThrow();
            if (m instanceof VerificationMessage v) {
                verifications.add(v);
            }
            return;
        }
        KeyManagementInbound in = krf.receive(codec.decodeRequest(envelope.payload()));
        if (in instanceof KeyManagementInbound.Refused refused) {
            refusals.add(refused.reason() + " " + refused.detail());
            envelope.replyHandle().get().reply(codec.encode(refused.response()));
            return;
        }
        KeyManagementCall call = (KeyManagementCall) in;
        calls.add(call);
        if (unavailableOnce.isPresent()) {
            HttpResponseMessage busy = krf.refuse(call, ItemStatus.SERVICE_UNAVAILABLE, unavailableOnce);
            unavailableOnce = Optional.empty();
            envelope.replyHandle().get().reply(codec.encode(busy));
            return;
        }
        ItemStatus status = itemStatus;
        envelope.replyHandle().get().reply(codec.encode(krf.answer(call, Collections.nCopies(call.itemCount(), status))));
        if (status.isSuccess() && !(call instanceof KeyManagementCall.Deregister)) {
            // §6.3.1: MIKEY goes to the source address of the registration, UDP port 2269.
            lastUe = envelope.from().host();
            push(call.btid(), lastUe);
        }
    }

    /** An MSK message for the current MSK, V bit set, under the UE's current MUK. */
    private void push(String bTid, String ueHost) {
        RegisteredMsk msk = currentMsk();
        Optional<MukMrk> keys = mukMrk(bTid);
        if (keys.isEmpty()) {
            return;
        }
        try {
            MskDelivery d = MskDelivery.delivery(CsbId.of(csb++), DOMAIN, msk.ref().mskId(), msk.key(), msk.validity(),
                    registry.nextCounter(ProtectingKey.muk(MukId.of(FQDN, bTid))), msk.rand(), FQDN, bTid, true);
            Bytes datagram = sealer.seal(d, keys.get().muk());
            node.send(Envelope.of(Endpoint.of(FQDN, 2269), Endpoint.of(ueHost, 2269), datagram));
        } finally {
            keys.get().destroy();
        }
    }

    /**
     * A solicited pull to the UE that registered last (§6.3.2.2.4): Key Number 0, keyless KEMAC, V not set,
     * under the MUK of its B-TID.
     */
    void solicitedPull() {
        KeyManagementCall last = calls.get(calls.size() - 1);
        String bTid = last.btid();
        MukMrk keys = mukMrk(bTid).orElseThrow();
        try {
            Bytes datagram = sealer.seal(new SolicitedPull(CsbId.of(csb++), DOMAIN, GROUP,
                    registry.nextCounter(ProtectingKey.muk(MukId.of(FQDN, bTid))),
                    Bytes.ofHex("0f0e0d0c0b0a09080706050403020100"), FQDN, bTid), keys.muk());
            node.send(Envelope.of(Endpoint.of(FQDN, 2269), Endpoint.of(lastUe, 2269), datagram));
        } finally {
            keys.destroy();
        }
    }

    /** The next MTK of the current MSK, to a multicast group (§6.3.3.2.2). */
    void sendMtk(String group) {
        RegisteredMsk msk = currentMsk();
        MtkAllocation.Allocated mtk = (MtkAllocation.Allocated) registry.nextMtk(msk.ref());
        Bytes datagram = sealer.seal(new MtkDelivery(CsbId.of(csb++), DOMAIN, msk.ref().mskId(), mtk.mtkId(),
                msk.serviceType(), mtk.mtk(), mtk.salt(), registry.nextCounter(ProtectingKey.msk(msk.ref())),
                msk.rand()), msk.key());
        node.send(Envelope.of(Endpoint.of(FQDN, 2269), Endpoint.of(group, 2269), datagram));
    }

    /** MUK and MRK of a B-TID for this BM-SC, from the BSF over Zn (ME key management). */
    private Optional<MukMrk> mukMrk(String bTid) {
        NafKeyLookup lookup = bsf.lookUp(BTid.parse(bTid), NafId.forMbms(FQDN));
        if (lookup instanceof NafKeyLookup.Found found) {
            try {
                return Optional.of(found.keys().mukMrk(MbmsKeyManagement.ME));
            } finally {
                found.keys().destroy();
            }
        }
        return Optional.empty();
    }

    static RandomBytes random(long seed) {
        return RandomBytes.seeded(seed);
    }

    private static KeyMaterialSource keys(long seed) {
        Random random = new Random(seed);
        return n -> {
            byte[] b = new byte[n];
            random.nextBytes(b);
            return SecretBytes.wrap(b);
        };
    }

    static String text(Bytes b) {
        return new String(b.toByteArray(), StandardCharsets.US_ASCII);
    }

    List<String> calls() {
        List<String> out = new ArrayList<>();
        calls.forEach(c -> out.add(c.type().requestType()));
        return out;
    }
}
