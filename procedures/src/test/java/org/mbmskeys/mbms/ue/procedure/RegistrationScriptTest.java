package org.mbmskeys.mbms.ue.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.RejectionReason;
import org.mbmskeys.engine.testkit.ProcedureTestKit;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keymanagement.xml.RegisterResponse;
import org.mbmskeys.mbms.keymanagement.xml.ServiceStatus;
import org.mbmskeys.mbms.ue.keymanagement.AnswerDefect;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementOutcome;
import org.mbmskeys.mbms.ue.registration.RegistrationAction;

/** The flow of {@code ue.registration} (TS 33.246 §6.3.2.1A, §6.3.2.4, G.2.4, Annex H) against fake role services. */
class RegistrationScriptTest {

    private static final ProcedureDefinition SCRIPT = FakeUeRole.script("registration.groovy");
    private static final RegistrationAction REGISTER = new RegistrationAction.Register(Fqdn.of(FakeUeRole.BMSC),
            List.of("urn:s1", "urn:s2"));
    private static final KeyManagementOutcome OK = new KeyManagementOutcome.Answered(RegisterResponse.of(
            new ServiceStatus("urn:s1", ItemStatus.OK), new ServiceStatus("urn:s2", ItemStatus.OK)));

    private final FakeUeRole role = new FakeUeRole();

    private ProcedureTestKit kit(String backend) {
        return ProcedureTestKit.of(SCRIPT, b -> b.backend(backend)
                .service(UeKeyManagement.class, role).service(UeLifecycle.class, role));
    }

