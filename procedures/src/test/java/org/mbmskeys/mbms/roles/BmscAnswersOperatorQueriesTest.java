package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.roles.RolesWorld.LIVE;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.bmsc.keys.KeyGroupRecord;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.ue.Ue;

/**
 * What an operator asks a running BM-SC (the admin API's questions): the registrations of a service page by
 * page, the Key Groups with their MSK IDs, who got one MSK, the streaming sessions and whether MTK delivery runs.
 */
class BmscAnswersOperatorQueriesTest {

    private final RolesWorld world = new RolesWorld();

    private Ue registered(String name, String service, KeyGroupRef group, ServiceType type) {
        Ue ue = world.ue(name);
        ue.announce(RolesWorld.announcement(service, group, service + "-session", type));
        ue.powerOn();
        ue.use(service);
        world.settle();
        return ue;
    }

    @Test
    void theRegistrationsOfAServiceComePageByPageInImpiOrder() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.defineService("tv", ServiceType.STREAMING, LIVE);
        registered("alice", "news", NEWS, ServiceType.DOWNLOAD);
        registered("bob", "tv", LIVE, ServiceType.STREAMING);
        registered("carol", "news", NEWS, ServiceType.DOWNLOAD);

        assertThat(world.bmsc.registeredTo("news", Optional.empty(), 1)).containsExactly(RolesWorld.impi(1));
        assertThat(world.bmsc.registeredTo("news", Optional.of(RolesWorld.impi(1)), 1)).containsExactly(RolesWorld.impi(3));
        assertThat(world.bmsc.registeredTo("news", Optional.of(RolesWorld.impi(3)), 1)).isEmpty();
        assertThat(world.bmsc.registeredTo("news", Optional.empty(), 10)).containsExactly(RolesWorld.impi(1), RolesWorld.impi(3));
        assertThat(world.bmsc.registeredTo("tv", Optional.empty(), 10)).containsExactly(RolesWorld.impi(2));
        assertThat(world.bmsc.registeredTo("weather", Optional.empty(), 10)).isEmpty();
        assertThat(world.bmsc.registrationCount()).isEqualTo(3);
    }

    @Test
    void aPageNeedsRoomForOneRegistrationAndAValidServiceId() {
        assertThatThrownBy(() -> world.bmsc.registeredTo("news", Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> world.bmsc.registeredTo("two words", Optional.empty(), 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyGroupsNameTheirCurrentAndPreviousMskInGroupOrder() {
        KeyGroupRef other = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(0x0001));
        world.bmsc.defineService("tv", ServiceType.STREAMING, LIVE);
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS, other);
        MskRef first = world.bmsc.rotate(NEWS);
        MskRef second = world.bmsc.rotate(NEWS);

        assertThat(world.bmsc.keyGroups()).extracting(g -> KeyGroupRef.of(g.keyDomain(), g.keyGroup()))
                .containsExactly(other, NEWS, LIVE);
        KeyGroupRecord news = world.bmsc.keyGroup(NEWS).orElseThrow();
        assertThat(news.current()).contains(second);
        assertThat(news.previous()).contains(first);
        assertThat(news.serviceType()).isEqualTo(ServiceType.DOWNLOAD);
        assertThat(world.bmsc.keyGroup(LIVE).orElseThrow().current()).isEmpty();
        assertThat(world.bmsc.keyGroup(KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(0x0777)))).isEmpty();
    }

    @Test
    void theDeliveriesOfOneMskNameEveryUeThatGotIt() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef first = world.bmsc.rotate(NEWS);
        registered("alice", "news", NEWS, ServiceType.DOWNLOAD);
        registered("bob", "news", NEWS, ServiceType.DOWNLOAD);
        MskRef second = world.bmsc.rotate(NEWS);
        world.settle();

        assertThat(world.bmsc.deliveries(second)).extracting(DeliveryRecord::impi, DeliveryRecord::outcome)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(RolesWorld.impi(1), DeliveryOutcome.DELIVERED),
                        org.assertj.core.groups.Tuple.tuple(RolesWorld.impi(2), DeliveryOutcome.DELIVERED));
        assertThat(world.bmsc.deliveries(first)).extracting(DeliveryRecord::msk).containsOnly(first).hasSize(2);
        assertThat(world.bmsc.deliveries(MskRef.parse("001-01/01010009"))).isEmpty();
    }

    @Test
    void streamingSessionsAreListedWithTheirKeyGroupAndWhetherMtkDeliveryRuns() {
        world.defineTvLive(SrtpAuthentication.RCCM1);
        world.bmsc.rotate(LIVE);

        assertThat(world.bmsc.streamingSessions()).containsExactly(Map.entry("tv-live", LIVE));
        assertThat(world.bmsc.mtkDeliveryRunning("tv-live")).isFalse();
        world.bmsc.startMtkDelivery("tv-live");
        assertThat(world.bmsc.mtkDeliveryRunning("tv-live")).isTrue();
        world.bmsc.stopMtkDelivery("tv-live");
        assertThat(world.bmsc.mtkDeliveryRunning("tv-live")).isFalse();
        assertThat(world.bmsc.mtkDeliveryRunning("no-such-session")).isFalse();
    }
}
