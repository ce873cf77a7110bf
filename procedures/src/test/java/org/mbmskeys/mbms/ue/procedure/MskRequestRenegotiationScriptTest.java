package org.mbmskeys.mbms.ue.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

/**
 * {@code ue.msk-request} answered with a Bootstrapping Renegotiation Request (a 401 to credentials, TS 33.246
 * §6.3.2.2.4, TS 33.220): GBA once more, the same request again, and a second such 401 taken as a wrong key.
 */
class MskRequestRenegotiationScriptTest {

    private static final ProcedureDefinition SCRIPT = FakeUeRole.script("msk-request.groovy");
    private static final MskRef GROUP_7 = MskRef.of(KeyDomainId.parse("001-01"), MskId.of(7, 0));

    private final FakeUeRole role = new FakeUeRole();

    private ProcedureTestKit start(String backend) {
        return ProcedureTestKit.of(SCRIPT, b -> b.backend(backend).service(UeKeyManagement.class, role))
                .start("alice/msk/001-01/7", Map.of("ue", "alice", "bmsc", FakeUeRole.BMSC, "msks", List.of(GROUP_7),
                        "reason", MskRequestReason.SOLICITED_PULL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void aRenegotiationRunsGbaAndTheSameRequestIsAnsweredThen(String backend) {
        ProcedureTestKit kit = start(backend);
        kit.send(role.answer(role.challenge())).expectSent("http", 2);

        kit.send(role.answer(role.challenge())).expectState("requesting").expectSent("http", 3);
        assertThat(role.bootstraps).isEqualTo(1);
        assertThat(MskRequestBody.parse(role.last().body()).msks()).containsExactly(GROUP_7);   // the same request again

        kit.send(role.answer(new KeyManagementOutcome.Answered(new MskResponse(List.of(new MskStatus(GROUP_7,
                ItemStatus.OK)))))).expectEnded("done");
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void aFailedGbaRunAfterARenegotiationGivesUp(String backend) {
        ProcedureTestKit kit = start(backend);
        kit.send(role.answer(role.challenge()));
        role.bootstrapFails = true;

        kit.send(role.answer(role.challenge())).expectEnded("gaveUp").expectSent("http", 2);
        assertThat(kit.outcomes()).singleElement().isInstanceOfSatisfying(UeOutcome.KeyManagementFailed.class,
                f -> assertThat(f.failure()).isEqualTo(UeOutcome.Failure.BOOTSTRAP_FAILED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void aSecond401ToCredentialsAfterTheRenegotiationIsAWrongKey(String backend) {
        ProcedureTestKit kit = start(backend);
        kit.send(role.answer(role.challenge()));
        kit.send(role.answer(role.challenge()));

        kit.send(role.answer(role.challenge())).expectEnded("gaveUp").expectSent("http", 3);
        assertThat(role.bootstraps).isEqualTo(1);
        assertThat(kit.outcomes()).singleElement().isInstanceOfSatisfying(UeOutcome.KeyManagementFailed.class,
                f -> assertThat(f.failure()).isEqualTo(UeOutcome.Failure.NOT_AUTHENTICATED));
    }
}
