package org.mbmskeys.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.keys.MskChange;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;
import org.mbmskeys.mbms.ue.registration.RegistrationState;

/** The UEs: bootstrapping, registration, and the keys they hold and the messages they sent. */
public class UeSteps {

    private final MbmsWorld world;

    public UeSteps(MbmsWorld world) {
        this.world = world;
    }

    @Given("UE {string} is bootstrapped at the BSF")
    public void ueIsBootstrapped(String name) {
        world.bootstrap(name).powerOn();
        world.settle();
    }

    @Given("{string} is registered to {string}")
    public void isRegisteredTo(String name, String service) {
        world.announce(name, service);
        world.ue(name).use(service);
        world.settle();
        assertThat(world.ue(name).registration(service)).as("%s registered to %s", name, service)
                .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(RegistrationState.REGISTERED));
    }

    @Then("{string} holds the same MSK with validity {int} to {int}")
    public void holdsTheSameMskWithValidity(String name, int seqLow, int seqHigh) {
        MskRef current = world.lastRotated;
        assertThat(world.ue(name).keyStore().msk(current)).hasValueSatisfying(m ->
                assertThat(m.validity()).isEqualTo(KeyValidity.of(seqLow, seqHigh)));
    }

    @Then("{string} sent {int} MIKEY verification message(s)")
    public void sentVerificationMessages(String name, int count) {
        assertThat(world.ueOutcomes.stream().filter(o -> o instanceof UeOutcome.MskReceived r && r.ue().equals(name)
                && r.verificationSent())).hasSize(count);
    }

    @Then("{string} applied the MSK once and acknowledged it twice")
    public void appliedOnceAcknowledgedTwice(String name) {
        var received = world.ueOutcomes.stream().filter(o -> o instanceof UeOutcome.MskReceived r && r.ue().equals(name)
                && r.msk().equals(world.lastRotated)).map(o -> (UeOutcome.MskReceived) o).toList();
        assertThat(received).hasSize(2).allSatisfy(r -> assertThat(r.verificationSent()).isTrue());
        assertThat(received.get(0).change()).isEqualTo(MskChange.STORED);
        assertThat(received.get(1).change()).isNotEqualTo(MskChange.STORED);
        assertThat(mskRefs(name, world.lastRotated.keyGroup().toString())).containsOnlyOnce(world.lastRotated);
    }

    @Then("{string} holds the current MSK of Key Group {word}")
    public void thenHoldsTheCurrentMsk(String name, String group) {
        assertThat(mskRefs(name, group)).contains(world.bmsc.currentMsk(world.group(group)).orElseThrow());
    }

    @Then("{string} does not hold the current MSK of Key Group {word} yet")
    public void thenDoesNotHoldTheCurrentMskYet(String name, String group) {
        assertThat(mskRefs(name, group)).doesNotContain(world.bmsc.currentMsk(world.group(group)).orElseThrow());
    }

    private java.util.List<MskRef> mskRefs(String name, String group) {
        Ue ue = world.ue(name);
        return ue.keyStore().msks().stream().map(MskKey::ref).filter(r -> r.keyGroup().equals(world.group(group).keyGroup()))
                .toList();
    }
}
