package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mbmskeys.mbms.roles.RolesWorld.DOMAIN;
import static org.mbmskeys.mbms.roles.RolesWorld.LIVE;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keymanagement.xml.MskStatus;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * The BM-SC's answer to a Basic MSK request, one status per MSK (TS 33.246 §6.3.2.2.1, G.2.4): 200 and a
 * delivery for an MSK the registry holds (the current one, named by Key Number 0 or by its own, or the previous
 * one), 403 for an MSK of a Key Group no registered service of the UE uses, 503 for one that does not exist
 * (yet); a request from a UE that is registered nowhere is forbidden item by item.
 */
class BmscAnswersEachMskOfARequestTest {

    private final RolesWorld world = new RolesWorld();

    private Ue registered(String name) {
        Ue ue = world.ue(name);
        ue.announce(RolesWorld.announcement("news", NEWS, "news-files", ServiceType.DOWNLOAD));
        ue.powerOn();
        ue.use("news");
        world.settle();
        return ue;
    }

    private static MskRef news(int keyNumber) {
        return MskRef.of(DOMAIN, MskId.of(NEWS.keyGroup(), keyNumber));
    }

    private List<MskStatus> ask(Ue ue, MskRef... msks) {
        world.outcomes.clear();
        ue.requestMsks(RolesWorld.BMSC, List.of(msks));
        world.run(Duration.ofSeconds(30));
        return world.outcomes(UeOutcome.MskRequestAnswered.class).get(0).statuses();
    }

    @Test
    void eachMskIsAnsweredByWhetherTheRegistryHoldsItAndTheUeMayHaveIt() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.defineService("sport", ServiceType.DOWNLOAD, LIVE);
        MskRef first = world.bmsc.rotate(NEWS);
        MskRef second = world.bmsc.rotate(NEWS);
        MskRef sport = world.bmsc.rotate(LIVE);
        Ue alice = registered("alice");

        List<MskStatus> statuses = ask(alice, first, second, news(0x77), sport);

        assertThat(statuses).extracting(MskStatus::msk, MskStatus::status).containsExactly(
                tuple(first, ItemStatus.OK), tuple(second, ItemStatus.OK),
                tuple(news(0x77), ItemStatus.SERVICE_UNAVAILABLE), tuple(sport, ItemStatus.FORBIDDEN));
        assertThat(alice.msks("news")).extracting(MskKey::ref).contains(first, second);
        assertThat(alice.keyStore().msks()).extracting(MskKey::ref).doesNotContain(sport);
    }

    @Test
    void theCurrentMarkerIsAnsweredWith503BeforeTheFirstRotationAndWithTheCurrentMskAfter() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        Ue alice = registered("alice");

        assertThat(ask(alice, news(MskId.CURRENT))).extracting(MskStatus::status).containsExactly(ItemStatus.SERVICE_UNAVAILABLE);

        world.bmsc.rekeying(org.mbmskeys.mbms.bmsc.Bmsc.Rekeying.ON_REQUEST);
        MskRef msk = world.bmsc.rotate(NEWS);
        assertThat(ask(alice, news(MskId.CURRENT))).extracting(MskStatus::status).containsExactly(ItemStatus.OK);
        assertThat(alice.msks("news")).extracting(MskKey::ref).containsExactly(msk);
    }

    @Test
    void aUeRegisteredNowhereIsForbiddenEveryMsk() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef msk = world.bmsc.rotate(NEWS);
        Ue alice = world.ue("alice");
        alice.announce(RolesWorld.announcement("news", NEWS, "news-files", ServiceType.DOWNLOAD));
        alice.powerOn();
        world.settle();

        assertThat(ask(alice, msk)).extracting(MskStatus::status).containsExactly(ItemStatus.FORBIDDEN);
        assertThat(alice.keyStore().msks()).isEmpty();
    }
}
