package org.mbmskeys.adapters.app.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.adapters.app.procedures.Fixtures.BROKEN;
import static org.mbmskeys.adapters.app.procedures.Fixtures.PUSH;
import static org.mbmskeys.adapters.app.procedures.Fixtures.SHIPPED_TEST_SCRIPTS;
import static org.mbmskeys.adapters.app.procedures.Fixtures.resource;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.app.CliRun;

/** {@code mbms-keys procedures diagram}: a file or a shipped procedure's name in, diagram text out. */
class DiagramCommandTest {

    @Test
    void drawsAScriptFileAsMermaidByDefault() throws IOException {
        CliRun run = CliRun.of("procedures", "diagram", PUSH);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(resource("push.mmd"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void drawsPlantUmlOrDotOnRequest() throws IOException {
        CliRun plantUml = CliRun.of("procedures", "diagram", "--format", "plantuml", PUSH);
        CliRun dot = CliRun.of("procedures", "diagram", "--format", "dot", PUSH);

        assertThat(plantUml.out()).isEqualTo(resource("push.puml"));
        assertThat(dot.exitCode()).isZero();
        assertThat(dot.out()).startsWith("digraph \"tools.push\" {\n")
                .contains("awaiting_ack -> done [label=\"signal 'ack' [event.payload() == 'ok']\"];");
    }

    @Test
    void drawsAShippedProcedureByName() {
        CliRun run = CliRun.of(SHIPPED_TEST_SCRIPTS, "procedures", "diagram", "ue.msk-request");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("title: \"ue.msk-request\"", "requesting --> done : signal 'answered'");
    }

    @Test
    void anUnknownNameIsAnArgumentErrorThatListsTheShippedProcedures() {
        CliRun run = CliRun.of(SHIPPED_TEST_SCRIPTS, "procedures", "diagram", "ue.msk-requst");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown procedure 'ue.msk-requst'; did you mean 'ue.msk-request'? the shipped "
                + "procedures are: bmsc.msk-push, ue.msk-request");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aShippedUeProcedureIsDrawnByItsName() {
        CliRun run = CliRun.of("procedures", "diagram", "ue.msk-request");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("stateDiagram", "backingOff", "after announced back-off");
    }

    @Test
    void aBrokenScriptIsNotDrawnAndItsProblemsGoToStandardError() {
        CliRun run = CliRun.of("procedures", "diagram", BROKEN);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(4).first().asString().startsWith(BROKEN + ":4:28: on(signal('go'))");
        assertThat(run.err().lines()).last().isEqualTo("3 problems in " + BROKEN + "; a broken script is not drawn");
    }

    @Test
    void anUnknownFormatIsAnArgumentErrorThatListsTheFormats() {
        CliRun run = CliRun.of("procedures", "diagram", "--format", "svg", PUSH);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--format': unknown diagram format 'svg'; use one of: "
                + "mermaid (mmd), plantuml (puml), graphviz (dot)");
    }

    @Test
    void aMissingFileOrADirectoryIsAnArgumentError() {
        CliRun missing = CliRun.of("procedures", "diagram", "nowhere/push.groovy");
        CliRun directory = CliRun.of("procedures", "diagram", Fixtures.MIXED);
        CliRun neither = CliRun.of("procedures", "diagram", "push (v2)");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("file 'nowhere/push.groovy' does not exist; give a script file or the name "
                + "of a shipped procedure");
        assertThat(directory.exitCode()).isEqualTo(2);
        assertThat(directory.err()).contains("NAME|FILE '" + Fixtures.MIXED + "' is a directory; give one script file or "
                + "the name of a shipped procedure (mbms-keys procedures check DIR checks a directory)");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("NAME|FILE 'push (v2)' is neither an existing file nor a procedure name "
                + "(letters, digits, '.', '_' and '-')");
    }
}
