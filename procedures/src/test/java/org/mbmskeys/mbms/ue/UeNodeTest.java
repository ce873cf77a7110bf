package org.mbmskeys.mbms.ue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.keymanagement.BackOffParameters;
import org.mbmskeys.mbms.keymanagement.GbaUserAgent;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keymanagement.MskRequestReason;
import org.mbmskeys.mbms.keymanagement.xml.RegisterResponse;
import org.mbmskeys.mbms.keymanagement.xml.ServiceStatus;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.procedure.LifecycleStep;
import org.mbmskeys.mbms.ue.procedure.MskRequestPlan;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;
import org.mbmskeys.mbms.ue.reception.Reception;
import org.mbmskeys.mbms.ue.registration.RegistrationAction;
import org.mbmskeys.mbms.ue.registration.RegistrationState;

/** The role state of one UE: back-off choice, access decisions, MSK requests only for registered Key Groups. */
class UeNodeTest {

    private static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    private static final MskRef GROUP_7 = MskRef.of(DOMAIN, MskId.current(KeyGroup.of(7)));
    private static final MskRef GROUP_8 = MskRef.of(DOMAIN, MskId.current(KeyGroup.of(8)));
    private static final String BMSC = "bmsc.example.org";

    private final UeNode node = new UeNode(UeProfile.usim("alice", UiccId.of("8949440000001234567"), () -> {
        throw new IllegalStateException("no GBA in this test");
    }), UeKeyStore.inMemory(), CryptoSuite.jca(), n -> Bytes.wrap(new byte[n]), () -> Instant.EPOCH,
            GbaUserAgent.with("test"), 80);

    private static UserServiceDescription news(Optional<BackOffParameters> backOff) {
        return UserServiceDescription.protectedBy("urn:news", new ServiceProtection(List.of(Fqdn.of(BMSC)), false,
                false, List.of(GROUP_7), backOff, Map.of(), ServiceType.DOWNLOAD));
    }

    @Test
    void theAnnouncedBackOffIsWaitedForEveryRequestButTheAnswerToASolicitedPull() {
        node.announce(news(Optional.of(new BackOffParameters(Duration.ofSeconds(5), Duration.ZERO))));

        assertThat(node.mskBackOff(List.of(GROUP_7), MskRequestReason.SOLICITED_PULL)).isZero();
        assertThat(node.mskBackOff(List.of(GROUP_7), MskRequestReason.MSK_NEEDED)).isEqualTo(Duration.ofSeconds(5));
        assertThat(node.mskBackOff(List.of(GROUP_7), MskRequestReason.LAST_USED_MUK_PUSH))
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(node.mskBackOff(List.of(GROUP_8), MskRequestReason.MSK_NEEDED)).isZero();
    }

    @Test
    void aServiceWithoutAnnouncementIsNotAccessibleAndNotRegistered() {
        LifecycleStep step = node.use("urn:unknown");

        assertThat(step.requests()).isEmpty();
        assertThat(step.outcomes()).singleElement().isInstanceOf(UeOutcome.ServiceNotAccessible.class);
    }

    @Test
    void anMskRequestIsPlannedForKeyGroupsOfRegisteredServicesAndForAPullWhileTheRegistrationIsUnanswered() {
        node.announce(news(Optional.empty()));
        Reception.MskRequestNeeded pull7 = new Reception.MskRequestNeeded(DOMAIN, KeyGroup.of(7),
                Reception.MskRequestNeeded.Cause.SOLICITED_PULL, Optional.empty());
        LifecycleStep use = node.use("urn:news");
        assertThat(use.requests()).containsExactly(new RegistrationAction.Register(Fqdn.of(BMSC), List.of("urn:news")));
        // Registering: a verified pull may have overtaken the 200; traffic under an unknown MSK waits for it.
        assertThat(node.mskRequestFor(pull7)).contains(new MskRequestPlan("alice/msk/" + DOMAIN + "/" + KeyGroup.of(7),
                "alice", BMSC, List.of(GROUP_7), MskRequestReason.SOLICITED_PULL));
        assertThat(node.mskRequestFor(new Reception.MskRequestNeeded(DOMAIN, KeyGroup.of(7),
                Reception.MskRequestNeeded.Cause.UNKNOWN_MSK, Optional.empty()))).isEmpty();

        LifecycleStep answered = node.answered(use.requests().get(0),
                RegisterResponse.of(new ServiceStatus("urn:news", ItemStatus.OK)));

        assertThat(answered.outcomes()).containsExactly(new UeOutcome.ServiceRegistered("alice", "urn:news", BMSC, 200));
        assertThat(node.registrations()).singleElement().satisfies(r -> assertThat(r.state())
                .isEqualTo(RegistrationState.REGISTERED));
        assertThat(node.mskRequestFor(pull7)).contains(new MskRequestPlan("alice/msk/" + DOMAIN + "/" + KeyGroup.of(7),
                "alice", BMSC, List.of(GROUP_7), MskRequestReason.SOLICITED_PULL));
        assertThat(node.mskRequestFor(new Reception.MskRequestNeeded(DOMAIN, KeyGroup.of(8),
                Reception.MskRequestNeeded.Cause.UNKNOWN_MSK, Optional.empty()))).isEmpty();
    }

