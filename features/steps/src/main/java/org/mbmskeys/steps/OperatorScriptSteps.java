package org.mbmskeys.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.dsl.ReloadResult;
import org.mbmskeys.mbms.keys.KeyDomainId;

/**
 * The operator's own BM-SC scripts: a folder of the scenario's own that replaces shipped scripts, edits to
 * it and the hot reload that loads them ({@code Bmsc.reloadScripts()}).
 */
public class OperatorScriptSteps {

    /** The shipped push script's schedule: the first resend's delay, then the retry clause. */
    private static final Pattern PUSH_SCHEDULE = Pattern.compile(
            "after\\(seconds\\(\\d+\\), 'resend'\\) \\{(\\s*)retry \\d+, backoff: [\\d.]+, max: seconds\\(\\d+\\)");
    private static final String PUSH_SCRIPT = "msk-push.groovy";

    private final MbmsWorld world;
    private ReloadResult lastReload;

    public OperatorScriptSteps(MbmsWorld world) {
        this.world = world;
    }

    @Given("a BM-SC {string} in Key Domain {word}, with a script folder of the operator's")
    public void aBmscWithItsOwnScriptFolder(String fqdn, String keyDomain) {
        world.ownBmscScriptFolder();
        world.startBmsc(fqdn, KeyDomainId.parse(keyDomain));
    }

    @When("the operator changes the push schedule to a first resend after {int} seconds, {int} resends at most, without back-off")
    public void changesThePushSchedule(int firstResend, int resends) {
        String script = pushScript();
        Matcher schedule = PUSH_SCHEDULE.matcher(script);
        assertThat(schedule.find()).as("the push script has the shipped schedule's form:%n%s", PUSH_SCHEDULE).isTrue();
        String edited = schedule.replaceFirst(Matcher.quoteReplacement("after(seconds(" + firstResend + "), 'resend') {"
                + schedule.group(1) + "retry " + resends + ", backoff: 1.0, max: seconds(" + firstResend + ")"));
        saveAndReload(edited);
    }

    @When("the operator saves a push script with the text:")
    public void savesAPushScript(String text) {
        saveAndReload(text);
    }

    @When("the operator saves a push script that no longer declares the input {string}")
    public void savesAPushScriptWithoutInput(String input) {
        String script = pushScript();
        String declaration = "    input '" + input + "', String\n";
        assertThat(script).as("the push script declares input '%s'", input).contains(declaration);
        saveAndReload(script.replace(declaration, ""));
    }

    @When("the operator saves the push script as {string}")
    public void savesThePushScriptAs(String file) {
        saveAndReload(file, pushScript());
    }

    @When("the operator saves the UE's script {string} in the BM-SC's folder")
    public void savesAUeScript(String file) {
        saveAndReload(file, shipped("procedures/ue/" + file));
    }

    @Then("the BM-SC loaded {string} version {int}")
    public void loaded(String procedure, int version) {
        assertThat(lastReload.problems()).as("problems of the reload").isEmpty();
        assertThat(lastReload.loaded()).extracting(ProcedureDefinition::name, ProcedureDefinition::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(procedure, version));
    }

    @Then("the BM-SC refused the reload, naming {string} line {int}")
    public void refusedNaming(String file, int line) {
        assertThat(lastReload.loaded()).as("scripts loaded by a refused reload").isEmpty();
        assertThat(lastReload.problems()).as("problems of the reload").isNotEmpty()
                .anySatisfy(p -> assertThat(p.toString()).contains(file + ":" + line + ":"));
    }

    @Then("the BM-SC refused the reload, saying {string}")
    public void refusedSaying(String words) {
        assertThat(lastReload.loaded()).as("scripts loaded by a refused reload").isEmpty();
        assertThat(lastReload.problems()).extracting(Problem::message).as("problems of the reload")
                .anySatisfy(m -> assertThat(m).contains(words));
    }

    @Then("the BM-SC still runs {string} version {int}")
    public void stillRuns(String procedure, int version) {
        assertThat(world.bmsc().engine().definition(procedure)).as("the deployed %s (deployed: %s; last reload %s)", procedure,
                        world.bmsc().engine().procedures(), lastReload)
                .map(ProcedureDefinition::version).contains(version);
    }

    /** The push script the BM-SC runs now: the folder's own, or the shipped one. */
    private String pushScript() {
        Path own = folder().resolve(PUSH_SCRIPT);
        try {
            if (Files.exists(own)) {
                return Files.readString(own, StandardCharsets.UTF_8);
            }
            return shipped("procedures/bmsc/" + PUSH_SCRIPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String shipped(String resource) {
        try (InputStream shipped = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(shipped).as("the shipped script %s", resource).isNotNull();
            return new String(shipped.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void saveAndReload(String text) {
        saveAndReload(PUSH_SCRIPT, text);
    }

    private void saveAndReload(String file, String text) {
        try {
            Files.writeString(folder().resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastReload = world.bmsc().reloadScripts();
    }

    private Path folder() {
        return world.bmscScripts().orElseThrow(() -> new IllegalStateException(
                "this BM-SC has no script folder of its own: start it with 'a BM-SC ..., with a script folder of the operator's'"));
    }
}
