package org.mbmskeys.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.testkit.ProcedureTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The example of "Defining a procedure in Java" in docs/engine-runtime.md is this code: it compiles, it
 * deploys (so it passes the verifier), it runs as the page says, and the page shows it line for line.
 */
@OnBothBackends
class JavaBuiltDefinitionDocTest {

    /** The embedder's event in the example. */
    record Verified() {
    }

    @Parameter
    String backend;

    static ProcedureDefinition push() {
        // doc:start
        ProcedureDefinition push = ProcedureDefinition.builder("msk-push")
                .description("deliver an MSK and wait for the UE's verification")
                .specRef("TS 33.246 §6.3.2")
                .input("ue", String.class)
                .correlationKey("ue")
                .state("delivering", s -> s
                        .onEntry(ctx -> ctx.send("mikey", "MSK for " + ctx.input("ue")))
                        .on(Verified.class, "done")
                        .after("resend", Duration.ofSeconds(5), t -> t.retry(2).to("failed")))
                .finalState("done", s -> s.onEntry(ctx -> ctx.emit("delivered")))
                .errorState("failed")
                .build();
        // doc:end
        return push;
    }

    @Test
    void theExampleDeploysAndRunsAsThePageSays() {
        ProcedureTestKit.of(push(), b -> b.backend(backend))
                .start(Map.of("ue", "ue-1"))
                .expectState("delivering").expectSent("mikey", 1)
                .advance(Duration.ofSeconds(5)).expectSent("mikey", 2)
                .send(new Verified()).expectEnded("done").expectOutcome("delivered");
    }

    @Test
    void thePageShowsTheExampleLineForLine() throws IOException {
        Path page = Path.of("../docs/engine-runtime.md");
        assertTrue(Files.exists(page), "docs/ is next to engine/ in a source checkout");
        List<String> source = Files.readAllLines(Path.of(
                "src/test/java/org/mbmskeys/engine/runtime/JavaBuiltDefinitionDocTest.java"), StandardCharsets.UTF_8);
        List<String> example = source.subList(source.indexOf("        // doc:start") + 1, source.indexOf("        // doc:end"))
                .stream().map(line -> line.substring(8)).toList();

        assertThat(Files.readString(page, StandardCharsets.UTF_8)).contains("```java\n" + String.join("\n", example) + "\n```");
    }
}
