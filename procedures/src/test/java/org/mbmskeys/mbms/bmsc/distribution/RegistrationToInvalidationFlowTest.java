package org.mbmskeys.mbms.bmsc.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.BTID_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.DOMAIN;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.DOWNLOAD;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.IMPI_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.KS_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.STREAMING;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.registrations.DeregistrationResult;
import org.mbmskeys.mbms.bmsc.registrations.RegistrationResult;
import org.mbmskeys.mbms.bmsc.registrations.RegistrationStorage;
import org.mbmskeys.mbms.bmsc.registrations.Registrations;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.bmsc.services.Membership;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.bmsc.services.UserService;
import org.mbmskeys.mbms.bmsc.services.UserServices;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * The BM-SC pieces wired the way a facade would (TS 33.246 §6.3.2.1A → §6.3.2.3.1 → §6.3.2.1B): a UE
 * registers from its address, the BM-SC learns its MUK, pushes the MSKs of the registered services there
 * with the V bit, checks each ACK and records the delivery; at deregistration it invalidates only the Key
 * Group no remaining service uses.
 */
class RegistrationToInvalidationFlowTest {

    private static final ServiceId NEWS = ServiceId.of("urn:example:news");
    private static final ServiceId SPORT = ServiceId.of("urn:example:sport");

    @Test
    void registerPushAcknowledgeRecordDeregisterInvalidate() {
        BmscFixture bmsc = new BmscFixture();
        UserServices services = new UserServices();
        services.define(UserService.of(NEWS, ServiceType.DOWNLOAD, DOWNLOAD));
        services.define(UserService.of(SPORT, ServiceType.STREAMING, DOWNLOAD, STREAMING));
        Registrations registrations = Registrations.create(RegistrationStorage.inMemory(), services, Membership.open());
        DeliveryRecordStorage records = DeliveryRecordStorage.inMemory(100);
        TestUe ue = BmscFixture.ue(BTID_A, KS_A);

        // Registration (after HTTP Digest accepted B-TID A; the BSF said it is IMPI A).
        KnownMuk muk = ((MukLookup.Known) bmsc.ueKeys.lookUp(BTID_A)).muk();
        RegistrationResult registered = registrations.register(muk.impi(), BTID_A, Endpoint.of("10.0.0.1", 40000),
                List.of(NEWS, SPORT));
        assertThat(registrations.mukDerived(muk.impi(), muk.asLastMuk())).isTrue();
        assertThat(registered.keyGroupsToDeliver()).containsExactlyInAnyOrder(DOWNLOAD, STREAMING);

        // MSK delivery to the registration's address, acknowledged and recorded.
        Recipient recipient = new Recipient(IMPI_A, registrations.mikeyDestination(IMPI_A).orElseThrow());
        assertThat(recipient.to()).isEqualTo(Endpoint.of("10.0.0.1", 2269));
        List<MskRef> delivered = new ArrayList<>();
        for (KeyGroupRef group : List.of(DOWNLOAD, STREAMING)) {
            PreparedPush push = bmsc.distribution.push(recipient, group.current(), true).orElseThrow();
            Bytes ack = ue.receiveMsk(push.datagram()).ack().orElseThrow();
            AckCheck check = bmsc.distribution.checkAck(push, ack);
            records.add(DeliveryRecord.acknowledged(push, (AckCheck.Acknowledged) check, bmsc.clock.instant()));
            delivered.add(push.msk());
        }
        assertThat(ue.store.msks()).hasSize(2);
        assertThat(registrations.isAuthorizedFor(IMPI_A, DOMAIN, STREAMING.current().mskId())).isTrue();

        // Deregistration from SPORT: DOWNLOAD is still used by NEWS, STREAMING is not.
        DeregistrationResult deregistered = registrations.deregister(IMPI_A, BTID_A, List.of(SPORT));
        assertThat(deregistered.keyGroupsToInvalidate()).isEqualTo(Set.of(STREAMING));
        for (KeyGroupRef group : deregistered.keyGroupsToInvalidate()) {
            for (Preparation<PreparedPush> p : bmsc.distribution.invalidateGroup(recipient, group, false)) {
                PreparedPush invalidation = p.orElseThrow();
                assertThat(ue.receiveMsk(invalidation.datagram()).accepted()).isTrue();
                records.add(DeliveryRecord.unacknowledged(invalidation));
            }
        }

        assertThat(ue.store.msks()).extracting(m -> m.ref()).containsExactly(delivered.get(0));
        assertThat(registrations.isAuthorizedFor(IMPI_A, DOMAIN, STREAMING.current().mskId())).isFalse();
        assertThat(records.byUe(IMPI_A, 100)).extracting(DeliveryRecord::outcome).containsExactly(
                DeliveryOutcome.DELIVERED, DeliveryOutcome.DELIVERED, DeliveryOutcome.INVALIDATED);
        assertThat(records.byMsk(delivered.get(1), 100)).hasSize(2);
    }
}
