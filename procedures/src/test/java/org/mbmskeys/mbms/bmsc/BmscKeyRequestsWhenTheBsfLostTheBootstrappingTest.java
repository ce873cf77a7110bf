package org.mbmskeys.mbms.bmsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.HttpCodec;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecordStorage;
import org.mbmskeys.mbms.bmsc.distribution.KeyDistribution;
import org.mbmskeys.mbms.bmsc.distribution.UeKeys;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementCall;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementInbound;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistry;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;
import org.mbmskeys.mbms.bmsc.procedure.KeyRequestArrived;
import org.mbmskeys.mbms.bmsc.procedure.KeyRequests;
import org.mbmskeys.mbms.bmsc.registrations.RegistrationStorage;
import org.mbmskeys.mbms.bmsc.registrations.Registrations;
import org.mbmskeys.mbms.bmsc.services.Membership;
import org.mbmskeys.mbms.bmsc.services.UserServices;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.keymanagement.KeyManagementPeers;
import org.mbmskeys.mbms.keymanagement.xml.DeregistrationRequest;
import org.mbmskeys.mbms.keymanagement.xml.MskRequestBody;
import org.mbmskeys.mbms.keymanagement.xml.RegistrationRequest;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementExchange;

/**
 * Digest accepted a request, but by the time its procedure looks up the UE's MUK the BSF no longer knows the
 * bootstrapping (Zn answers "unknown B-TID"): whatever the request, nothing of it is done and it is answered 503,
 * which the UE repeats (TS 33.246 table G.2.4-1); no UE is named, nothing is pushed or invalidated.
 */
class BmscKeyRequestsWhenTheBsfLostTheBootstrappingTest {

    private static final Endpoint UE = Endpoint.of("10.0.0.1", 40000);

    private final KeyManagementPeers peers = new KeyManagementPeers();
    private final HttpCodec codec = HttpWire.codec();
    private final UeKeys ueKeys = UeKeys.builder((bTid, nafId) -> new NafKeyLookup.UnknownBTid(bTid),
            NafId.forMbms(KeyManagementPeers.BMSC_FQDN), peers.clock).build();
    private final Registrations registrations = Registrations.create(RegistrationStorage.inMemory(), new UserServices(),
            Membership.open());
    private final KeyRegistry registry = KeyRegistry.create(KeyRegistryStorage.inMemory(), n -> {
        byte[] b = new byte[n];
        new Random(1).nextBytes(b);
        return SecretBytes.wrap(b);
    });
    private final BmscKeyRequests requests = new BmscKeyRequests(peers.bmsc, codec, ueKeys, registrations, registry,
            new BmscKeyDelivery(new KeyDistribution(registry, ueKeys, group -> Optional.empty(), n -> Bytes.wrap(new byte[n]),
                    CryptoSuite.jca()), ueKeys, registry, registrations, DeliveryRecordStorage.inMemory(10), Endpoint.of("bmsc", 2269),
                    peers.clock, Map.of(), TrafficProtection.NONE), peers.clock);

    /** The request the UE signed once the first one drew the challenge, as the Key Request Function let it in. */
    private KeyRequestArrived authenticated(KeyManagementExchange first) {
        peers.ue.interpret(first, ((KeyManagementInbound.Refused) peers.bmsc.receive(first.request())).response());
        KeyManagementCall call = (KeyManagementCall) peers.bmsc.receive(peers.ue.resend(first).request());
        return new KeyRequestArrived(UE, call);
    }

    private void assertUnavailable(KeyRequests.Answer answer) {
        assertThat(codec.decodeResponse(answer.response()).status()).isEqualTo(503);
        assertThat(answer.ue()).isEmpty();
        assertThat(answer.deliver()).isEmpty();
        assertThat(answer.invalidate()).isEmpty();
        assertThat(answer.pulled()).isEmpty();
    }

    @Test
    void aRegistrationIsAnswered503AndRegistersNothing() {
        assertUnavailable(requests.register(authenticated(peers.ue.register(RegistrationRequest.of("urn:3gpp:mbms:s1")))));
        assertThat(registrations.count()).isZero();
    }

    @Test
    void aDeregistrationIsAnswered503() {
        assertUnavailable(requests.deregister(authenticated(peers.ue.deregister(DeregistrationRequest.of("urn:3gpp:mbms:s1")))));
    }

    @Test
    void anMskRequestIsAnswered503() {
        MskRef msk = MskRef.of(KeyDomainId.parse("001-01"), MskId.of(1, 0));
        assertUnavailable(requests.mskRequest(authenticated(peers.ue.requestMsks(MskRequestBody.of(msk)))));
    }
}
