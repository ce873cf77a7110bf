package org.mbmskeys.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.mbmskeys.adapters.memory.Fault;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.adapters.memory.Selector;

/** The network between them, its faults, and the clock. */
public class NetworkSteps {

    private final MbmsWorld world;

    public NetworkSteps(MbmsWorld world) {
        this.world = world;
    }

    @Given("the network loses the next MIKEY message to {string}")
    public void losesTheNextMikeyMessageTo(String ue) {
        AtomicInteger seen = new AtomicInteger();
        world.network().inject(new Fault.Drop(Selector.matching("the next MIKEY message to " + ue,
                m -> m.kind() == Message.Kind.DATAGRAM && m.recipient().equals(ue) && seen.getAndIncrement() == 0)));
    }

    @Given("the network loses the next MIKEY message from {string}")
    public void losesTheNextMikeyMessageFrom(String ue) {
        AtomicInteger seen = new AtomicInteger();
        world.network().inject(new Fault.Drop(Selector.matching("the next MIKEY message from " + ue,
                m -> m.kind() == Message.Kind.DATAGRAM && m.sender().equals(ue) && seen.getAndIncrement() == 0)));
    }

    @Given("{string} is offline")
    public void isOffline(String ue) {
        world.partitions.put(ue, world.network().inject(new Fault.Partition(ue)));
    }

    @When("{int} second(s) pass(es)")
    public void secondsPass(int seconds) {
        world.advance(Duration.ofSeconds(seconds));
    }

    @When("{int} minute(s) pass(es)")
    public void minutesPass(int minutes) {
        world.advance(Duration.ofMinutes(minutes));
    }
}