    @Test
    void givingUpLeavesTheServicesNotRegisteredWithTheReason() {
        node.announce(news(Optional.empty()));
        RegistrationAction register = node.use("urn:news").requests().get(0);

        LifecycleStep step = node.gaveUp(register, UeOutcome.Failure.NO_ANSWER, "silence");

        assertThat(step.outcomes()).singleElement().isInstanceOfSatisfying(UeOutcome.KeyManagementFailed.class,
                f -> assertThat(f.failure()).isEqualTo(UeOutcome.Failure.NO_ANSWER));
        assertThat(node.registrations()).singleElement().satisfies(r -> assertThat(r.state())
                .isEqualTo(RegistrationState.NOT_REGISTERED));
    }

    private static UserServiceDescription service(String id) {
        return UserServiceDescription.protectedBy(id, new ServiceProtection(List.of(Fqdn.of(BMSC)), false,
                false, List.of(GROUP_7), Optional.empty(), Map.of(), ServiceType.DOWNLOAD));
    }

    private RegistrationAction registerAll(String... ids) {
        for (String id : ids) {
            node.announce(service(id));
        }
        RegistrationAction first = node.use(ids[0]).requests().get(0);
        for (int i = 1; i < ids.length; i++) {
            node.use(ids[i]);
        }
        return new RegistrationAction.Register(Fqdn.of(BMSC), List.of(ids));
    }

    @Test
    void eachServiceOfAnAnswerEndsAsRegisteredOrRefusedByItsOwnCodeAndCodesTheUeRepeatsEndNothing() {
        RegistrationAction register = registerAll("urn:a", "urn:b", "urn:c", "urn:d", "urn:e", "urn:f");

        LifecycleStep step = node.answered(register, new RegisterResponse(List.of(
                new ServiceStatus("urn:a", ItemStatus.received(200)),
                new ServiceStatus("urn:b", ItemStatus.received(299)),
                new ServiceStatus("urn:c", ItemStatus.received(199)),
                new ServiceStatus("urn:d", ItemStatus.received(401)),
                new ServiceStatus("urn:e", ItemStatus.received(503)))));   // urn:f: not in the answer

        assertThat(step.outcomes()).containsExactly(
                new UeOutcome.ServiceRegistered("alice", "urn:a", BMSC, 200),
                new UeOutcome.ServiceRegistered("alice", "urn:b", BMSC, 299),
                new UeOutcome.ServiceRefused("alice", "urn:c", BMSC, 199));
    }

    @Test
    void aCodeJustAboveTheSuccessRangeRefusesTheService() {
        RegistrationAction register = registerAll("urn:a");

        LifecycleStep step = node.answered(register, RegisterResponse.of(
                new ServiceStatus("urn:a", ItemStatus.received(300))));

        assertThat(step.outcomes()).containsExactly(new UeOutcome.ServiceRefused("alice", "urn:a", BMSC, 300));
    }

    @Test
    void aWholeRequestFailureIsTheCodeForEveryServiceOfTheRequest() {
        RegistrationAction register = registerAll("urn:a", "urn:b");

        LifecycleStep refused = node.failed(register, 404);

        assertThat(refused.requests()).isEmpty();
        assertThat(refused.outcomes()).containsExactly(
                new UeOutcome.ServiceRefused("alice", "urn:a", BMSC, 404),
                new UeOutcome.ServiceRefused("alice", "urn:b", BMSC, 404));
    }