    private ProcedureTestKit started() {
        return kit("native").start("alice/ue.registration/1", Map.of("ue", "alice", "request", REGISTER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void gbaFirstThenChallengedThenAnsweredWithCredentials(String backend) {
        role.needsBootstrap = true;
        ProcedureTestKit kit = kit(backend).start("alice/ue.registration/1", Map.of("ue", "alice", "request", REGISTER));

        assertThat(role.bootstraps).isEqualTo(1);
        kit.expectState("requesting").expectSent("http", 1);
        assertThat(role.last().authorization()).isEmpty();

        kit.send(role.answer(role.challenge())).expectSent("http", 2);
        assertThat(role.last().authorization()).isPresent();

        kit.send(role.answer(OK)).expectEnded("done");
        assertThat(role.lifecycle).containsExactly("answered [200, 200]");
    }

    /**
     * A 401 to credentials is a Bootstrapping Renegotiation Request (TS 33.246 §6.3.2.2.4, TS 33.220): GBA runs again
     * and the POST goes once more; a 401 to credentials after that is a wrong key, not another renegotiation.
     */
    @Test
    void a401ToCredentialsRenegotiatesBootstrappingOnceThenIsAWrongKey() {
        ProcedureTestKit kit = started();
        kit.send(role.answer(role.challenge()));
        assertThat(role.bootstraps).isZero();

        kit.send(role.answer(role.challenge())).expectState("requesting").expectSent("http", 3);
        assertThat(role.bootstraps).isEqualTo(1);
        assertThat(role.lifecycle).isEmpty();

        kit.send(role.answer(role.challenge())).expectEnded("gaveUp").expectSent("http", 3);
        assertThat(role.bootstraps).isEqualTo(1);
        assertThat(role.lifecycle).containsExactly("gaveUp NOT_AUTHENTICATED");
        assertThat(kit.outcomes()).singleElement().isInstanceOfSatisfying(UeOutcome.KeyManagementFailed.class,
                f -> assertThat(f.failure()).isEqualTo(UeOutcome.Failure.NOT_AUTHENTICATED));
    }

    @Test
    void aStaleNonceIsResentAtOnce() {
        ProcedureTestKit kit = started();
        kit.send(role.answer(role.challenge()));
        var stale = new KeyManagementOutcome.StaleNonce(role.digest.onChallenge(List.of(FakeUeRole.CHALLENGE + ", stale=true")));

        kit.send(role.answer(stale)).expectState("requesting").expectSent("http", 3);
        kit.send(role.answer(OK)).expectEnded("done");
    }

    @Test
    void a503IsRepeatedOnlyAfterItsRetryAfter() {
        ProcedureTestKit kit = started();
        kit.send(role.answer(new KeyManagementOutcome.Failed(503, Optional.of(Duration.ofSeconds(20)), true)))
                .expectState("unavailable");

        kit.advance(Duration.ofSeconds(19)).expectSent("http", 1);
        kit.advance(Duration.ofSeconds(1)).expectState("requesting").expectSent("http", 2);
    }

    /** Keys that expired during the wait (or went with another card) are renewed before the resend, not used. */
    @Test
    void keysGoneDuringAWaitAreRenewedByGbaBeforeTheResend() {
        ProcedureTestKit kit = started();
        kit.send(role.answer(new KeyManagementOutcome.Failed(503, Optional.of(Duration.ofSeconds(20)), true)));
        role.needsBootstrap = true;

        kit.advance(Duration.ofSeconds(20)).expectState("requesting").expectSent("http", 2);
        assertThat(role.bootstraps).isEqualTo(1);
        kit.send(role.answer(OK)).expectEnded("done");
    }

    /** A GBA run whose keys are not valid even right after (a key lifetime of 0) is not repeated without end. */
    @Test
    void keysThatStayInvalidAfterGbaEndTheRequestAfterThreeRuns() {
        ProcedureTestKit kit = started();
        kit.send(role.answer(new KeyManagementOutcome.Failed(503, Optional.of(Duration.ofSeconds(20)), true)));
        role.needsBootstrap = true;
        role.keysStayInvalid = true;

        kit.advance(Duration.ofSeconds(20)).expectEnded("gaveUp").expectSent("http", 1);
        assertThat(role.bootstraps).isEqualTo(3);
        assertThat(role.lifecycle).containsExactly("gaveUp BOOTSTRAP_FAILED");
    }

    /** The user left (or another card made the UE forget the service) during the wait: the POST is not sent again. */
    @Test
    void aRequestNothingWaitsForAnyMoreIsNotSentAgain() {
        ProcedureTestKit kit = started();
        kit.send(role.answer(new KeyManagementOutcome.Failed(503, Optional.of(Duration.ofSeconds(20)), true)));
        role.awaited = false;

        kit.advance(Duration.ofSeconds(20)).expectEnded("abandoned").expectSent("http", 1);
        assertThat(role.bootstraps).isZero();
        assertThat(role.lifecycle).isEmpty();
    }

    @Test
    void a403IsNotRepeated() {
        ProcedureTestKit kit = started();

        kit.send(role.answer(new KeyManagementOutcome.Failed(403, Optional.empty(), false))).expectEnded("gaveUp");
        kit.advance(Duration.ofMinutes(5));
        assertThat(kit.sent("http")).hasSize(1);
        assertThat(role.lifecycle).containsExactly("failed 403");
    }

    @Test
    void withoutAnswerItResendsBackingOffThenGivesUp() {
        ProcedureTestKit kit = started();

        kit.advance(Duration.ofSeconds(9)).expectSent("http", 1);
        kit.advance(Duration.ofSeconds(2)).expectSent("http", 2);     // ~10 s, ±10 %
        kit.advance(Duration.ofMinutes(5)).expectEnded("gaveUp").expectSent("http", 4);
        assertThat(role.lifecycle).containsExactly("gaveUp NO_ANSWER");
    }

    @Test
    void anAnswerToAnEarlierPostOrAnUnusableOneIsNotTaken() {
        ProcedureTestKit kit = started();
        KeyManagementAnswer toFirst = role.answer(role.challenge());
        kit.send(toFirst).expectSent("http", 2);

        kit.send(new KeyManagementAnswer(toFirst.sent(), OK)).expectRejected(RejectionReason.GUARD_REJECTED);
        kit.send(role.answer(new KeyManagementOutcome.Malformed(AnswerDefect.NOT_AUTHENTICATED, "bad rspauth")))
                .expectState("requesting").expectSent("http", 2)
                .expectOutcome(new UeOutcome.AnswerUnusable("alice", "ue.registration", FakeUeRole.BMSC,
                        AnswerDefect.NOT_AUTHENTICATED, "bad rspauth"));
        assertThat(role.lifecycle).isEmpty();

        // taken as no answer: the POST is resent when the answer timer runs out
        kit.advance(Duration.ofSeconds(11)).expectSent("http", 3);
    }

    @Test
    void servicesAnswered503InTheBodyAreAskedAgainLater() {
        role.steps.add(LifecycleStep.of(List.of(new RegistrationAction.Register(Fqdn.of(FakeUeRole.BMSC),
                List.of("urn:s2")))));
        ProcedureTestKit kit = started();

        kit.send(role.answer(OK)).expectState("repeating");
        kit.advance(Duration.ofSeconds(30)).expectState("requesting").expectSent("http", 2);
        assertThat(role.last().body().toString()).isNotEqualTo(role.exchanges.get(0).body().toString());
        kit.send(role.answer(OK)).expectEnded("done");
    }

    @Test
    void aFailedBootstrapEndsWithoutARequest() {
        role.needsBootstrap = true;
        role.bootstrapFails = true;

        started().expectEnded("gaveUp").expectSent("http", 0);
        assertThat(role.lifecycle).containsExactly("gaveUp BOOTSTRAP_FAILED");
    }
}
