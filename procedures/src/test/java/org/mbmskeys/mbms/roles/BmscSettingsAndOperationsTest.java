package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.engine.dsl.ReloadResult;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;
import org.mbmskeys.mbms.bmsc.services.Membership;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.gba.Bootstrapping;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.NafKeyMaterial;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keymanagement.xml.MskStatus;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * Each setting of the BM-SC's builder takes effect, and the facade's operations do what their names say:
 * rotations by push or on request, validity updates, the per-MSK answer of an MSK request (TS 33.246
 * §6.3.2.2.1, §6.3.2.4), MTK resends and their stop (§6.3.3.2), script overrides and reloads, and the NAF keys
 * fetched over Zn wiped once the Digest password is made.
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

    private static long datagramsFromTheBmsc(RolesWorld world) {
        return world.network.sent().stream().filter(s -> s.kind().equals("datagram") && s.from().equals(RolesWorld.BMSC)).count();
    }

    private static long requestsFrom(RolesWorld world, String ue) {
        return world.network.sent().stream().filter(s -> s.kind().equals("request") && s.from().equals(ue)).count();
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
    void onRequestRekeyingMakesTheNewMskCurrentAndTellsNoUe() {
        RolesWorld world = new RolesWorld(b -> b.rekeying(Bmsc.Rekeying.ON_REQUEST));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        Ue alice = registered(world, "alice");
        long sent = datagramsFromTheBmsc(world);

        MskRef next = world.bmsc.rotate(NEWS);
        world.run(Duration.ofMinutes(2));

        assertThat(next).isNotNull();
        assertThat(world.bmsc.currentMsk(NEWS)).contains(next);
        assertThat(datagramsFromTheBmsc(world)).isEqualTo(sent);
        assertThat(alice.msks("news")).extracting(MskKey::ref).doesNotContain(next);
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

    // ------------------------------------------------------------------------------------ MSK requests

    @Test
    void anMskRequestIsAnsweredPerMsk() {
        RolesWorld world = new RolesWorld();
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.defineService("sport", ServiceType.DOWNLOAD, LIVE);
        MskRef first = world.bmsc.rotate(NEWS);
        world.bmsc.rotate(NEWS);
        world.bmsc.rotate(LIVE);
        Ue alice = registered(world, "alice");
        world.outcomes.clear();

        MskRef sport = MskRef.of(LIVE.keyDomain(), MskId.current(LIVE.keyGroup()));     // not registered to it
        MskRef neverIssued = MskRef.of(NEWS.keyDomain(), MskId.of(NEWS.keyGroup(), 0x7777));
        alice.requestMsks(RolesWorld.BMSC, List.of(sport, first, neverIssued));
        world.settle();

        assertThat(world.outcomes(UeOutcome.MskRequestAnswered.class)).singleElement()
                .satisfies(a -> assertThat(a.statuses()).extracting(MskStatus::status)
                        .containsExactly(ItemStatus.FORBIDDEN, ItemStatus.OK, ItemStatus.SERVICE_UNAVAILABLE));
        assertThat(world.outcomes(UeOutcome.MskReceived.class)).extracting(UeOutcome.MskReceived::msk).containsExactly(first);
    }

    // ------------------------------------------------------------------------------------ MTK delivery

    @Test
    void theCurrentMtkIsResentUntilDeliveryStops() {
        RolesWorld world = new RolesWorld();
        world.bmsc.defineService("tv", ServiceType.STREAMING, LIVE);
        world.bmsc.defineStreamingSession("tv-live", LIVE, Endpoint.of("239.1.1.1", 5004),
                StreamingSession.of(0x5eed0001L, 0, 10, SrtpAuthentication.RCCM1));
        world.bmsc.rotate(LIVE);
        Ue alice = world.ue("alice", "239.1.1.1");
        alice.announce(RolesWorld.announcement("tv", LIVE, "tv-live", ServiceType.STREAMING));
        alice.powerOn();
        alice.use("tv");
        world.settle();

        world.bmsc.startMtkDelivery("tv-live");
        world.settle();
        CurrentMtk first = alice.currentMtk("tv", "tv-live").orElseThrow();
        world.run(Duration.ofSeconds(11));   // resent at 5 and 10 s: the same message each time

        List<org.mbmskeys.engine.bytes.Bytes> toGroup = world.network.datagramsTo("239.1.1.1");
        assertThat(toGroup).hasSize(3).containsOnly(toGroup.get(0));
        assertThat(alice.currentMtk("tv", "tv-live")).contains(first);

        world.bmsc.stopMtkDelivery("tv-live");
        world.run(Duration.ofMinutes(1));
        assertThat(world.network.datagramsTo("239.1.1.1")).hasSize(3);
    }

    // ------------------------------------------------------------------------------------ builder settings

    @Test
    void onlyWhomTheMembershipAdmitsIsRegistered() {
        Membership onlyBob = (impi, service) -> impi.equals(RolesWorld.impi(2)) && service.equals(ServiceId.of("news"));
        RolesWorld world = new RolesWorld(b -> b.membership(onlyBob));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);

        registered(world, "alice");
        registered(world, "bob");

        assertThat(world.bmsc.registration(RolesWorld.impi(1))).isEmpty();
        assertThat(world.bmsc.registration(RolesWorld.impi(2))).isPresent();
        assertThat(world.outcomes(UeOutcome.ServiceRefused.class)).extracting(UeOutcome.ServiceRefused::ue).containsExactly("alice");
    }

    @Test
    void theConfiguredCryptoSuiteAndKeyStorageAreTheOnesUsed() {
        AtomicInteger calls = new AtomicInteger();
        CryptoSuite jca = CryptoSuite.jca();
        CryptoSuite counting = new CryptoSuite() {
            @Override
            public byte[] hmacSha1(byte[] key, byte[] data, int offset, int length) {
                calls.incrementAndGet();
                return jca.hmacSha1(key, data, offset, length);
            }

            @Override
            public byte[] hmacSha1(byte[] key, byte[]... parts) {
                calls.incrementAndGet();
                return jca.hmacSha1(key, parts);
            }

            @Override
            public byte[] hmacSha256(byte[] key, byte[] data, int offset, int length) {
                calls.incrementAndGet();
                return jca.hmacSha256(key, data, offset, length);
            }

            @Override
            public byte[] hmacSha256(byte[] key, byte[]... parts) {
                calls.incrementAndGet();
                return jca.hmacSha256(key, parts);
            }

            @Override
            public byte[] aesCtr(byte[] key16, byte[] iv16, byte[] data, int offset, int length) {
                calls.incrementAndGet();
                return jca.aesCtr(key16, iv16, data, offset, length);
            }
        };
        KeyRegistryStorage storage = KeyRegistryStorage.inMemory();
        RolesWorld world = new RolesWorld(b -> b.cryptoSuite(counting).keyStorage(storage));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);

        MskRef msk = world.bmsc.rotate(NEWS);
        assertThat(storage.group(NEWS.keyDomain(), NEWS.keyGroup())).get()
                .satisfies(g -> assertThat(g.current()).contains(msk));
        assertThat(storage.msk(msk)).isPresent();
        assertThat(calls).hasValue(0);

        Ue alice = registered(world, "alice");
        assertThat(alice.msks("news")).extracting(MskKey::ref).containsExactly(msk);
        assertThat(calls.get()).isPositive();   // the push was sealed and its verification message checked with it
    }

    @Test
    void theSpringBackendRunsTheSameScriptsAndCloseStopsTheEngine() {
        RolesWorld world = new RolesWorld(b -> b.backend("spring"));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        MskRef msk = world.bmsc.rotate(NEWS);
        Ue alice = registered(world, "alice");

        assertThat(world.bmsc.engine().backend()).isEqualTo("spring");
        assertThat(alice.msks("news")).extracting(MskKey::ref).containsExactly(msk);

        world.bmsc.close();
        assertThatThrownBy(() -> world.bmsc.solicitPull(RolesWorld.impi(1), NEWS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOverriddenScriptIsUsedAndAChangedOneIsReloaded() throws IOException {
        Path script = folder.resolve("msk-push.groovy");
        Files.writeString(script, shippedPushScript().replace("after(seconds(2), 'resend')", "after(seconds(7), 'resend')"));
        RolesWorld world = new RolesWorld(b -> b.scripts(folder));
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, NEWS);
        world.bmsc.rotate(NEWS);
        registered(world, "alice");
        world.network.loseDatagramsFrom("alice");
        Instant rotated = world.time.now();

        world.bmsc.rotate(NEWS);
        world.run(Duration.ofSeconds(8));
        List<Long> sentAt = resendSeconds(world, rotated);
        assertThat(sentAt).containsExactly(0L, 7L);   // the shipped script resends after 2 s

        Files.writeString(script, shippedPushScript().replace("after(seconds(2), 'resend')", "after(seconds(3), 'resend')"));
        ReloadResult reloaded = world.bmsc.reloadScripts();
        assertThat(reloaded.problems()).isEmpty();
        assertThat(reloaded.loaded()).extracting(d -> d.name()).containsExactly("bmsc.msk-push");
    }

    /** Seconds after {@code from} at which the BM-SC sent a datagram, as the network logged it. */
    private static List<Long> resendSeconds(RolesWorld world, Instant from) {
        return world.network.sentAt().stream()
                .filter(s -> s.sent().kind().equals("datagram") && s.sent().from().equals(RolesWorld.BMSC) && !s.at().isBefore(from))
                .map(s -> Duration.between(from, s.at()).toSeconds()).toList();
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
