package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.roles.RolesWorld.LIVE;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;

/**
 * MTK delivery of a streaming session at the BM-SC facade (TS 33.246 §6.3.3.2.2): every resend period the
 * current MTK message goes out again, with the same MTK, so a UE that registers after delivery started has the
 * key within one period; no new MTK is made until the operator asks for the next.
 */
class BmscResendsTheCurrentMtkToLateJoinersTest {

    private static final String GROUP = "239.1.1.1";

    private final RolesWorld world = new RolesWorld();

    private Ue registered(String name) {
        Ue ue = world.ue(name, GROUP);
        ue.announce(RolesWorld.announcement("tv", LIVE, "tv-live", ServiceType.STREAMING));
        ue.powerOn();
        ue.use("tv");
        world.settle();
        return ue;
    }

    private long mtkMessagesSent() {
        return world.sent().stream().filter(c -> c.message().kind() == Message.Kind.DATAGRAM
                && c.message().to().host().equals(GROUP) && c.message().recipient().equals("alice")).count();
    }

    @Test
    void theCurrentMtkIsSentAgainEveryPeriodAndReachesAUeThatRegisteredLater() {
        world.bmsc.defineService("tv", ServiceType.STREAMING, LIVE);
        world.bmsc.defineStreamingSession("tv-live", LIVE, Endpoint.of(GROUP, 5004),
                StreamingSession.of(0x5eed0001L, 0, 10, SrtpAuthentication.RCCM1));
        world.bmsc.rotate(LIVE);
        Ue alice = registered("alice");
        world.bmsc.startMtkDelivery("tv-live");
        world.settle();
        CurrentMtk first = alice.currentMtk("tv", "tv-live").orElseThrow();
        assertThat(mtkMessagesSent()).isEqualTo(1);

        Ue bob = registered("bob");
        assertThat(bob.currentMtk("tv", "tv-live")).isEmpty();
        world.run(Duration.ofSeconds(11));

        assertThat(mtkMessagesSent()).isEqualTo(3);   // at 0, 5 and 10 s
        assertThat(bob.currentMtk("tv", "tv-live")).get()
                .satisfies(m -> assertThat(m.mtkId()).isEqualTo(first.mtkId()));
        assertThat(alice.currentMtk("tv", "tv-live")).get()
                .satisfies(m -> assertThat(m.mtkId()).isEqualTo(first.mtkId()));
    }
}
