package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * A registration or deregistration authenticated under a MUK past the BM-SC MUK lifetime is answered with a
 * Bootstrapping Renegotiation Request (401 with a fresh challenge, TS 33.246 §6.3.2.2.4, TS 33.220 §4.5.3) and
 * nothing of it is done; the UE runs GBA again and the same request under its new B-TID is served.
 */
class BmscRenegotiatesEveryRequestUnderAnExpiredMukTest {

    private static final KeyGroupRef SPORT = KeyGroupRef.of(RolesWorld.DOMAIN, KeyGroup.of(0x0303));

    private static Ue registered(RolesWorld world, String name) {
        Ue ue = world.ue(name);
        ue.announce(RolesWorld.announcement("news", NEWS, "news-files", ServiceType.DOWNLOAD));
        ue.announce(RolesWorld.announcement("sport", SPORT, "sport-files", ServiceType.DOWNLOAD));
        ue.powerOn();
        ue.use("news");
        world.settle();
        return ue;
    }

    private static RolesWorld withExpiredMuk() {
        RolesWorld world = new RolesWorld(b -> b.mukLifetime(Duration.ofHours(1)));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.defineService("sport", ServiceType.DOWNLOAD, SPORT);
        world.bmsc.rotate(NEWS);
        world.bmsc.rotate(SPORT);
        return world;
    }

    private static List<Integer> statusesTo(RolesWorld world, String ue, int from) {
        List<HttpResponseMessage> answers = world.sent().stream().skip(from)
                .filter(c -> c.message().kind() == Message.Kind.RESPONSE && c.message().to().host().equals(ue))
                .map(c -> world.codec.decodeResponse(c.message().bytes())).toList();
        return answers.stream().map(HttpResponseMessage::status).toList();
    }

    @Test
    void aRegistrationUnderAnExpiredMukIsRenegotiatedThenServedUnderTheNewBTid() {
        RolesWorld world = withExpiredMuk();
        Ue alice = registered(world, "alice");
        world.run(Duration.ofHours(2));
        int bootstrappings = world.bsf.bootstrappings(RolesWorld.impi(1)).size();
        int sent = world.sent().size();
        world.outcomes.clear();

        alice.use("sport");
        world.run(Duration.ofSeconds(30));

        assertThat(world.bsf.bootstrappings(RolesWorld.impi(1))).hasSize(bootstrappings + 1);
        // 401s (a stale nonce, the renegotiation, the first challenge under the new B-TID), then the request is served
        assertThat(statusesTo(world, "alice", sent)).containsOnly(401, 200).endsWith(200).containsOnlyOnce(200);
        assertThat(world.outcomes(UeOutcome.ServiceRegistered.class)).extracting(UeOutcome.ServiceRegistered::serviceId)
                .containsExactly("sport");
        assertThat(alice.msks("sport")).hasSize(1);
    }

    @Test
    void aDeregistrationUnderAnExpiredMukIsRenegotiatedThenServedUnderTheNewBTid() {
        RolesWorld world = withExpiredMuk();
        Ue alice = registered(world, "alice");
        world.run(Duration.ofHours(2));
        int bootstrappings = world.bsf.bootstrappings(RolesWorld.impi(1)).size();
        int sent = world.sent().size();
        world.outcomes.clear();

        alice.leave("news");
        world.run(Duration.ofSeconds(30));

        assertThat(world.bsf.bootstrappings(RolesWorld.impi(1))).hasSize(bootstrappings + 1);
        // 401s (a stale nonce, the renegotiation, the first challenge under the new B-TID), then the request is served
        assertThat(statusesTo(world, "alice", sent)).containsOnly(401, 200).endsWith(200).containsOnlyOnce(200);
        assertThat(world.outcomes(UeOutcome.ServiceDeregistered.class)).extracting(UeOutcome.ServiceDeregistered::serviceId)
                .containsExactly("news");
        assertThat(world.bmsc.registration(RolesWorld.impi(1))).isEmpty();
    }
}
