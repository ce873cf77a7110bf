package org.mbmskeys.features.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.features.wire.LoopbackLab.NEWS;
import static org.mbmskeys.features.wire.LoopbackLab.SERVICE;
import static org.mbmskeys.features.wire.LoopbackLab.await;
import static org.mbmskeys.features.wire.LoopbackLab.impi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.udp.UdpTransport;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * A BM-SC and UEs running their shipped scripts over real sockets on the loopback interface, on the system
 * clock: registration with Digest over HTTP/1.1 on TCP, the MSK push and its verification message over UDP,
 * MTK messages to a multicast group joined on {@code lo}. The bytes are the ones the in-memory features check;
 * here they cross the operating system. Waits are for the roles' own events, with a time-out.
 */
class RolesOverLoopbackSocketsTest {

    private static final Endpoint RTP = Endpoint.of("239.255.22.69", 5004);

    private LoopbackLab lab;

    @AfterEach
    void close() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aUeRegistersOverHttpGetsTheMskPushedOverUdpAcknowledgesItAndTakesTheSessionsMtksFromTheGroup()
            throws Exception {
        lab = new LoopbackLab(b -> { });
        lab.bmsc.defineService(SERVICE, ServiceType.STREAMING, NEWS);
        lab.bmsc.defineStreamingSession("news-live", NEWS, RTP, StreamingSession.of(0x5eed5eedL, 0, 10, SrtpAuthentication.RCCM1));
        MskRef msk = lab.bmsc.rotate(NEWS);
        // The UE on a loopback address of its own: the BM-SC sends MIKEY to the address the registration came
        // from, on port 2269 (TS 33.246 §6.3.1), so the UE's HTTP client connects from there too.
        UdpTransport udp = lab.ueSocket("127.0.0.2", UdpTransport.MIKEY_PORT);
        udp.join(Endpoint.of(RTP.host(), UdpTransport.MIKEY_PORT));
        Ue ue = lab.ue("alice", 1, udp, "127.0.0.2", b -> { });

        // The push (UDP) may overtake the registration's 200 (TCP): take the two events in either order.
        UeOutcome[] pushed = new UeOutcome[1];
        boolean[] registered = new boolean[1];
        await(lab.atUes, o -> {
            registered[0] |= o instanceof UeOutcome.ServiceRegistered;
            if (o instanceof UeOutcome.MskReceived r && r.msk().equals(msk)) {
                pushed[0] = o;
            }
            return registered[0] && pushed[0] != null;
        });
        await(lab.bmscEnded, i -> i.procedure().equals("bmsc.msk-push"));

        assertThat(((UeOutcome.MskReceived) pushed[0]).verificationSent()).isTrue();
        assertThat(ue.msks(SERVICE)).extracting(MskKey::ref).containsExactly(msk);
        assertThat(lab.bmsc.registration(impi(1))).hasValueSatisfying(r -> assertThat(r.source().host()).isEqualTo("127.0.0.2"));
        assertThat(lab.bmsc.deliveries(impi(1))).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(DeliveryOutcome.DELIVERED));

        lab.bmsc.startMtkDelivery("news-live");
        await(lab.atUes, o -> o instanceof UeOutcome.MtkReceived m && m.msk().equals(msk));

        assertThat(ue.currentMtk(SERVICE, "news-live")).isPresent();
        assertThat(lab.bmscHttp.counters().refused()).isEmpty();
        assertThat(lab.bmscHttp.counters().requests()).isGreaterThanOrEqualTo(2);   // the challenge, then the credentials
        assertThat(lab.bmscUdp.counters().droppedTotal()).isZero();
        assertThat(udp.counters().droppedTotal()).isZero();
        assertThat(udp.counters().received()).isGreaterThanOrEqualTo(2);   // the push, an MTK message
    }

    @Test
    void uesBehindOneAddressEachStateTheirMikeyPortAndEachGetsItsOwnPushThere() throws Exception {
        lab = new LoopbackLab(b -> { });
        lab.bmsc.defineService(SERVICE, ServiceType.STREAMING, NEWS);
        lab.bmsc.defineStreamingSession("news-live", NEWS, RTP, StreamingSession.of(0x5eed5eedL, 0, 10, SrtpAuthentication.RCCM1));
        MskRef msk = lab.bmsc.rotate(NEWS);
        UdpTransport aliceUdp = lab.ueSocket("127.0.0.3", 0);
        UdpTransport bobUdp = lab.ueSocket("127.0.0.3", 0);
        int alicePort = aliceUdp.localEndpoint().port();
        int bobPort = bobUdp.localEndpoint().port();
        lab.ue("alice", 1, aliceUdp, "127.0.0.3", b -> b.mikeyPort(alicePort));
        lab.ue("bob", 2, bobUdp, "127.0.0.3", b -> b.mikeyPort(bobPort));

        java.util.Set<String> pushed = new java.util.HashSet<>();
        await(lab.atUes, o -> o instanceof UeOutcome.MskReceived r && r.msk().equals(msk) && pushed.add(r.ue())
                && pushed.size() == 2);

        assertThat(lab.bmsc.registration(impi(1)).orElseThrow().mikeyDestination(UdpTransport.MIKEY_PORT))
                .isEqualTo(Endpoint.of("127.0.0.3", alicePort));
        assertThat(lab.bmsc.registration(impi(2)).orElseThrow().mikeyDestination(UdpTransport.MIKEY_PORT))
                .isEqualTo(Endpoint.of("127.0.0.3", bobPort));
        assertThat(aliceUdp.counters().received()).isEqualTo(1);
        assertThat(bobUdp.counters().received()).isEqualTo(1);
    }
}
