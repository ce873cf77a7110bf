package org.mbmskeys.adapters.app.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.adapters.app.procedures.Fixtures.BROKEN;
import static org.mbmskeys.adapters.app.procedures.Fixtures.MIXED;
import static org.mbmskeys.adapters.app.procedures.Fixtures.NEEDS_IMPORT;
import static org.mbmskeys.adapters.app.procedures.Fixtures.PUSH;
import static org.mbmskeys.adapters.app.procedures.Fixtures.SHIPPED_TEST_SCRIPTS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.adapters.app.CliRun;

/** {@code mbms-keys procedures check}: what it prints per script, its summary and its exit codes. */
class CheckCommandTest {

    private static final String PROCEDURE_WORDS =
            "correlateBy, description, errorState, finalState, initial, input, spec, state, variable";

    @Test
    void aValidScriptIsReportedOkAndTheCheckExitsZero() {
        CliRun run = CliRun.of("procedures", "check", PUSH);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "OK  tools.push (" + PUSH + ")",
                "1 procedure OK");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aBrokenScriptHasEveryProblemPrintedAsFileLineColumnMessageAndTheCheckExitsOne() {
        CliRun run = CliRun.of("procedures", "check", BROKEN);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly(
                BROKEN + ":4:28: on(signal('go')) in state 'waiting' goes to 'dnoe', which is not a state; did you mean "
                        + "'done'? declared states: done, island, waiting",
                BROKEN + ":5:29: unknown keyword 'rety' in an after(...) block; did you mean 'retry'? allowed here: action, "
                        + "goTo, guard, hours, millis, minutes, retry, seconds",
                BROKEN + ":7:5: state 'island' is unreachable: no transition from the initial state 'waiting' leads to it; "
                        + "add goTo 'island' to a transition, or remove the state",
                "3 problems in 1 file");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aDirectoryWithProblemsInTwoScriptsHasThemAllReportedTogetherWithTheGoodOnes() {
        CliRun run = CliRun.of("procedures", "check", MIXED);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly(
                "OK  mixed.a (" + MIXED + "/a-ok.groovy)",
                MIXED + "/b-broken.groovy:2:5: unknown keyword 'desription' in the procedure block; did you mean "
                        + "'description'? allowed here: " + PROCEDURE_WORDS,
                "OK  mixed.c (" + MIXED + "/c-ok.groovy)",
                MIXED + "/sub/d-broken.groovy:3:5: state 'a' is not final and has no way out: no transition or timer of "
                        + "it or of an enclosing state leads elsewhere; add on(...) { goTo '...' } or after(...) { goTo "
                        + "'...' }, or declare it with finalState",
                MIXED + "/sub/d-broken.groovy:4:5: state 'done' is unreachable: no transition from the initial state 'a' "
                        + "leads to it; add goTo 'done' to a transition, or remove the state",
                "3 problems in 2 files");
    }

    @Test
    void severalArgumentsAreCheckedInTheirOrderAndANameDeclaredTwiceIsAProblem(@TempDir Path dir) throws IOException {
        Path copy = Files.copy(Path.of(PUSH), dir.resolve("copy.groovy"));

        CliRun run = CliRun.of("procedures", "check", PUSH, dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly(
                "OK  tools.push (" + PUSH + ")",
                copy + ":1:1: procedure 'tools.push' is already declared at " + PUSH + ":1:1; procedure names are unique: "
                        + "rename one of them",
                "1 problem in 1 file");
    }

    @Test
    void withoutArgumentsItChecksTheShippedScriptsAgainstTheRoleCode() {
        CliRun run = CliRun.of("procedures", "check");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains("OK  bmsc.msk-push (procedures/bmsc/msk-push.groovy)",
                "OK  bmsc.registration (procedures/bmsc/registration.groovy)");
        assertThat(run.out().lines().reduce((a, b) -> b)).hasValueSatisfying(last -> assertThat(last).matches("\\d+ procedures OK"));
    }

    @Test
    void aScriptNamedInARolesNamespaceIsHeldToWhatThatRoleHoldsItToWhenItLoadsIt(@TempDir Path dir) throws IOException {
        String push = shipped("procedures/bmsc/msk-push.groovy");
        Path noClause = Files.writeString(dir.resolve("msk-push.groovy"), push.replace("    spec 'TS 33.246 §6.3.2.3.1'\n", ""));
        Path misspelt = Files.writeString(dir.resolve("other.groovy"),
                push.replace("procedure('bmsc.msk-push')", "procedure('bmsc.msk-psuh')"));
        Path own = Files.writeString(dir.resolve("own.groovy"), "procedure('acme.audit') { initial 'done'; finalState 'done' }\n");

        CliRun run = CliRun.of("procedures", "check", noClause.toString(), misspelt.toString(), own.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly(
                noClause + ":7:1: procedure 'bmsc.msk-push' names no TS 33.246 clause; add spec 'TS 33.246 §...'",
                misspelt + ":7:1: procedure 'bmsc.msk-psuh' is not one the BM-SC runs (bmsc.deregistration, bmsc.msk-push, "
                        + "bmsc.msk-request, bmsc.mtk-delivery, bmsc.registration, bmsc.solicited-pull): the BM-SC refuses "
                        + "it when it loads its scripts",
                "OK  acme.audit (" + own + ")",
                "2 problems in 2 files");
    }

    private static String shipped(String resource) throws IOException {
        try (var in = CheckCommandTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void withoutArgumentsItChecksEveryScriptOfTheShippedFolder() {
        CliRun run = CliRun.of(SHIPPED_TEST_SCRIPTS, "procedures", "check");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "OK  example.push (shipped-test/bmsc/msk-push.groovy)",
                "OK  example.msk-request (shipped-test/ue/msk-request.groovy)",
                "2 procedures OK");
    }

    @Test
    void anEmptyDirectoryHasNoScriptsAndIsNoFailure(@TempDir Path dir) {
        CliRun run = CliRun.of("procedures", "check", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly("0 procedure scripts found in " + dir);
    }

    @Test
    void importMakesEventClassesKnownWithoutAnImportInTheScript() {
        CliRun without = CliRun.of("procedures", "check", NEEDS_IMPORT);
        CliRun withPackage = CliRun.of("procedures", "check", "--import", "org.mbmskeys.adapters.app.procedures.*",
                NEEDS_IMPORT);
        CliRun withClass = CliRun.of("procedures", "check", "--import", "java.util.List",
                "--import", TestAck.class.getName(), NEEDS_IMPORT);

        assertThat(without.exitCode()).isEqualTo(1);
        assertThat(without.out().lines()).containsExactly(
                NEEDS_IMPORT + ":3:27: unknown name 'TestAck' in a state block: no such keyword, and no class 'TestAck' is "
                        + "imported; import it at the top of the script (import org.example.TestAck)",
                "1 problem in 1 file");
        assertThat(withPackage.exitCode()).isZero();
        assertThat(withPackage.out().lines()).containsExactly("OK  tools.ack (" + NEEDS_IMPORT + ")", "1 procedure OK");
        assertThat(withClass.exitCode()).isZero();
    }

    @Test
    void dynamicCompilationAcceptsWhatOnlyTheStaticTypeCheckRejects(@TempDir Path dir) throws IOException {
        Path script = Files.writeString(dir.resolve("typed.groovy"), """
                procedure('typed') {
                    variable 'attempts', Integer, 0
                    initial 'a'
                    state('a') { on(signal('go')) { action { attempts = 'many' }; goTo 'done' } }
                    finalState 'done'
                    errorState 'failed'
                }
                """);

        CliRun statically = CliRun.of("procedures", "check", script.toString());
        CliRun dynamically = CliRun.of("procedures", "check", "--dynamic", script.toString());

        assertThat(statically.exitCode()).isEqualTo(1);
        assertThat(statically.out()).contains(script + ":4:57: cannot assign a String to 'attempts', which is an Integer");
        assertThat(dynamically.exitCode()).isZero();
    }

    @Test
    void aGuardThatAssignsOrSendsIsReportedInBothCompilationModes(@TempDir Path dir) throws IOException {
        Path script = Files.writeString(dir.resolve("counting.groovy"), """
                procedure('counting') {
                    variable 'tries', Integer, 0
                    initial 'a'
                    state('a') {
                        on(signal('go')) { guard { tries++ < 3 }; goTo 'done' }
                        on(signal('ask')) { guard { send 'out', 'x'; true }; goTo 'done' }
                    }
                    finalState 'done'
                    errorState 'failed'
                }
                """);

        for (CliRun run : new CliRun[] {CliRun.of("procedures", "check", script.toString()),
                CliRun.of("procedures", "check", "--dynamic", script.toString())}) {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out().lines()).containsExactly(
                    script + ":5:36: a guard cannot assign variable 'tries': guards only read and decide whether the "
                            + "transition fires; change it in the transition's action { ... } instead",
                    script + ":6:37: a guard cannot send: guards only read and decide whether the transition fires; "
                            + "send in the transition's action { ... } instead",
                    "2 problems in 1 file");
        }
    }

    @Test
    void aPathThatDoesNotExistIsAnArgumentError() {
        CliRun run = CliRun.of("procedures", "check", PUSH, "no/such/dir");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("DIR|FILE 'no/such/dir' does not exist; give procedure scripts or directories "
                + "that hold them, or nothing to check the shipped scripts");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anImportThatIsNoClassOrPackageIsAnArgumentError() {
        CliRun run = CliRun.of("procedures", "check", "--import", "org.example.", PUSH);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--import must be a class name or a package name ending in .*, as in "
                + "org.example.events.* or org.example.events.Ack; got 'org.example.'");
        assertThat(run.out()).isEmpty();
    }
}
