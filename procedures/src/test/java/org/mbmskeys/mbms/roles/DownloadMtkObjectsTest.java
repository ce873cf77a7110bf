package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.DownloadMtk;
import org.mbmskeys.mbms.bmsc.distribution.MtkStep;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;
import org.mbmskeys.mbms.ue.procedure.MikeyDatagram;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;
import org.mbmskeys.mbms.mikey.protection.MikeyRejection;
import org.mbmskeys.mbms.ue.reception.Reception;

/**
 * Download MTKs (TS 33.246 §6.3.3.2.1): the BM-SC makes, per file of a download session, the MTK message as an
 * application/mikey object; the UE's download client hands the object to the UE, which takes the MTK like one
 * received over UDP (§6.4.6.2, §6.5.4), and takes nothing but an MTK message that way.
 */
class DownloadMtkObjectsTest {

    private static final KeyGroupRef MAPS = RolesWorld.NEWS;

    private final RolesWorld world = new RolesWorld();

    private Ue registeredToWeather(String name) {
        world.bmsc.defineService("weather", ServiceType.DOWNLOAD, MAPS);
        Ue ue = world.ue(name);
        ue.announce(RolesWorld.announcement("weather", MAPS, "maps", ServiceType.DOWNLOAD));
        ue.powerOn();
        ue.use("weather");
        world.settle();
        return ue;
    }

    @Test
    void theObjectOfAFileCarriesTheNextMtkAndTheUeTakesIt() {
        Ue alice = registeredToWeather("alice");
        MskRef msk = world.bmsc.rotate(MAPS);
        world.settle();
        world.bmsc.defineDownloadSession("maps", MAPS);
        int sentBefore = world.sent().size();

        DownloadMtk first = world.bmsc.downloadMtk("maps", "map.bin");
        DownloadMtk second = world.bmsc.downloadMtk("maps", "map2.bin");

        assertThat(world.sent()).as("the BM-SC sends no object itself").hasSize(sentBefore);
        assertThat(first).isInstanceOfSatisfying(DownloadMtk.Ready.class, r -> {
            assertThat(r.object().mediaType()).isEqualTo("application/mikey");
            assertThat(r.object().protects()).isEqualTo("map.bin");
            assertThat(r.msk()).isEqualTo(msk);
        });
        DownloadMtk.Ready ready = (DownloadMtk.Ready) first;
        assertThat(((DownloadMtk.Ready) second).mtkId().value()).as("MTK IDs only go up (§6.3.3.1)")
                .isGreaterThan(ready.mtkId().value());

        alice.receiveMikeyObject("application/mikey", ready.object().content());
        world.settle();

        assertThat(world.outcomes(UeOutcome.MtkReceived.class)).singleElement().satisfies(m -> {
            assertThat(m.ue()).isEqualTo("alice");
            assertThat(m.msk()).isEqualTo(msk);
            assertThat(m.mtkId()).isEqualTo(ready.mtkId());
        });
        CurrentMtk held = alice.currentMtk("weather", "maps").orElseThrow();
        assertThat(held.mtkId()).isEqualTo(ready.mtkId());
        assertThat(held.salt()).as("a download MTK has no salt (§6.4.5.3)").isEmpty();
        held.key().destroy();
    }

    @Test
    void aChangedObjectIsDiscardedAndNothingIsSentBack() {
        Ue alice = registeredToWeather("alice");
        world.bmsc.rotate(MAPS);
        world.settle();
        world.bmsc.defineDownloadSession("maps", MAPS);
        Bytes content = ((DownloadMtk.Ready) world.bmsc.downloadMtk("maps", "map.bin")).object().content();
        int sentBefore = world.sent().size();

        alice.receiveMikeyObject("application/mikey; charset=binary", content.withByteXored(content.length() - 1, 0x01));
        world.settle();

        assertThat(world.outcomes(UeOutcome.MtkReceived.class)).isEmpty();
        assertThat(world.outcomes(UeOutcome.DatagramDiscarded.class)).singleElement()
                .satisfies(d -> assertThat(d.from()).isEqualTo(MikeyDatagram.DOWNLOAD_OBJECT));
        assertThat(alice.currentMtk("weather", "maps")).isEmpty();
        assertThat(world.sent()).hasSize(sentBefore);
    }

