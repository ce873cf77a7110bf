package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.roles.RolesWorld.LIVE;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.bmsc.services.UserService;
import org.mbmskeys.mbms.bmsc.services.UserServiceStorage;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * User services are stored: a BM-SC built on the storage of another (a node of the same database, or the same BM-SC
 * after a restart) offers the services defined there, and {@code reloadServices} brings it those defined since.
 */
class BmscNodesShareTheirUserServicesTest {

    private final UserServiceStorage services = UserServiceStorage.inMemory();
    private final KeyRegistryStorage keys = KeyRegistryStorage.inMemory();

    private RolesWorld node() {
        return new RolesWorld(b -> b.userServiceStorage(services).keyStorage(keys));
    }

    @Test
    void aNodeOffersTheServicesAnotherDefinedAndReloadsThoseDefinedLater() {
        RolesWorld a = node();
        a.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);

        RolesWorld b = node();
        assertThat(b.bmsc.services()).containsExactly(UserService.of(ServiceId.of("news"), ServiceType.DOWNLOAD, NEWS));
        assertThat(b.bmsc.keyGroup(NEWS)).as("the Key Group is the shared registry's").isPresent();

        a.bmsc.defineService("tv", ServiceType.STREAMING, LIVE);
        assertThat(b.bmsc.services()).hasSize(1);
        assertThat(b.bmsc.reloadServices()).isEqualTo(1);
        assertThat(b.bmsc.reloadServices()).as("nothing new").isZero();

        // A UE registers to "tv" at node B, which never had it in its own configuration.
        Ue alice = b.ue("alice");
        alice.announce(RolesWorld.announcement("tv", LIVE, "tv-live", ServiceType.STREAMING));
        alice.powerOn();
        alice.use("tv");
        b.settle();
        assertThat(b.outcomes).contains(new UeOutcome.ServiceRegistered("alice", "tv", RolesWorld.BMSC, 200));
        assertThat(b.bmsc.registration(RolesWorld.impi(1))).hasValueSatisfying(r ->
                assertThat(r.services()).containsExactly(ServiceId.of("tv")));
    }
}
