package org.mbmskeys.features.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import org.mbmskeys.engine.model.DefinitionCheck;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.SourceRef;
import org.mbmskeys.features.engine.events.Go;

/**
 * An embedder's own definition checks, and definitions built in Java: both go through the verifier that
 * scripts go through, with the same words.
 */
public class DefinitionCheckSteps {

    /** The sample embedder rule: every procedure names the spec clause it implements. */
    static final DefinitionCheck NAMES_ITS_SPEC_CLAUSE = (definition, where) -> definition.specRef().isBlank()
            ? List.of(new Problem(definition.declaredAt(), "procedure '" + definition.name()
                    + "' names no spec clause; add spec 'TS 33.246 §...'"))
            : List.of();

    private final World world;
    private InvalidDefinitionException deployFailure;

    public DefinitionCheckSteps(World world) {
        this.world = world;
    }

    @Given("the embedder requires every procedure to name its spec clause")
    public void everyProcedureNamesItsSpecClause() {
        world.require(NAMES_ITS_SPEC_CLAUSE);
    }

    /** Waits in 'waiting' for Go, then ends in 'done'; declared at {@code where}, as {@code File.java:line}. */
    @When("the procedure {string}, built in Java at {string} with spec clause {string}, is deployed")
    public void aJavaBuiltProcedureIsDeployed(String name, String where, String clause) {
        deploy(javaBuilt(name, where, clause).finalState("done").build());
    }

    /** As above, but 'done' is an ordinary state with no way out. */
    @When("the procedure {string}, built in Java at {string} with a state 'done' that is not final, is deployed")
    public void aJavaBuiltProcedureWithoutWayOutIsDeployed(String name, String where) {
        String[] fileLine = where.split(":");
        deploy(javaBuilt(name, where, "TS 33.246 §6.3")
                .state("done", s -> s.declaredAt(new SourceRef(fileLine[0], Integer.parseInt(fileLine[1]) + 2, 1)))
                .build());
    }

    @Then("deploying failed with:")
    public void deployingFailedWith(String message) {
        assertThat(deployFailure).as("the failure of deploying").isNotNull();
        assertThat(deployFailure.getMessage().lines().toList()).containsExactlyElementsOf(message.lines().map(String::strip).toList());
    }

    private static org.mbmskeys.engine.model.ProcedureBuilder javaBuilt(String name, String where, String clause) {
        String[] fileLine = where.split(":");
        SourceRef at = new SourceRef(fileLine[0], Integer.parseInt(fileLine[1]), 1);
        return ProcedureDefinition.builder(name).declaredAt(at).specRef(clause)
                .state("waiting", s -> s.declaredAt(new SourceRef(at.file(), at.line() + 1, 1)).on(Go.class, "done"));
    }

    private void deploy(ProcedureDefinition definition) {
        try {
            world.engine();   // running, so that the definition is deployed now
            world.deploy(definition);
            deployFailure = null;
        } catch (InvalidDefinitionException e) {
            deployFailure = e;
        }
    }
}