    @Test
    void anMskMessageHandedOverAsAnObjectIsNotTaken() {
        Ue alice = registeredToWeather("alice");
        world.bmsc.rotate(MAPS);
        world.settle();
        List<Bytes> pushes = world.sent().stream().filter(c -> c.message().kind() == org.mbmskeys.adapters.memory.Message.Kind.DATAGRAM
                && c.message().recipient().equals("alice")).map(c -> c.message().bytes()).toList();
        assertThat(pushes).isNotEmpty();
        world.outcomes.clear();

        alice.receiveMikeyObject("application/mikey", pushes.get(pushes.size() - 1));
        world.settle();

        assertThat(world.outcomes(UeOutcome.DatagramDiscarded.class)).singleElement().satisfies(d -> {
            assertThat(d.stage()).isEqualTo(Reception.Stage.READ);
            assertThat(d.reason()).isEqualTo(MikeyRejection.UNEXPECTED_MESSAGE);
        });
        assertThat(world.outcomes(UeOutcome.MskReceived.class)).isEmpty();
    }

    @Test
    void onlyMikeyObjectsAreTaken() {
        Ue alice = world.ue("alice");

        assertThatThrownBy(() -> alice.receiveMikeyObject("application/octet-stream", Bytes.ofHex("01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("application/mikey");
        assertThatThrownBy(() -> alice.receiveMikeyObject("application/mikey", Bytes.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutACurrentMskThereIsNoMtkAndNothingIsAllocated() {
        world.bmsc.defineService("weather", ServiceType.DOWNLOAD, MAPS);
        world.bmsc.defineDownloadSession("maps", MAPS);

        assertThat(world.bmsc.downloadMtk("maps", "map.bin")).isInstanceOfSatisfying(DownloadMtk.NoMtk.class,
                n -> assertThat(n.reason()).isInstanceOf(MtkStep.NoCurrentMsk.class));
        world.bmsc.rotate(MAPS);
        assertThat(world.bmsc.downloadMtk("maps", "map.bin")).isInstanceOfSatisfying(DownloadMtk.Ready.class,
                r -> assertThat(r.mtkId().value()).as("the first MTK ID above SEQl (§6.3.3.1)").isEqualTo(1));
    }

    @Test
    void aDownloadSessionNeedsADownloadKeyGroupANameOfItsOwnAndAFile() {
        KeyGroupRef live = KeyGroupRef.of(RolesWorld.DOMAIN, KeyGroup.of(0x0303));
        world.bmsc.defineService("weather", ServiceType.DOWNLOAD, MAPS);
        world.bmsc.defineService("live", ServiceType.STREAMING, live);
        world.bmsc.defineStreamingSession("live-rtp", live, Endpoint.of("239.1.1.1", 5004),
                StreamingSession.of(0x5eed0001L, 0, 10, SrtpAuthentication.RCCM1));

        assertThatThrownBy(() -> world.bmsc.defineDownloadSession("live-files", live))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STREAMING");
        assertThatThrownBy(() -> world.bmsc.defineDownloadSession("live-rtp", MAPS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("streaming session");
        assertThatThrownBy(() -> world.bmsc.downloadMtk("live-rtp", "map.bin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no download session");
        assertThatThrownBy(() -> world.bmsc.defineDownloadSession(" ", MAPS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a name");
        world.bmsc.defineDownloadSession("maps", MAPS);
        assertThatThrownBy(() -> world.bmsc.downloadMtk("maps", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name the file");
        assertThatThrownBy(() -> world.bmsc.defineStreamingSession("maps", live, Endpoint.of("239.1.1.2", 5004),
                StreamingSession.of(0x5eed0002L, 0, 10, SrtpAuthentication.RCCM1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("download session");
    }
}