    @Test
    void aDeregistrationAnswerReportsEveryServiceDeregisteredWhateverTheCode() {
        RegistrationAction register = registerAll("urn:a");
        node.answered(register, RegisterResponse.of(new ServiceStatus("urn:a", ItemStatus.OK)));
        RegistrationAction deregister = node.leave("urn:a").requests().get(0);
        assertThat(deregister).isInstanceOf(RegistrationAction.Deregister.class);

        LifecycleStep step = node.answered(deregister, RegisterResponse.of(
                new ServiceStatus("urn:a", ItemStatus.received(404))));

        assertThat(step.outcomes()).containsExactly(new UeOutcome.ServiceDeregistered("alice", "urn:a", BMSC, 404));
    }

    @Test
    void givingUpADeregistrationNamesTheDeregistrationProcedure() {
        RegistrationAction register = registerAll("urn:a");
        node.answered(register, RegisterResponse.of(new ServiceStatus("urn:a", ItemStatus.OK)));
        RegistrationAction deregister = node.leave("urn:a").requests().get(0);

        LifecycleStep step = node.gaveUp(deregister, UeOutcome.Failure.NO_ANSWER, "silence");

        assertThat(step.outcomes()).singleElement().isInstanceOfSatisfying(UeOutcome.KeyManagementFailed.class,
                f -> assertThat(f.procedure()).isEqualTo("ue.deregistration"));
        assertThat(step.requests()).isEmpty();
    }

    @Test
    void anUnprotectedServiceIsUsedWithoutRegistrationAndWithoutOutcome() {
        node.announce(UserServiceDescription.unprotected("urn:free"));

        LifecycleStep step = node.use("urn:free");

        assertThat(step).isEqualTo(LifecycleStep.none());
        assertThat(node.registrations()).isEmpty();
    }

    @Test
    void aChangedUiccAsksForNothingAndTheAnnouncementsStay() {
        node.announce(news(Optional.empty()));

        assertThat(node.uiccChanged(UiccId.of("8949440000007654321"))).isEqualTo(LifecycleStep.none());
        assertThat(node.uiccChanged(UiccId.of("8949440000007654321"))).isEqualTo(LifecycleStep.none());
        assertThat(node.announcement("urn:news")).isPresent();
    }

    @Test
    void aUeThatNeverBootstrappedNeedsABootstrapAndCannotTalkToABmsc() {
        node.announce(news(Optional.empty()));
        RegistrationAction register = node.use("urn:news").requests().get(0);

        assertThat(node.needsBootstrap()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.post(register))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no GBA bootstrapping");
    }

    /** §6.3.2.1A: a service that requires UICC key management is not accessible to a ME-only USIM; nothing is sent. */
    @Test
    void aServiceRequiringUiccKeyManagementIsNotAccessibleToAUsimAndNotRegistered() {
        node.announce(UserServiceDescription.protectedBy("urn:uicc-only", new ServiceProtection(List.of(Fqdn.of(BMSC)),
                true, false, List.of(GROUP_7), Optional.empty(), Map.of(), ServiceType.DOWNLOAD)));

        LifecycleStep step = node.use("urn:uicc-only");

        assertThat(step.requests()).isEmpty();
        assertThat(step.outcomes()).singleElement().isInstanceOfSatisfying(UeOutcome.ServiceNotAccessible.class,
                n -> assertThat(n.detail()).startsWith("UICC_KEY_MANAGEMENT_UNAVAILABLE"));
        assertThat(node.registrations()).isEmpty();
    }

    @Test
    void givingUpARegistrationNamesTheRegistrationProcedure() {
        node.announce(news(Optional.empty()));
        RegistrationAction register = node.use("urn:news").requests().get(0);

        assertThat(node.gaveUp(register, UeOutcome.Failure.NO_ANSWER, "silence").outcomes()).singleElement()
                .isInstanceOfSatisfying(UeOutcome.KeyManagementFailed.class,
                        f -> assertThat(f.procedure()).isEqualTo("ue.registration"));
    }

    @Test
    void itsProfileNamesItAndSaysWhatItCan() {
        assertThat(node.name()).isEqualTo("alice");
        assertThat(node.capabilities()).isNotNull();
        assertThat(node.toString()).contains("alice");
    }
}
