package org.mbmskeys.mbms.bmsc.registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.bmsc.services.Membership;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.bmsc.services.UserService;
import org.mbmskeys.mbms.bmsc.services.UserServices;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.ServiceType;

/** Registration, deregistration and MSK request authorisation (TS 33.246 §6.3.2.1A, §6.3.2.1B, §6.3.2.2.1). */
class RegistrationsTest {

    private static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    private static final KeyGroupRef G1 = KeyGroupRef.of(DOMAIN, KeyGroup.of(1));
    private static final KeyGroupRef G2 = KeyGroupRef.of(DOMAIN, KeyGroup.of(2));
    private static final KeyGroupRef G3 = KeyGroupRef.of(DOMAIN, KeyGroup.of(3));
    private static final ServiceId NEWS = ServiceId.of("urn:example:news");      // G1
    private static final ServiceId SPORT = ServiceId.of("urn:example:sport");    // G1, G2
    private static final ServiceId PREMIUM = ServiceId.of("urn:example:premium"); // G3, allow-listed
    private static final ServiceId UNKNOWN = ServiceId.of("urn:example:nothing");
    private static final String ALICE = "001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
    private static final String BOB = "001010000000002@ims.mnc001.mcc001.3gppnetwork.org";
    private static final BTid BTID_1 = BTid.parse("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");
    private static final BTid BTID_2 = BTid.parse("AAECAwQFBgcICQoLDA0ODw==@bsf.example.org");
    private static final BTid BTID_3 = BTid.parse("EBESExQVFhcYGRobHB0eHw==@bsf.example.org");
    private static final Endpoint FROM = Endpoint.of("10.0.0.7", 40312);

    private final UserServices services = new UserServices();
    private final Registrations registrations;

    RegistrationsTest() {
        services.define(UserService.of(NEWS, ServiceType.STREAMING, G1));
        services.define(UserService.of(SPORT, ServiceType.STREAMING, G1, G2));
        services.define(UserService.of(PREMIUM, ServiceType.DOWNLOAD, G3));
        Membership membership = (impi, service) -> !service.equals(PREMIUM) || impi.equals(BOB);
        registrations = Registrations.create(RegistrationStorage.inMemory(), services, membership);
    }

    @Test
    void aRegistrationAnswersPerServiceAndNamesTheKeyGroupsToDeliver() {
        RegistrationResult r = registrations.register(ALICE, BTID_1, FROM, List.of(NEWS, PREMIUM, UNKNOWN, SPORT));

        assertThat(r.items()).extracting(RegistrationResult.Item::outcome).containsExactly(
                RegistrationOutcome.REGISTERED, RegistrationOutcome.FORBIDDEN, RegistrationOutcome.UNKNOWN_SERVICE,
                RegistrationOutcome.REGISTERED);
        assertThat(r.items()).extracting(i -> i.outcome().status()).containsExactly(
                ItemStatus.OK, ItemStatus.FORBIDDEN, ItemStatus.NOT_IMPLEMENTED, ItemStatus.OK);
        assertThat(r.items()).extracting(i -> i.outcome().isRegistered()).containsExactly(true, false, false, true);
        assertThat(r.keyGroupsToDeliver()).containsExactlyInAnyOrder(G1, G2);
        Registration reg = r.registration().orElseThrow();
        assertThat(reg.services()).containsExactlyInAnyOrder(NEWS, SPORT);
        assertThat(reg.bTid()).isEqualTo(BTID_1);
        assertThat(reg.source()).isEqualTo(FROM);
        assertThat(reg.lastMuk()).isEmpty();
        assertThat(registrations.registration(ALICE)).contains(reg);
        assertThat(registrations.byBTid(BTID_1)).contains(reg);
        // §6.3.1: MIKEY goes to the registration's source address, port 2269.
        assertThat(registrations.mikeyDestination(ALICE)).contains(Endpoint.of("10.0.0.7", 2269));
        assertThat(registrations.count()).isEqualTo(1);
    }

