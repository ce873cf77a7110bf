package org.mbmskeys.adapters.app.procedures;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Option(names = {"--classpath", "-cp"}, paramLabel = "PATH",
            description = "jars and class folders that hold the scripts' own classes (event records, helpers), "
                    + "separated as for java -cp (: on Linux and macOS, ; on Windows; repeatable)")
    List<String> classpath = new ArrayList<>();

    @Option(names = "--dynamic",
            description = "compile dynamically, as ProcedureCompiler.builder().compileStatic(false) does (default: static)")
    boolean dynamic;

    /**
     * The checker these options describe.
     *
     * @throws ParameterException naming {@code --import} if an import is not a class or package name, or
     *                            {@code --classpath} if an entry is neither a jar nor a folder
     */
    ScriptChecker checker(CommandSpec spec) {
        for (String i : imports) {
            if (!IMPORT.matcher(i).matches()) {
                throw new ParameterException(spec.commandLine(), "--import must be a class name or a package name "
                        + "ending in .*, as in org.example.events.* or org.example.events.Ack; got '" + i + "'");
            }
        }
        ProcedureCompiler.Builder compiler = ProcedureCompiler.builder()
                .classLoader(classLoader(spec))
                .imports(imports.toArray(String[]::new))
                .compileStatic(!dynamic);
        // what a role expects of a script in its namespace (bmsc., ue.): the checks it applies when it loads one
        ShippedProcedures.ROLE_CONTRACTS.forEach(contract -> compiler.check(contract.forItsNamespace()));
        return ScriptChecker.using(compiler.build());
    }

    /**
     * The command's own class loader (it sees the engine) extended by {@code --classpath}. The loader is
     * never closed: the command reads the scripts once and exits.
     */
    private ClassLoader classLoader(CommandSpec spec) {
        ClassLoader own = CompilerOptions.class.getClassLoader();
        List<URL> urls = new ArrayList<>();
        for (String option : classpath) {
            for (String entry : option.split(Pattern.quote(File.pathSeparator))) {
                if (entry.isBlank()) {
                    continue;
                }
                Path path = Path.of(entry);
                boolean jar = Files.isRegularFile(path) && entry.endsWith(".jar");
                if (!jar && !Files.isDirectory(path)) {
                    throw new ParameterException(spec.commandLine(), "--classpath entry '" + entry + "' is "
                            + (Files.exists(path) ? "neither a .jar file nor a folder" : "not there")
                            + "; give jars and class folders separated by '" + File.pathSeparator + "', as for java -cp");
                }
                try {
                    urls.add(path.toAbsolutePath().toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new ParameterException(spec.commandLine(), "--classpath entry '" + entry + "' is not a usable path");
                }
            }
        }
        return urls.isEmpty() ? own : new URLClassLoader("procedure-classpath", urls.toArray(URL[]::new), own);
    }
}
