package org.mbmskeys.features.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.Map;
import org.mbmskeys.engine.spi.InstanceRef;

/**
 * What a scenario does to the engine: start instances, send them events, requests and signals, and move
 * virtual time. Each of these steps opens a new journal window: the {@code Then} steps about "it" look
 * at what the last of them caused.
 */
public class DrivingSteps {

    private final World world;

    public DrivingSteps(World world) {
        this.world = world;
    }

    @When("{instance} is started")
    public void isStarted(InstanceRef instance) {
        start(instance, Map.of());
    }

    @When("{instance} is started with:")
    public void isStartedWith(InstanceRef instance, Map<String, String> inputs) {
        start(instance, inputs);
    }

    private void start(InstanceRef instance, Map<String, String> inputs) {
        world.journal.newWindow();
        world.started(instance);
        world.engine().start(instance.procedure(), instance.key(), inputs);
    }

    @Then("{instance} cannot be started, because:")
    public void cannotBeStarted(InstanceRef instance, String reason) {
        world.journal.newWindow();
        assertThatThrownBy(() -> world.engine().start(instance.procedure(), instance.key(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(reason.strip());
        assertThat(world.engine().instance(instance.procedure(), instance.key())).as("%s", instance).isEmpty();
    }

    @When("{instance} receives {event}")
    public void receives(InstanceRef instance, Object event) {
        world.journal.newWindow();
        world.engine().send(instance.procedure(), instance.key(), event);
    }

    @When("{instance} is asked {event}")
    public void isAsked(InstanceRef instance, Object event) {
        world.journal.newWindow();
        world.engine().request(instance.procedure(), instance.key(), event, world.journal.replyTo(instance.toString()));
    }

    @When("{instance} gets signal {string}")
    public void getsSignal(InstanceRef instance, String name) {
        world.journal.newWindow();
        world.engine().signal(instance.procedure(), instance.key(), name, null);
    }

    @When("{instance} gets signal {string} with payload {string}")
    public void getsSignalWithPayload(InstanceRef instance, String name, String payload) {
        world.journal.newWindow();
        world.engine().signal(instance.procedure(), instance.key(), name, payload);
    }

    @When("{duration} pass(es)")
    public void timePasses(Duration step) {
        world.journal.newWindow();
        world.time.advance(step);
    }

    @When("the clock reaches {duration}")
    public void theClockReaches(Duration sinceStart) {
        world.journal.newWindow();
        world.time.advanceTo(world.origin.plus(sinceStart));
    }
}
