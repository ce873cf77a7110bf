package org.mbmskeys.adapters.app.procedures;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.mbmskeys.adapters.app.support.TerminalText;
import org.mbmskeys.engine.dsl.CompileResult;
import org.mbmskeys.engine.dsl.ScriptChecker;
import org.mbmskeys.engine.model.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mbms-keys procedures check}: compiles and verifies procedure scripts as the engine would load
 * them and prints, per script, {@code OK  name (file)} or every problem as {@code file:line:col: message},
 * then a summary. Exit codes: 0 every script is fine (or there are none); 1 at least one problem; 2
 * argument errors.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Verify procedure scripts: print every problem of every script as file:line:col: message. "
                + "Without arguments, check the scripts shipped with mbms-keys (classpath folder "
                + ShippedProcedures.FOLDER + "/).",
        footer = {"", "Exit codes: 0 every script is fine (or none was found); 1 at least one problem; 2 argument errors."})
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "DIR|FILE",
            description = "a directory (every *.groovy below it) or a script file; default: the shipped scripts")
    List<Path> paths = new ArrayList<>();

    @Mixin
    CompilerOptions compilerOptions;

    /** Where the shipped scripts are; tests point it at their own. */
    ShippedProcedures shipped = ShippedProcedures.standard();

    @Override
    public Integer call() {
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new ParameterException(spec.commandLine(), "DIR|FILE '" + p + "' does not exist; give procedure "
                        + "scripts or directories that hold them, or nothing to check the shipped scripts");
            }
        }
        ScriptChecker checker = compilerOptions.checker(spec);
        List<CompileResult> results = paths.isEmpty() ? shipped.check(checker) : checker.check(paths);
        PrintWriter out = spec.commandLine().getOut();
        if (results.isEmpty()) {
            out.println("0 procedure scripts found in " + (paths.isEmpty() ? shipped.describe()
                    : paths.stream().map(Path::toString).collect(Collectors.joining(", "))));
            out.flush();
            return 0;
        }
        int problems = 0;
        int brokenFiles = 0;
        for (CompileResult r : results) {
            if (r.isValid()) {
                out.println(TerminalText.safe("OK  " + r.orThrow().name() + " (" + r.file() + ")"));
                continue;
            }
            brokenFiles++;
            for (Problem p : r.problems()) {
                problems++;
                out.println(TerminalText.safe(p.toString()));
            }
        }
        out.println(problems == 0 ? count(results.size(), "procedure") + " OK"
                : count(problems, "problem") + " in " + count(brokenFiles, "file"));
        out.flush();
        return problems == 0 ? 0 : 1;
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
