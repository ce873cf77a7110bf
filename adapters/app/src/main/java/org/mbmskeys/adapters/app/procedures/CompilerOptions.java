package org.mbmskeys.adapters.app.procedures;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.mbmskeys.engine.dsl.ProcedureCompiler;
import org.mbmskeys.engine.dsl.ScriptChecker;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How scripts are compiled: the options {@code check} and {@code diagram} share. */
final class CompilerOptions {

    /** A qualified Java name, or a package name followed by {@code .*}. */
    private static final Pattern IMPORT =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*(\\.\\*)?");

    @Option(names = "--import", paramLabel = "PKG.*|CLASS",
            description = "a default import for every script, as in org.example.events.* or org.example.events.Ack "
                    + "(repeatable); the classes must be on the class path of the command (see docs/dsl.md)")
    List<String> imports = new ArrayList<>();

    @Option(names = "--dynamic",
            description = "compile dynamically, as ProcedureCompiler.builder().compileStatic(false) does (default: static)")
    boolean dynamic;

    /**
     * The checker these options describe.
     *
     * @throws ParameterException naming {@code --import} if an import is not a class or package name
     */
    ScriptChecker checker(CommandSpec spec) {
        for (String i : imports) {
            if (!IMPORT.matcher(i).matches()) {
                throw new ParameterException(spec.commandLine(), "--import must be a class name or a package name "
                        + "ending in .*, as in org.example.events.* or org.example.events.Ack; got '" + i + "'");
            }
        }
        return ScriptChecker.using(ProcedureCompiler.builder()
                .imports(imports.toArray(String[]::new))
                .compileStatic(!dynamic)
                .build());
    }
}
