package org.mbmskeys.features.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.mbmskeys.engine.dsl.ReloadResult;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.Problem;

/**
 * Procedures: inline scripts, and scripts in a directory that is reloaded while the engine runs. Inline
 * scripts are named {@value Scripts#INLINE} in problems; scripts in the directory by their file name.
 */
public class ProcedureSteps {

    private final World world;
    private InvalidDefinitionException loadFailure;

    public ProcedureSteps(World world) {
        this.world = world;
    }

    @Given("the procedure:")
    public void theProcedure(String script) {
        world.deploy(Scripts.define(script));
    }

    @Given("the procedure script {string}:")
    public void theProcedureScript(String file, String text) throws IOException {
        Files.writeString(world.scriptDirectory().resolve(file), text, StandardCharsets.UTF_8);
    }

    @Given("the engine loads its procedures from that directory")
    public void theEngineLoadsItsProceduresFromThatDirectory() {
        world.loadScriptDirectory();
    }

    @When("the engine tries to load its procedures from that directory")
    public void theEngineTriesToLoad() {
        world.journal.newWindow();
        try {
            world.loadScriptDirectory();
            loadFailure = null;
        } catch (InvalidDefinitionException e) {
            loadFailure = e;
        }
    }

    @Then("loading failed with:")
    public void loadingFailedWith(String message) {
        assertThat(loadFailure).as("the failure of loading the scripts").isNotNull();
        assertThat(world.relative(loadFailure.getMessage()).lines().toList())
                .containsExactlyElementsOf(message.lines().map(String::strip).toList());
    }

    @When("the script {string} is changed to:")
    public void theScriptIsChangedTo(String file, String text) throws IOException {
        theProcedureScript(file, text);
    }

    @When("the script {string} is deleted")
    public void theScriptIsDeleted(String file) throws IOException {
        Files.delete(world.scriptDirectory().resolve(file));
    }

    @When("the scripts are reloaded")
    public void theScriptsAreReloaded() {
        world.journal.newWindow();
        world.reload();
    }

    @Then("the reload loaded {string} version {int}")
    public void theReloadLoaded(String procedure, int version) {
        assertThat(world.lastReload().loaded())
                .extracting(d -> d.name() + " v" + d.version())
                .containsExactly(procedure + " v" + version);
        assertThat(world.lastReload().problems()).isEmpty();
    }

    @Then("the reload removed {string}")
    public void theReloadRemoved(String procedure) {
        assertThat(world.lastReload().removed()).containsExactly(procedure);
        assertThat(world.engine().procedures()).as("procedures the engine starts").doesNotContain(procedure);
    }

    @Then("the reload was rejected, listing:")
    public void theReloadWasRejectedListing(String problems) {
        ReloadResult reload = world.lastReload();
        assertThat(reload.loaded()).as("definitions loaded by a rejected reload").isEmpty();
        assertThat(reload.problems().stream().map(Problem::toString).map(world::relative).toList())
                .containsExactlyElementsOf(problems.lines().map(String::strip).toList());
    }

    @Then("the reload changed nothing")
    public void theReloadChangedNothing() {
        assertThat(world.lastReload().changed()).as("reload %s changed something", world.lastReload()).isFalse();
    }

    @Then("new instances of {string} use version {int}")
    public void newInstancesUseVersion(String procedure, int version) {
        ProcedureDefinition newest = world.engine().definition(procedure).orElseThrow(() -> new AssertionError(
                "procedure '" + procedure + "' is not deployed; deployed are " + world.engine().procedures()));
        assertThat(newest.version()).as("version of '%s' that new instances use", procedure).isEqualTo(version);
    }
}
