package org.mbmskeys.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.mbmskeys.adapters.memory.Fault;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.adapters.memory.Selector;
import org.mbmskeys.engine.spi.Cancellable;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/** The BM-SC's solicited pull (§6.3.2.2.4) and what it needs around it: long waits, a UE back online, tampering. */
public class SolicitedPullSteps {

    private final MbmsWorld world;

    public SolicitedPullSteps(MbmsWorld world) {
        this.world = world;
    }

    @When("{int} hour(s) pass(es)")
    public void hoursPass(int hours) {
        world.time().advance(Duration.ofHours(hours));
    }

    @When("{string} is online again")
    public void isOnlineAgain(String ue) {
        Cancellable partition = world.partitions.remove(ue);
        if (partition == null) {
            throw new IllegalStateException("'" + ue + "' was not taken offline in this scenario");
        }
        partition.cancel();
        world.settle();
    }

    /** Every bit of byte {@code index} of the next MIKEY datagram that reaches the UE is inverted. */
    @Given("the network flips byte {int} of the next MIKEY message to {string}")
    public void flipsByteOfTheNextMikeyMessageTo(int index, String ue) {
        AtomicInteger seen = new AtomicInteger();
        world.network().inject(new Fault.Corrupt(Selector.matching("the next MIKEY message to " + ue,
                m -> m.kind() == Message.Kind.DATAGRAM && m.recipient().equals(ue) && seen.getAndIncrement() == 0),
                index, 0xFF));
    }

    /** The UE neither reported a verification message nor put any MIKEY datagram (its only kind: ACKs) on the wire. */
    @Then("{string} sent no MIKEY verification message")
    public void sentNoVerificationMessage(String ue) {
        assertThat(world.ueOutcomes()).as("verification messages %s reported", ue)
                .noneMatch(o -> o instanceof UeOutcome.MskReceived r && r.ue().equals(ue) && r.verificationSent());
        assertThat(world.network().capture()).as("MIKEY datagrams %s sent", ue)
                .noneMatch(c -> c.message().kind() == Message.Kind.DATAGRAM && c.message().sender().equals(ue));
    }
}
