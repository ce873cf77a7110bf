package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * The operator declares the BM-SC overloaded through its facade: every key management request is answered 503
 * Service Unavailable with {@code Retry-After} before any work, the UE repeats it after that delay (TS 33.246
 * table G.2.4-1), and once the overload ends, by the operator or by itself, the repeated request is served.
 * MIKEY goes on meanwhile.
 */
class BmscOverloadAnswersKeyManagementWith503Test {

    private static Ue using(RolesWorld world, String name) {
        Ue ue = world.ue(name);
        ue.announce(RolesWorld.announcement("news", NEWS, "news-files", ServiceType.DOWNLOAD));
        ue.powerOn();
        ue.use("news");
        return ue;
    }

    private static List<HttpResponseMessage> answersTo(RolesWorld world, String ue) {
        return world.sent().stream().filter(c -> c.message().kind() == Message.Kind.RESPONSE
                        && c.message().sender().equals(RolesWorld.BMSC) && c.message().to().host().equals(ue))
                .map(c -> world.codec.decodeResponse(c.message().bytes())).toList();
    }

    @Test
    void overloadedUntilTheOperatorAcceptsAgainTheUeIsAnswered503AndServedOnItsRepeat() {
        RolesWorld world = new RolesWorld();
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef msk = world.bmsc.rotate(NEWS);
        world.bmsc.overloaded(Duration.ofSeconds(20));
        Ue alice = using(world, "alice");
        world.settle();

        assertThat(answersTo(world, "alice")).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(503);
            assertThat(a.header("Retry-After")).contains("20");
        });
        assertThat(world.bmsc.admission().isOverloaded()).isTrue();
        assertThat(world.bmsc.admission().refused()).isEqualTo(1);
        assertThat(alice.msks("news")).isEmpty();

        world.bmsc.acceptKeyManagement();
        world.run(Duration.ofSeconds(20));

        assertThat(world.bmsc.admission().isOverloaded()).isFalse();
        assertThat(world.bmsc.admission().refused()).isEqualTo(1);
        assertThat(world.outcomes(UeOutcome.ServiceRegistered.class)).extracting(UeOutcome.ServiceRegistered::serviceId)
                .containsExactly("news");
        assertThat(alice.msks("news")).extracting(MskKey::ref).containsExactly(msk);
    }

    @Test
    void overloadedForAPeriodTheUeWaitsTheTimeLeftAndIsServedOnceItEnded() {
        RolesWorld world = new RolesWorld();
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef msk = world.bmsc.rotate(NEWS);
        world.bmsc.overloadedFor(Duration.ofMinutes(1));
        world.run(Duration.ofSeconds(15));
        Ue alice = using(world, "alice");
        world.settle();

        assertThat(answersTo(world, "alice")).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(503);
            assertThat(a.header("Retry-After")).contains("45");
        });
        assertThat(alice.msks("news")).isEmpty();

        world.run(Duration.ofSeconds(45));

        assertThat(world.bmsc.admission().isOverloaded()).isFalse();
        assertThat(world.bmsc.admission().refused()).isEqualTo(1);
        assertThat(alice.msks("news")).extracting(MskKey::ref).containsExactly(msk);
    }

    @Test
    void anOverloadedBmscStillPushesTheNextMskToARegisteredUe() {
        RolesWorld world = new RolesWorld();
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        Ue alice = using(world, "alice");
        world.settle();
        world.bmsc.overloaded(Duration.ofMinutes(5));

        MskRef next = world.bmsc.rotate(NEWS);
        world.run(Duration.ofSeconds(30));

        assertThat(alice.msks("news")).extracting(MskKey::ref).contains(next);
        assertThat(world.bmsc.admission().refused()).isZero();
    }
}
