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
    void anMskRequestIsPlannedOnlyForKeyGroupsOfRegisteredServices() {
        node.announce(news(Optional.empty()));
        Reception.MskRequestNeeded pull7 = new Reception.MskRequestNeeded(DOMAIN, KeyGroup.of(7),
                Reception.MskRequestNeeded.Cause.SOLICITED_PULL, Optional.empty());
        LifecycleStep use = node.use("urn:news");
        assertThat(use.requests()).containsExactly(new RegistrationAction.Register(Fqdn.of(BMSC), List.of("urn:news")));
        assertThat(node.mskRequestFor(pull7)).isEmpty();   // registering is not registered

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
}
