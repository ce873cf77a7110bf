package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.roles.RolesWorld.LIVE;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretAudit;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;
import org.mbmskeys.mbms.traffic.SrtpMki;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;
import org.mbmskeys.mbms.ue.keys.MskKey;

/**
 * What the {@link Ue} facade hands the application: the MSKs of the service asked about and, for a session, the
 * newest of the two MTKs it keeps (TS 33.246 §6.5.4), or the one a packet's MKI names (§6.6.2.2). The copies it made of every other key are wiped before it
 * returns: only the keys handed out are alive afterwards ({@link SecretAudit}).
 */
class UeHandsOutOnlyTheKeysAskedForTest {

    private static final String GROUP = "239.1.1.1";

    private final RolesWorld world = new RolesWorld();
    private final Ue alice;
    private final MskRef news;
    private final MskRef tv;

    UeHandsOutOnlyTheKeysAskedForTest() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.defineService("tv", ServiceType.STREAMING, LIVE);
        world.bmsc.defineStreamingSession("tv-live", LIVE, Endpoint.of(GROUP, 5004),
                StreamingSession.of(0x5eed0001L, 0, 10, SrtpAuthentication.RCCM1));
        news = world.bmsc.rotate(NEWS);
        tv = world.bmsc.rotate(LIVE);
        alice = world.ue("alice", GROUP);
        alice.announce(RolesWorld.announcement("news", NEWS, "news-files", ServiceType.DOWNLOAD));
        alice.announce(RolesWorld.announcement("tv", LIVE, "tv-live", ServiceType.STREAMING));
        alice.powerOn();
        alice.use("news");
        alice.use("tv");
        world.settle();
    }

    @Test
    void theMsksOfOneServiceAndNoCopyOfTheOthersLeftAlive() {
        try (SecretAudit audit = SecretAudit.begin()) {
            List<MskKey> msks = alice.msks("news");

            assertThat(msks).extracting(MskKey::ref).containsExactly(news);
            assertThat(audit.undestroyed()).as("only the MSK handed out").singleElement()
                    .satisfies(c -> assertThat(c.secret()).isSameAs(msks.get(0).key()));
            msks.get(0).key().destroy();
        }
        assertThat(alice.msks("tv")).extracting(MskKey::ref).containsExactly(tv);
        assertThat(alice.msks("radio")).as("a service never announced").isEmpty();
    }

    @Test
    void theNewestOfTheTwoMtksOfASessionAndNoCopyOfTheOlderLeftAlive() {
        MtkId first = twoMtksOfTheSession();
        assertThat(alice.keyStore().mtks(LIVE.keyDomain(), LIVE.keyGroup())).hasSize(2)
                .allSatisfy(UeHandsOutOnlyTheKeysAskedForTest::idAndWipe);

        try (SecretAudit audit = SecretAudit.begin()) {
            CurrentMtk newest = alice.currentMtk("tv", "tv-live").orElseThrow();

            assertThat(newest.mtkId()).isNotEqualTo(first).isEqualTo(MtkId.of(first.value() + 1));
            assertThat(audit.undestroyed()).extracting(SecretAudit.Created::secret)
                    .as("the newest MTK and its salt, nothing of the older one")
                    .containsExactlyInAnyOrder(newest.key(), newest.salt().orElseThrow());
            idAndWipe(newest);
        }
        assertThat(alice.currentMtk("tv", "news-files")).as("a session the service does not have").isEmpty();
        assertThat(alice.currentMtk("radio", "tv-live")).as("a service never announced").isEmpty();
    }

    @Test
    void afterARotationTheNewestMtkIsTheNewMsksOneThoughItsMtkIdIsLower() {
        world.bmsc.startMtkDelivery("tv-live");
        world.settle();
        world.bmsc.nextMtk("tv-live");
        world.settle();
        MtkId lastOfTheOldMsk = alice.currentMtk("tv", "tv-live").map(UeHandsOutOnlyTheKeysAskedForTest::idAndWipe).orElseThrow();
        MskRef rotated = world.bmsc.rotate(LIVE);
        world.settle();

        world.bmsc.nextMtk("tv-live");   // the new MSK's MTK IDs start again from its own SEQl (TS 33.246 §6.5.4)
        world.settle();

        CurrentMtk newest = alice.currentMtk("tv", "tv-live").orElseThrow();
        assertThat(newest.msk()).isEqualTo(rotated).isNotEqualTo(tv);
        assertThat(Integer.compareUnsigned(newest.mtkId().value(), lastOfTheOldMsk.value())).isNegative();
        idAndWipe(newest);
    }

    /** §6.6.2.2: the SRTP module asks for the MTK of a packet's MKI (MSK ID ‖ MTK ID), the older of the two too. */
    @Test
    void theMtkAnSrtpPacketNamesByItsMkiTheOlderOfTheTwoToo() {
        MtkId first = twoMtksOfTheSession();
        CurrentMtk newest = alice.currentMtk("tv", "tv-live").orElseThrow();

        CurrentMtk older = alice.srtpMtk("tv", "tv-live", SrtpMki.of(tv.mskId(), first).toBytes()).orElseThrow();
        CurrentMtk named = alice.srtpMtk("tv", "tv-live", SrtpMki.of(tv.mskId(), newest.mtkId()).toBytes()).orElseThrow();

        assertThat(older.mtkId()).isEqualTo(first);
        assertThat(older.key()).isNotEqualTo(newest.key());
        assertThat(named.mtkId()).isEqualTo(newest.mtkId());
        assertThat(named.key()).isEqualTo(newest.key()).isNotSameAs(newest.key());
        assertThat(named.salt()).isEqualTo(newest.salt());
        assertThat(named.srtpPolicy()).isPresent();
        List.of(older, named, newest).forEach(UeHandsOutOnlyTheKeysAskedForTest::idAndWipe);

        MtkId ahead = MtkId.of(newest.mtkId().value() + 1);
        assertThat(alice.srtpMtk("tv", "tv-live", SrtpMki.of(tv.mskId(), ahead).toBytes())).as("an MTK not received yet")
                .isEmpty();
        assertThat(alice.srtpMtk("news", "news-files", SrtpMki.of(tv.mskId(), first).toBytes()))
                .as("an MKI of another Key Group than the session's").isEmpty();
        assertThat(alice.srtpMtk("tv", "radio-live", SrtpMki.of(tv.mskId(), first).toBytes())).as("no such session")
                .isEmpty();
        assertThatThrownBy(() -> alice.srtpMtk("tv", "tv-live", Bytes.ofHex("0101000100"))).as("5 bytes")
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Starts MTK delivery of "tv-live" and moves it to its next MTK; the ID of the first MTK. */
    private MtkId twoMtksOfTheSession() {
        world.bmsc.startMtkDelivery("tv-live");
        world.settle();
        MtkId first = alice.currentMtk("tv", "tv-live").map(UeHandsOutOnlyTheKeysAskedForTest::idAndWipe).orElseThrow();
        world.bmsc.nextMtk("tv-live");
        world.settle();
        return first;
    }

    private static MtkId idAndWipe(CurrentMtk m) {
        m.key().destroy();
        m.salt().ifPresent(SecretBytes::destroy);
        return m.mtkId();
    }
}
