package org.mbmskeys.engine.dsl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.SourceRef;

/**
 * Compiles and verifies procedure scripts without loading them into a repository or an engine, and says
 * for each script what it declares or everything that is wrong with it: for tools (the
 * {@code mbms-keys procedures check} command) and build checks.
 *
 * <p>Scripts are found, named and checked as {@link ProcedureRepository} does: every {@code *.groovy} below
 * a classpath folder or a directory, sorted by name; the same problems with the same texts, including a
 * procedure name that an earlier script already declared. Where the repository throws once for the whole
 * set, a check gives one {@link CompileResult} per script, valid or not, so a tool can list the good ones
 * too.
 *
 * <pre>{@code
 * ScriptChecker checker = ScriptChecker.using(ProcedureCompiler.builder().imports("org.example.events.*").build());
 * for (CompileResult script : checker.check(List.of(Path.of("src/main/resources/procedures")))) {
 *     if (script.isValid()) System.out.println("OK  " + script.orThrow().name() + " (" + script.file() + ")");
 *     else script.problems().forEach(System.out::println);     // file:line:col: message
 * }
 * }</pre>
 *
 * <p>Thread-safe; each call reads the scripts afresh.
 */
public final class ScriptChecker {

    private final ProcedureCompiler compiler;

    private ScriptChecker(ProcedureCompiler compiler) {
        this.compiler = compiler;
    }

    /** A checker that compiles with {@code compiler} (its imports, class loader and compilation mode). */
    public static ScriptChecker using(ProcedureCompiler compiler) {
        return new ScriptChecker(Objects.requireNonNull(compiler, "compiler"));
    }

    /**
     * Every script below classpath folder {@code folder} as {@code loader} sees it, in directories and jars,
     * named by resource path ({@code procedures/ue/msk-request.groovy}). No such folder means no scripts.
     *
     * @throws IllegalArgumentException if {@code folder} names no folder ({@code ""} or {@code "/"})
     */
    public List<CompileResult> checkClasspath(String folder, ClassLoader loader) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(loader, "loader");
        if (folder.replace("/", "").isBlank()) {
            throw new IllegalArgumentException("classpath folder '" + folder + "' is empty; name the folder that holds "
                    + "the scripts, as in checkClasspath(\"procedures\", loader)");
        }
        return checkSources(List.of(new ClasspathScripts(folder, loader)));
    }

    /**
     * The scripts at {@code filesOrDirectories}, in the order given: a directory stands for every
     * {@code *.groovy} below it (sorted), a file for itself whatever its extension. Scripts are named by
     * their paths as given. A path that cannot be read gives one invalid result, named by the path, whose
     * problem says why.
     */
    public List<CompileResult> check(List<Path> filesOrDirectories) {
        List<ScriptSource> sources = new ArrayList<>();
        for (Path p : filesOrDirectories) {
            Objects.requireNonNull(p, "path");
            sources.add(Files.isDirectory(p) ? new DirectoryScripts(p) : new FileScript(p));
        }
        return checkSources(sources);
    }

    private List<CompileResult> checkSources(List<ScriptSource> sources) {
        List<CompileResult> results = new ArrayList<>();
        Map<String, SourceRef> declared = new HashMap<>();
        for (ScriptSource source : sources) {
            List<ScriptText> scripts;
            try {
                scripts = source.read();
            } catch (IOException | RuntimeException e) {
                results.add(CompileResult.invalid(source.describe(), List.of(ProcedureRepository.unreadable(source, e))));
                continue;
            }
            for (ScriptText script : scripts) {
                CompileResult result = compiler.compile(script.file(), script.text());
                if (result.isValid()) {
                    ProcedureDefinition d = result.orThrow();
                    SourceRef first = declared.putIfAbsent(d.name(), d.declaredAt());
                    if (first != null) {
                        Problem duplicate = ProcedureRepository.duplicate(d, first);
                        result = CompileResult.invalid(script.file(), List.of(duplicate));
                    }
                }
                results.add(result);
            }
        }
        return results;
    }
}
