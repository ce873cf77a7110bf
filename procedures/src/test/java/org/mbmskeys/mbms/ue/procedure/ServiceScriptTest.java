package org.mbmskeys.mbms.ue.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.RejectionReason;
import org.mbmskeys.engine.testkit.ProcedureTestKit;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.registration.RegistrationAction;

/** The flow of {@code ue.service} (TS 33.246 §6.3.2.1A, §6.3.2.1B) against fake role services. */
class ServiceScriptTest {

    private static final ProcedureDefinition SCRIPT = FakeUeRole.script("service.groovy");
    private static final ProcedureDefinition REGISTRATION = FakeUeRole.script("registration.groovy");
    private static final ProcedureDefinition DEREGISTRATION = FakeUeRole.script("deregistration.groovy");
    private static final Fqdn BMSC = Fqdn.of(FakeUeRole.BMSC);

    private final FakeUeRole role = new FakeUeRole();
    private final ProcedureTestKit kit = ProcedureTestKit.of(SCRIPT, b -> b.procedure(REGISTRATION)
            .procedure(DEREGISTRATION).service(UeLifecycle.class, role).service(UeKeyManagement.class, role))
            .start(Map.of("ue", "alice"));

    @Test
    void theUeIsOffUntilPoweredOnAndUsesNoServiceMeanwhile() {
        kit.expectState("off").signal("use", "urn:s1").expectRejected(RejectionReason.NO_TRANSITION);

        kit.signal("powerOn").expectState("on");
        assertThat(role.lifecycle).containsExactly("powerOn");
    }

    @Test
    void firstUseStartsOneRegistrationPerRequest() {
        kit.signal("powerOn");
        role.steps.add(LifecycleStep.of(List.of(new RegistrationAction.Register(BMSC, List.of("urn:s1")))));

        kit.signal("use", "urn:s1");

        assertThat(role.lifecycle).containsExactly("powerOn", "use urn:s1");
        assertThat(kit.engine().instance("ue.registration", "alice/ue.registration/1")).isPresent();
        assertThat(kit.sent("http")).hasSize(1);
    }

    @Test
    void powerDownDeregistersAndTurnsTheUeOff() {
        kit.signal("powerOn");
        role.steps.add(LifecycleStep.of(List.of(new RegistrationAction.Deregister(BMSC, List.of("urn:s1")))));

        kit.signal("powerDown").expectState("off");

        assertThat(kit.engine().instance("ue.deregistration", "alice/ue.deregistration/1")).isPresent();
    }

    @Test
    void leavingAServiceAndALostConnectionAskTheModel() {
        kit.signal("powerOn").signal("leave", "urn:s1").signal("connectionLost");

        assertThat(role.lifecycle).containsExactly("powerOn", "leave urn:s1", "connectionLost");
    }

    @Test
    void aCardChangeWhileOnIsFollowedByAPowerOnEvaluation() {
        kit.signal("powerOn").signal("uiccChanged", UiccId.of("8949440000009999999"));

        assertThat(role.lifecycle).containsExactly("powerOn", "uiccChanged 8949440000009999999", "powerOn");
    }

    @Test
    void outcomesOfTheModelAreReported() {
        kit.signal("powerOn");
        role.steps.add(new LifecycleStep(List.of(), List.of(new UeOutcome.ServiceNotAccessible("alice", "urn:s9",
                "no announcement"))));

        kit.signal("use", "urn:s9");

        assertThat(kit.outcomes()).singleElement().isInstanceOf(UeOutcome.ServiceNotAccessible.class);
    }
}
