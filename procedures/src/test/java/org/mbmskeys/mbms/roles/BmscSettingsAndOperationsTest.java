package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.roles.RolesWorld.LIVE;
import static org.mbmskeys.mbms.roles.RolesWorld.NEWS;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.adapters.memory.Fault;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.adapters.memory.Selector;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;
import org.mbmskeys.mbms.gba.Bootstrapping;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.NafKeyMaterial;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.crypto.CountingCryptoSuite;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * BM-SC builder settings and operations that {@code BmscSettingsAndOperatorActionsReachTheUeTest} and the other
 * facade tests leave out: a push rotation carries the MSK (the UE asks for nothing, TS 33.246 §6.3.2.3.1), a
 * validity update reaches the UE, MTK delivery stops (§6.3.3.2), the configured crypto suite and key storage are
 * the ones used, an overriding script is the one that runs, and the NAF keys fetched over Zn are wiped once the
 * Digest password is made.
 */
class BmscSettingsAndOperationsTest {

    @TempDir
    Path folder;

    private static Ue registered(RolesWorld world, String name, String... joins) {
        Ue ue = world.ue(name, joins);
        ue.announce(RolesWorld.announcement("news", NEWS, "news-files", ServiceType.DOWNLOAD));
        ue.powerOn();
        ue.use("news");
        world.settle();
        return ue;
    }

    private static long requestsFrom(RolesWorld world, String ue) {
        return world.sent().stream().filter(c -> c.message().kind() == Message.Kind.REQUEST && c.message().sender().equals(ue))
                .count();
    }

    private static long datagramsTo(RolesWorld world, String group) {
        return world.sent().stream().filter(c -> c.message().kind() == Message.Kind.DATAGRAM
                && c.message().to().host().equals(group)).count();
    }

    // ------------------------------------------------------------------------------------ rotations

    @Test
    void aPushRotationCarriesTheMskItselfSoTheUeAsksForNothing() {
        RolesWorld world = new RolesWorld();
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        registered(world, "alice");
        long requests = requestsFrom(world, "alice");

        MskRef next = world.bmsc.rotate(NEWS);
        world.run(Duration.ofSeconds(30));

        assertThat(requestsFrom(world, "alice")).isEqualTo(requests);
        assertThat(world.outcomes(UeOutcome.MskReceived.class)).extracting(UeOutcome.MskReceived::msk).contains(next);
    }

    @Test
    void aValidityUpdateReachesEveryUeOfTheKeyGroup() {
        RolesWorld world = new RolesWorld();
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef msk = world.bmsc.rotate(NEWS);
        Ue alice = registered(world, "alice");

        world.bmsc.updateValidity(msk, KeyValidity.of(100, 200));
        world.run(Duration.ofSeconds(5));

        assertThat(alice.msks("news")).singleElement()
                .satisfies(k -> assertThat(k.validity()).isEqualTo(KeyValidity.of(100, 200)));
    }

    // ------------------------------------------------------------------------------------ MTK delivery

    @Test
    void mtkDeliveryStoppedSendsNothingMore() {
        RolesWorld world = new RolesWorld();
        world.defineTvLive(SrtpAuthentication.RCCM1);
        world.bmsc.rotate(LIVE);
        Ue alice = world.ue("alice", "239.1.1.1");
        alice.announce(RolesWorld.announcement("tv", LIVE, "tv-live", ServiceType.STREAMING));
        alice.powerOn();
        alice.use("tv");
        world.settle();

        world.bmsc.startMtkDelivery("tv-live");
        world.run(Duration.ofSeconds(11));   // the first MTK, resent at 5 and 10 s
        assertThat(alice.currentMtk("tv", "tv-live")).isPresent();
        long sent = datagramsTo(world, "239.1.1.1");
        assertThat(sent).isEqualTo(3);

        world.bmsc.stopMtkDelivery("tv-live");
        world.run(Duration.ofMinutes(1));

        assertThat(datagramsTo(world, "239.1.1.1")).isEqualTo(sent);
    }

    // ------------------------------------------------------------------------------------ builder settings

    @Test
    void theConfiguredCryptoSuiteAndKeyStorageAreTheOnesUsed() {
        CountingCryptoSuite counting = new CountingCryptoSuite();
        KeyRegistryStorage storage = KeyRegistryStorage.inMemory();
        RolesWorld world = new RolesWorld(b -> b.cryptoSuite(counting).keyStorage(storage));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);

        MskRef msk = world.bmsc.rotate(NEWS);
        assertThat(storage.group(NEWS.keyDomain(), NEWS.keyGroup())).get()
                .satisfies(g -> assertThat(g.current()).contains(msk));
        assertThat(storage.msk(msk)).isPresent();
        assertThat(counting.calls()).hasValue(0);

        Ue alice = registered(world, "alice");
        assertThat(alice.msks("news")).extracting(MskKey::ref).containsExactly(msk);
        assertThat(counting.calls().get()).isPositive();   // the push was sealed and its verification message checked with it
    }

    @Test
    void anOverriddenScriptIsTheOneThatRuns() throws IOException {
        Path script = folder.resolve("msk-push.groovy");
        Files.writeString(script, shippedPushScript().replace("after(seconds(2), 'resend')", "after(seconds(7), 'resend')"));
        RolesWorld world = new RolesWorld(b -> b.scripts(folder));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        registered(world, "alice");
        world.network.inject(new Fault.Drop(Selector.matching("datagrams from alice",
                m -> m.kind() == Message.Kind.DATAGRAM && m.sender().equals("alice"))));
        Instant rotated = world.time.now();

        world.bmsc.rotate(NEWS);
        world.run(Duration.ofSeconds(8));

        assertThat(world.sent()).filteredOn(c -> c.message().kind() == Message.Kind.DATAGRAM
                        && c.message().sender().equals(RolesWorld.BMSC) && !c.sent().isBefore(rotated))
                .extracting(c -> Duration.between(rotated, c.sent()).toSeconds())
                .containsExactly(0L, 7L);   // the shipped script resends after 2 s
    }

    private static String shippedPushScript() throws IOException {
        try (InputStream in = Bmsc.class.getClassLoader().getResourceAsStream("procedures/bmsc/msk-push.groovy")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ------------------------------------------------------------------------------------ Zn

    @Test
    void theNafKeysFetchedOverZnAreWipedOnceThePasswordIsMade() {
        AtomicReference<Bootstrapping> bsf = new AtomicReference<>();
        List<NafKeyMaterial> fetched = new CopyOnWriteArrayList<>();
        RolesWorld world = new RolesWorld(b -> b.bootstrapping((bTid, nafId) -> {
            NafKeyLookup answer = bsf.get().lookUp(bTid, nafId);
            if (answer instanceof NafKeyLookup.Found found) {
                fetched.add(found.keys());
            }
            return answer;
        }));
        bsf.set(world.bsf);
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef msk = world.bmsc.rotate(NEWS);

        Ue alice = registered(world, "alice");

        assertThat(alice.msks("news")).extracting(MskKey::ref).containsExactly(msk);   // the keys served first
        assertThat(fetched).isNotEmpty().allSatisfy(k -> assertThat(k.ksExtNaf().isDestroyed()).isTrue());
    }
}
