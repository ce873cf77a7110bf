package org.mbmskeys.adapters.app.procedures;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.mbmskeys.adapters.app.support.TerminalText;
import org.mbmskeys.engine.diagram.DiagramFormat;
import org.mbmskeys.engine.dsl.CompileResult;
import org.mbmskeys.engine.dsl.ScriptChecker;
import org.mbmskeys.engine.model.NameSuggestions;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.ProcedureDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code mbms-keys procedures diagram}: prints the state diagram of one procedure, given as a script file
 * or as the name of a shipped procedure. Exit codes: 0 printed; 1 the script has problems (listed on
 * stderr; a broken script is not drawn); 2 argument errors, an unknown name among them.
 */
@Command(name = "diagram", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print the state diagram of one procedure (Mermaid by default): nested states, guards, timers, "
                + "retries and the spec reference.",
        footer = {"", "Exit codes: 0 printed; 1 the script has problems (listed on stderr); 2 argument errors, "
                + "such as a name no shipped procedure has."})
public final class DiagramCommand implements Callable<Integer> {

    /** What a procedure name looks like (the DSL's rule); anything else can only be a file. */
    private static final Pattern PROCEDURE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME|FILE",
            description = "a script file, or the name of a procedure shipped with mbms-keys")
    String target;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid", converter = FormatConverter.class,
            description = "mermaid, plantuml or dot (default: ${DEFAULT-VALUE})")
    DiagramFormat format;

    @Mixin
    CompilerOptions compilerOptions;

    /** Where the shipped scripts are; tests point it at their own. */
    ShippedProcedures shipped = ShippedProcedures.standard();

    @Override
    public Integer call() {
        Path file = Path.of(target);
        boolean isFile = Files.exists(file);
        if (isFile && Files.isDirectory(file)) {
            throw new ParameterException(spec.commandLine(), "NAME|FILE '" + target + "' is a directory; give one script "
                    + "file or the name of a shipped procedure (mbms-keys procedures check DIR checks a directory)");
        }
        if (!isFile && (target.endsWith(".groovy") || target.contains(file.getFileSystem().getSeparator()))) {
            throw new ParameterException(spec.commandLine(), "file '" + target + "' does not exist; give a script file "
                    + "or the name of a shipped procedure");
        }
        if (!isFile && !PROCEDURE_NAME.matcher(target).matches()) {
            throw new ParameterException(spec.commandLine(), "NAME|FILE '" + target + "' is neither an existing file nor "
                    + "a procedure name (letters, digits, '.', '_' and '-'); give a script file or the name of a shipped "
                    + "procedure");
        }
        ScriptChecker checker = compilerOptions.checker(spec);
        Optional<ProcedureDefinition> definition = isFile ? fromFile(checker, file) : shippedNamed(checker);
        if (definition.isEmpty()) {
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.writer().write(definition.get()));
        out.flush();
        return 0;
    }

    private Optional<ProcedureDefinition> fromFile(ScriptChecker checker, Path file) {
        CompileResult result = checker.check(List.of(file)).get(0);
        if (result.isValid()) {
            return result.definition();
        }
        PrintWriter err = spec.commandLine().getErr();
        for (Problem p : result.problems()) {
            err.println(TerminalText.safe(p.toString()));
        }
        err.println(CheckCommand.count(result.problems().size(), "problem") + " in " + TerminalText.safe(target)
                + "; a broken script is not drawn");
        err.flush();
        return Optional.empty();
    }

    private Optional<ProcedureDefinition> shippedNamed(ScriptChecker checker) {
        List<CompileResult> results = shipped.check(checker);
        for (CompileResult r : results) {
            if (r.definition().filter(d -> d.name().equals(target)).isPresent()) {
                return r.definition();
            }
        }
        TreeSet<String> known = new TreeSet<>();
        results.forEach(r -> r.definition().ifPresent(d -> known.add(d.name())));
        long broken = results.stream().filter(r -> !r.isValid()).count();
        String message = "unknown procedure '" + target + "'; "
                + NameSuggestions.closest(target, known).map(c -> "did you mean '" + c + "'? ").orElse("")
                + (known.isEmpty() ? "no procedures are shipped in " + shipped.describe() + " yet; give a script file instead"
                        : "the shipped procedures are: " + String.join(", ", known))
                + (broken == 0 ? "" : "; " + CheckCommand.count((int) broken, "shipped script")
                        + (broken == 1 ? " has" : " have") + " problems (see mbms-keys procedures check)");
        throw new ParameterException(spec.commandLine(), message);
    }

    /** Reads {@code --format} with {@link DiagramFormat#parse}, whose message lists the accepted names. */
    static final class FormatConverter implements ITypeConverter<DiagramFormat> {
        @Override
        public DiagramFormat convert(String value) {
            try {
                return DiagramFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
