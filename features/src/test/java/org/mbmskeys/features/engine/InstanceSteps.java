package org.mbmskeys.features.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import java.time.Duration;
import java.util.List;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;

/** What an instance is now: its state, whether it ended, its version, variables, timers and trace. */
public class InstanceSteps {

    private final World world;

    public InstanceSteps(World world) {
        this.world = world;
    }

    @Then("{instance} is in state {state}")
    public void isInState(InstanceRef instance, String state) {
        InstanceRecord record = record(instance);
        assertThat(record.state()).as("state of %s%s; its trace:%n%s", instance,
                world.ended(instance) ? " (it ended)" : "", trace(instance)).isEqualTo(state);
        assertThat(world.ended(instance)).as("%s ended in '%s', but is expected to be running there", instance, state)
                .isFalse();
    }

    @Then("{instance} ended in state {state}")
    public void endedInState(InstanceRef instance, String state) {
        assertThat(world.ended(instance)).as("%s ended; it is running in '%s'; its trace:%n%s", instance,
                record(instance).state(), trace(instance)).isTrue();
        assertThat(record(instance).state()).as("state %s ended in", instance).isEqualTo(state);
    }

    @Then("{instance} is not running")
    public void isNotRunning(InstanceRef instance) {
        assertThat(world.engine().instance(instance.procedure(), instance.key())).as("live record of %s", instance)
                .isEmpty();
    }

    @Then("{instance} runs version {int}")
    @Then("{instance} ran version {int}")
    public void runsVersion(InstanceRef instance, int version) {
        assertThat(record(instance).version()).as("definition version of %s", instance).isEqualTo(version);
    }

    @Then("variable {string} of {instance} is {string}")
    public void variableIs(String variable, InstanceRef instance, String value) {
        InstanceRecord record = record(instance);
        assertThat(record.variables()).as("variables of %s", instance).containsKey(variable);
        assertThat(String.valueOf(record.variables().get(variable))).as("variable '%s' of %s", variable, instance)
                .isEqualTo(value);
    }

    @Then("{instance} has a timer {string} due at {duration}")
    public void hasATimer(InstanceRef instance, String timer, Duration at) {
        assertThat(Deadlines.describe(world, record(instance))).as("timers of %s", instance)
                .contains(Deadlines.describe(timer, at));
    }

    @Then("{instance} has no timers")
    public void hasNoTimers(InstanceRef instance) {
        assertThat(Deadlines.describe(world, record(instance))).as("timers of %s", instance).isEmpty();
    }

    @Then("{instance} failed with {string}")
    public void failedWith(InstanceRef instance, String cause) {
        assertThat(record(instance).failure()).as("recorded failure of %s", instance).contains(cause);
    }

    @Then("the trace of {instance} is:")
    public void theTraceIs(InstanceRef instance, String expected) {
        assertThat(trace(instance)).as("trace of %s", instance)
                .containsExactlyElementsOf(expected.lines().map(String::strip).toList());
    }

    private List<String> trace(InstanceRef instance) {
        return world.traces.trace(instance).steps().stream().map(Object::toString).toList();
    }

    private InstanceRecord record(InstanceRef instance) {
        return world.record(instance).orElseThrow(() -> new AssertionError(instance + " never started; journal:\n"
                + String.join("\n", world.journal.all().stream().map(Object::toString).toList())));
    }
}
