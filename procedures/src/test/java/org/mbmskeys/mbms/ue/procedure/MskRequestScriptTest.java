package org.mbmskeys.mbms.ue.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.testkit.ProcedureTestKit;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keymanagement.MskRequestReason;
import org.mbmskeys.mbms.keymanagement.xml.MskRequestBody;
import org.mbmskeys.mbms.keymanagement.xml.MskResponse;
import org.mbmskeys.mbms.keymanagement.xml.MskStatus;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementOutcome;

/** The flow of {@code ue.msk-request} (TS 33.246 §6.3.2.2.1, §6.3.2.2.4, G.2.4) against fake role services. */
class MskRequestScriptTest {

    private static final ProcedureDefinition SCRIPT = FakeUeRole.script("msk-request.groovy");
    private static final MskRef GROUP_7 = MskRef.of(KeyDomainId.parse("001-01"), MskId.of(7, 0));
    private static final MskRef GROUP_8 = MskRef.of(KeyDomainId.parse("001-01"), MskId.of(8, 0));

    private final FakeUeRole role = new FakeUeRole();

    private ProcedureTestKit start(MskRequestReason reason, MskRef... msks) {
        return ProcedureTestKit.of(SCRIPT, b -> b.service(UeKeyManagement.class, role))
                .start("alice/msk/001-01/7", Map.of("ue", "alice", "bmsc", FakeUeRole.BMSC, "msks", List.of(msks),
                        "reason", reason));
    }

    @Test
    void theAnnouncedBackOffIsWaitedBeforeTheRequest() {
        role.backOff = Duration.ofMillis(7_250);
        ProcedureTestKit kit = start(MskRequestReason.MSK_NEEDED, GROUP_7).expectState("backingOff");

        kit.advance(Duration.ofMillis(7_249)).expectSent("http", 0);
        kit.advance(Duration.ofMillis(1)).expectState("requesting").expectSent("http", 1);
        assertThat(MskRequestBody.parse(role.last().body()).msks()).containsExactly(GROUP_7);
    }

    @Test
    void aSolicitedPullIsAnsweredWithoutBackOff() {
        role.backOff = Duration.ofSeconds(30);

        start(MskRequestReason.SOLICITED_PULL, GROUP_7).expectState("requesting").expectSent("http", 1);
    }

    @Test
    void aSolicitedPullArrivingDuringTheBackOffEndsTheWait() {
        role.backOff = Duration.ofSeconds(30);
        ProcedureTestKit kit = start(MskRequestReason.MSK_NEEDED, GROUP_7);

        kit.signal("now").expectState("requesting").expectSent("http", 1);
    }

    @Test
    void expiredGbaKeysAreRenewedFirst() {
        role.needsBootstrap = true;

        start(MskRequestReason.SOLICITED_PULL, GROUP_7).expectSent("http", 1);
        assertThat(role.bootstraps).isEqualTo(1);
    }

    @Test
    void onlyPairsAnswered503AreAskedAgainAndOnlyTheyAre() {
        ProcedureTestKit kit = start(MskRequestReason.SOLICITED_PULL, GROUP_7, GROUP_8);
        kit.send(role.answer(new KeyManagementOutcome.Answered(MskResponse.of(
                new MskStatus(GROUP_7, ItemStatus.OK), new MskStatus(GROUP_8, ItemStatus.SERVICE_UNAVAILABLE)))));

        kit.expectState("repeating").advance(Duration.ofSeconds(30)).expectSent("http", 2);
        assertThat(MskRequestBody.parse(role.last().body()).msks()).containsExactly(GROUP_8);
        assertThat(kit.outcomes()).first().isInstanceOf(UeOutcome.MskRequestAnswered.class);
    }

    @Test
    void pairsAnswered403AreNotAskedAgain() {
        ProcedureTestKit kit = start(MskRequestReason.SOLICITED_PULL, GROUP_7);

        kit.send(role.answer(new KeyManagementOutcome.Answered(MskResponse.of(
                new MskStatus(GROUP_7, ItemStatus.FORBIDDEN))))).expectEnded("done");
        assertThat(kit.sent("http")).hasSize(1);
    }

    @Test
    void aWholeRequest404GivesUpWithTheReason() {
        ProcedureTestKit kit = start(MskRequestReason.SOLICITED_PULL, GROUP_7);

        kit.send(role.answer(new KeyManagementOutcome.Failed(404, Optional.empty(), false))).expectEnded("gaveUp");
        assertThat(kit.outcomes()).singleElement().isInstanceOfSatisfying(UeOutcome.KeyManagementFailed.class,
                f -> assertThat(f.failure()).isEqualTo(UeOutcome.Failure.REFUSED));
    }
}
