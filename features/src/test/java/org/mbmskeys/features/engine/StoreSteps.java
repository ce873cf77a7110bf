package org.mbmskeys.features.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.InstanceStore;

/** Where instance records live, engine stops and restarts, and what the store holds. */
public class StoreSteps {

    private final World world;
    private boolean keepOriginal;

    public StoreSteps(World world) {
        this.world = world;
    }

    @Given("instances are kept in {store}")
    public void instancesAreKeptIn(InstanceStore store) {
        world.useStore(store);
    }

    @When("the engine stops")
    public void theEngineStops() {
        world.journal.newWindow();
        world.stopEngine();
    }

    @When("the engine starts again")
    public void theEngineStartsAgain() {
        world.journal.newWindow();
        world.startEngineAgain();
    }

    @When("the engine restarts")
    public void theEngineRestarts() {
        world.journal.newWindow();
        world.stopEngine();
        world.startEngineAgain();
    }

    @Given("the original text of the procedure is kept for the instances that started on it")
    public void theOriginalTextIsKept() {
        keepOriginal = true;
    }

    @When("the engine restarts with the procedure changed to:")
    public void theEngineRestartsWithTheProcedureChangedTo(String script) {
        world.journal.newWindow();
        world.restartWithChanged(Scripts.define(script), keepOriginal);
    }

    @Then("{instance} was not taken over, because:")
    public void wasNotTakenOver(InstanceRef instance, String reason) {
        assertThat(world.engine().instance(instance.procedure(), instance.key())).as("%s running", instance).isEmpty();
        assertThat(stored(instance).failure().map(world::namingFingerprints)).as("failure of %s in the store", instance)
                .contains(reason.strip());
    }

    @Then("the store holds {instance} in state {state}")
    public void theStoreHoldsInState(InstanceRef instance, String state) {
        assertThat(stored(instance).state()).as("state of %s in the store", instance).isEqualTo(state);
    }

    @Then("the store holds no record of {instance}")
    public void theStoreHoldsNoRecordOf(InstanceRef instance) {
        assertThat(world.store().load(instance.procedure(), instance.key())).as("record of %s in the store", instance)
                .isEmpty();
    }

    @Then("the stored record of {instance} has a timer {string} due at {duration}")
    public void theStoredRecordHasATimer(InstanceRef instance, String timer, Duration at) {
        assertThat(Deadlines.describe(world, stored(instance))).as("timers of %s in the store", instance)
                .contains(Deadlines.describe(timer, at));
    }

    @Then("the stored record of {instance} has variable {string} = {string}")
    public void theStoredRecordHasVariable(InstanceRef instance, String variable, String value) {
        assertThat(String.valueOf(stored(instance).variables().get(variable)))
                .as("variable '%s' of %s in the store", variable, instance).isEqualTo(value);
    }

    private InstanceRecord stored(InstanceRef instance) {
        return world.store().load(instance.procedure(), instance.key()).orElseThrow(() -> new AssertionError(
                "the store holds no record of " + instance));
    }
}