    /** Nothing registered, nothing changed: no record, or the old one untouched. */
    @Test
    void aPortTheUeStatedIsWhereMikeyGoesUntilARegistrationStatesNoneAndDeregistrationKeepsIt() {
        registrations.register(ALICE, BTID_1, FROM, 40001, List.of(NEWS, SPORT));
        assertThat(registrations.mikeyDestination(ALICE)).contains(Endpoint.of("10.0.0.7", 40001));

        registrations.deregister(ALICE, BTID_1, List.of(SPORT));
        assertThat(registrations.mikeyDestination(ALICE)).contains(Endpoint.of("10.0.0.7", 40001));

        registrations.register(ALICE, BTID_1, FROM, List.of(SPORT));
        assertThat(registrations.mikeyDestination(ALICE)).contains(Endpoint.of("10.0.0.7", 2269));
        assertThatThrownBy(() -> registrations.register(BOB, BTID_2, FROM, 70000, List.of(NEWS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..65535");
    }

    @Test
    void aRequestThatRegistersNothingChangesNothing() {
        RegistrationResult refused = registrations.register(ALICE, BTID_1, FROM, List.of(PREMIUM, UNKNOWN));
        assertThat(refused.registration()).isEmpty();
        assertThat(refused.keyGroupsToDeliver()).isEmpty();
        assertThat(registrations.count()).isZero();

        Registration before = registrations.register(ALICE, BTID_1, FROM, List.of(NEWS)).registration().orElseThrow();
        RegistrationResult again = registrations.register(ALICE, BTID_2, Endpoint.of("10.9.9.9", 1), List.of(PREMIUM));
        assertThat(again.registration()).contains(before);
        assertThat(registrations.registration(ALICE)).contains(before);
    }

    /** §6.3.2.1A: a new registration overrides the old one: new address and B-TID for the UE. */
    @Test
    void aNewRegistrationOverridesAddressAndBTid() {
        registrations.register(ALICE, BTID_1, FROM, List.of(NEWS));
        Endpoint newAddress = Endpoint.of("10.0.0.99", 50000);

        RegistrationResult r = registrations.register(ALICE, BTID_2, newAddress, List.of(NEWS, SPORT));

        assertThat(r.items()).extracting(RegistrationResult.Item::outcome)
                .containsExactly(RegistrationOutcome.ALREADY_REGISTERED, RegistrationOutcome.REGISTERED);
        assertThat(r.items()).allSatisfy(i -> assertThat(i.outcome().isRegistered()).isTrue());
        assertThat(r.keyGroupsToDeliver()).containsExactlyInAnyOrder(G1, G2);
        assertThat(registrations.mikeyDestination(ALICE)).contains(Endpoint.of("10.0.0.99", 2269));
        assertThat(registrations.byBTid(BTID_2)).isPresent();
        assertThat(registrations.byBTid(BTID_1)).isEmpty();
    }

    /** §6.3.2.1B: only the MSKs no remaining service uses are to be invalidated. */
    @Test
    void deregistrationNamesTheKeyGroupsNoRemainingServiceUses() {
        registrations.register(ALICE, BTID_1, FROM, List.of(NEWS, SPORT));

        DeregistrationResult r = registrations.deregister(ALICE, BTID_1, List.of(SPORT, PREMIUM, UNKNOWN));

        assertThat(r.items()).extracting(DeregistrationResult.Item::outcome).containsExactly(
                DeregistrationOutcome.DEREGISTERED, DeregistrationOutcome.NOT_REGISTERED,
                DeregistrationOutcome.UNKNOWN_SERVICE);
        assertThat(r.items()).extracting(i -> i.outcome().status().code()).containsExactly(200, 200, 501);
        assertThat(r.keyGroupsToInvalidate()).containsExactly(G2);   // G1 is still needed by NEWS
        assertThat(r.remaining().orElseThrow().services()).containsExactly(NEWS);

        DeregistrationResult last = registrations.deregister(ALICE, BTID_1, List.of(NEWS));
        assertThat(last.keyGroupsToInvalidate()).containsExactly(G1);
        assertThat(last.remaining()).isEmpty();
        assertThat(registrations.registration(ALICE)).isEmpty();
        assertThat(registrations.byBTid(BTID_1)).isEmpty();
        assertThat(registrations.uesOfService(NEWS, Optional.empty(), 10)).isEmpty();
        assertThat(registrations.count()).isZero();
    }

    @Test
    void deregisteringWhatIsNotRegisteredChangesNothing() {
        DeregistrationResult nobody = registrations.deregister(ALICE, BTID_1, List.of(NEWS));
        assertThat(nobody.items()).extracting(DeregistrationResult.Item::outcome)
                .containsExactly(DeregistrationOutcome.NOT_REGISTERED);
        assertThat(nobody.remaining()).isEmpty();
        assertThat(nobody.keyGroupsToInvalidate()).isEmpty();

        Registration before = registrations.register(ALICE, BTID_1, FROM, List.of(NEWS)).registration().orElseThrow();
        assertThat(registrations.deregister(ALICE, BTID_1, List.of(SPORT)).remaining()).contains(before);
    }

    /** A registration to one more service keeps what the BM-SC knows of the UE's last MUK. */
    @Test
    void aRegistrationToAnotherServiceKeepsTheLastMukRecorded() {
        registrations.register(ALICE, BTID_1, FROM, List.of(NEWS));
        LastMuk muk = new LastMuk(BTID_1, Instant.parse("2026-12-02T12:00:00Z"));
        registrations.mukDerived(ALICE, muk);

        Registration after = registrations.register(ALICE, BTID_1, FROM, List.of(SPORT)).registration().orElseThrow();

        assertThat(after.services()).containsExactlyInAnyOrder(NEWS, SPORT);
        assertThat(after.lastMuk()).contains(muk);
    }

    /** A service named twice in one deregistration is deregistered once and answered 200 both times. */
    @Test
    void aServiceListedTwiceInADeregistrationIsAnsweredDeregisteredBothTimes() {
        registrations.register(ALICE, BTID_1, FROM, List.of(NEWS, SPORT));

        DeregistrationResult r = registrations.deregister(ALICE, BTID_1, List.of(SPORT, SPORT));

        assertThat(r.items()).extracting(DeregistrationResult.Item::outcome)
                .containsExactly(DeregistrationOutcome.DEREGISTERED, DeregistrationOutcome.DEREGISTERED);
        assertThat(r.keyGroupsToInvalidate()).containsExactly(G2);
        assertThat(r.remaining().orElseThrow().services()).containsExactly(NEWS);
    }

    /** A deregistration that deregisters nothing was still authenticated: the UE's B-TID moves to the new one. */
    @Test
    void aDeregistrationThatChangesNothingStillMovesTheBTid() {
        registrations.register(ALICE, BTID_1, FROM, List.of(NEWS));

        DeregistrationResult r = registrations.deregister(ALICE, BTID_2, List.of(SPORT));

        assertThat(r.items()).extracting(DeregistrationResult.Item::outcome)
                .containsExactly(DeregistrationOutcome.NOT_REGISTERED);
        assertThat(r.keyGroupsToInvalidate()).isEmpty();
        assertThat(r.remaining().orElseThrow().bTid()).isEqualTo(BTID_2);
        assertThat(registrations.byBTid(BTID_2).orElseThrow().services()).containsExactly(NEWS);
        assertThat(registrations.byBTid(BTID_1)).isEmpty();
    }

    /** §6.3.2.2.1: an MSK (any Key Number) of a group used by a service the UE is registered to. */
    @Test
    void anMskRequestIsAuthorisedByARegisteredServiceUsingItsKeyGroup() {
        registrations.register(ALICE, BTID_1, FROM, List.of(NEWS));

        assertThat(registrations.isAuthorizedFor(ALICE, DOMAIN, MskId.of(1, 0))).isTrue();
        assertThat(registrations.isAuthorizedFor(ALICE, DOMAIN, MskId.of(1, 7))).isTrue();
        assertThat(registrations.isAuthorizedFor(ALICE, DOMAIN, MskId.of(2, 0))).isFalse();
        assertThat(registrations.isAuthorizedFor(ALICE, KeyDomainId.parse("310-410"), MskId.of(1, 0))).isFalse();
        assertThat(registrations.isAuthorizedFor(ALICE, DOMAIN, MskId.of(0, 1))).isFalse();
        assertThat(registrations.isAuthorizedFor(BOB, DOMAIN, MskId.of(1, 0))).isFalse();
    }

    @Test
    void authenticatedRequestsMoveTheBTidAndDerivedMuksAreRecorded() {
        assertThat(registrations.authenticated(ALICE, BTID_2)).isFalse();
        registrations.register(ALICE, BTID_1, FROM, List.of(NEWS));

        assertThat(registrations.authenticated(ALICE, BTID_2)).isTrue();
        assertThat(registrations.byBTid(BTID_2).orElseThrow().impi()).isEqualTo(ALICE);
        assertThat(registrations.byBTid(BTID_1)).isEmpty();

        Instant t1 = Instant.parse("2026-12-02T12:00:00Z");
        LastMuk muk = new LastMuk(BTID_2, t1);
        assertThat(registrations.mukDerived(ALICE, muk)).isTrue();
        assertThat(registrations.mukDerived(ALICE, new LastMuk(BTID_1, t1.minusSeconds(60)))).isTrue();
        assertThat(registrations.registration(ALICE).orElseThrow().lastMuk()).contains(muk);
        assertThat(muk.mukId("bmsc.example.org").idr().toHex())
                .isEqualTo(org.mbmskeys.engine.bytes.Bytes.wrap(BTID_2.format().getBytes()).toHex());
        assertThat(registrations.mukDerived(BOB, muk)).isFalse();
    }

    /** The UE bootstrapped again and the BM-SC derived a MUK from it: the later MUK replaces the one recorded. */
    @Test
    void aMukDerivedLaterReplacesTheOneRecorded() {
        registrations.register(ALICE, BTID_1, FROM, List.of(NEWS));
        Instant t1 = Instant.parse("2026-12-02T12:00:00Z");
        registrations.mukDerived(ALICE, new LastMuk(BTID_1, t1));
        LastMuk later = new LastMuk(BTID_2, t1.plusSeconds(3600));

        assertThat(registrations.mukDerived(ALICE, later)).isTrue();

        assertThat(registrations.registration(ALICE).orElseThrow().lastMuk()).contains(later);
    }

    @Test
    void operatorsPageThroughTheUesOfAServiceOrKeyGroup() {
        String carol = "001010000000003@ims.mnc001.mcc001.3gppnetwork.org";
        registrations.register(ALICE, BTID_1, FROM, List.of(NEWS));
        registrations.register(BOB, BTID_2, FROM, List.of(SPORT));
        registrations.register(carol, BTID_3, FROM, List.of(NEWS, SPORT));

        assertThat(registrations.uesOfService(NEWS, Optional.empty(), 10)).containsExactly(ALICE, carol);
        assertThat(registrations.uesOfKeyGroup(G1, Optional.empty(), 2)).containsExactly(ALICE, BOB);
        assertThat(registrations.uesOfKeyGroup(G1, Optional.of(BOB), 2)).containsExactly(carol);
        assertThat(registrations.uesOfKeyGroup(G2, Optional.empty(), 10)).containsExactly(BOB, carol);
        assertThat(registrations.uesOfKeyGroup(G3, Optional.empty(), 10)).isEmpty();

        assertThat(registrations.remove(carol)).contains(Set.of(G1, G2));
        assertThat(registrations.uesOfKeyGroup(G1, Optional.empty(), 10)).containsExactly(ALICE, BOB);
        assertThat(registrations.remove(carol)).isEmpty();
    }

    /** Concurrent requests of one UE all land: each change is a compare-and-set on the UE's record, retried. */
    @Test
    void concurrentRegistrationsOfOneUeAreAllKept() throws Exception {
        List<ServiceId> ids = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            ServiceId id = ServiceId.of("urn:example:channel:" + i);
            services.define(UserService.of(id, ServiceType.DOWNLOAD, KeyGroupRef.of(DOMAIN, KeyGroup.of(100 + i))));
            ids.add(id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RegistrationResult>> done = new ArrayList<>();
            for (ServiceId id : ids) {
                done.add(pool.submit(() -> {
                    start.await();
                    return registrations.register(ALICE, BTID_1, FROM, List.of(id));
                }));
            }
            start.countDown();
            for (Future<RegistrationResult> f : done) {
                assertThat(f.get(10, TimeUnit.SECONDS).items())
                        .extracting(RegistrationResult.Item::outcome).containsExactly(RegistrationOutcome.REGISTERED);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(registrations.registration(ALICE).orElseThrow().services()).containsExactlyInAnyOrderElementsOf(ids);
        for (ServiceId id : ids) {
            assertThat(registrations.uesOfService(id, Optional.empty(), 10)).containsExactly(ALICE);
        }
    }

    @Test
    void theMikeyPortIsConfigurable() {
        Registrations test = Registrations.create(RegistrationStorage.inMemory(), services, Membership.open(), 12269);
        test.register(ALICE, BTID_1, FROM, List.of(NEWS));
        assertThat(test.mikeyDestination(ALICE)).contains(Endpoint.of("10.0.0.7", 12269));
    }
}
