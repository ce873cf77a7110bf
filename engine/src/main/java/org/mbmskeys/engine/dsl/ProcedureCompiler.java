package org.mbmskeys.engine.dsl;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import groovy.transform.CompileStatic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;
import org.mbmskeys.engine.model.DefinitionCheck;
import org.mbmskeys.engine.model.DefinitionVerifier;
import org.mbmskeys.engine.model.Fingerprints;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.Signal;
import org.mbmskeys.engine.model.SourceRef;
import org.mbmskeys.engine.model.TimerFired;

/**
 * Compiles procedure scripts ({@link ProcedureScript}) into verified {@link ProcedureDefinition}s, or into
 * the full list of their problems as {@code file:line:col: message}.
 *
 * <p>A script is compiled once per distinct text and the class is cached (the first compile in a JVM
 * costs about 1.7 s, later ones milliseconds); each {@code compile} call then runs the class once to
 * build a fresh definition. Compilation is static by default: keywords are checked while compiling
 * (action bodies included), {@code event}, inputs and variables get their declared types, and actions
 * and guards run as statically compiled closures. {@code compileStatic(false)} compiles dynamically, for
 * scripts that need Groovy's dynamic features; their action bodies are still checked for unknown words.
 *
 * <p>Scripts see {@code java.time.Duration}, {@code Signal} and {@code TimerFired} without imports; add
 * the packages of your event classes with {@link Builder#imports(String...)} or import them in the script.
 * The class loader must see both the engine and the event classes.
 *
 * <pre>{@code
 * ProcedureCompiler compiler = ProcedureCompiler.builder()
 *         .imports("org.example.events.*")
 *         .build();
 * ProcedureDefinition push = compiler.compile("push.groovy", text).orThrow();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ProcedureCompiler {

    private static final String TYPE_CHECK_PREFIX = "[Static type checking] - ";
    private static final java.util.regex.Pattern QUALIFIED = java.util.regex.Pattern.compile(
            "\\b(?:[a-z_][\\w]*\\.)+(?:[A-Z][\\w]*\\$)*([A-Z][\\w]*)");

    private final ClassLoader classLoader;
    private final List<String> imports;
    private final boolean compileStatic;
    private final List<DefinitionCheck> checks;
    private final DefinitionVerifier verifier;
    private final Cache<Key, CompiledScript> cache = Caffeine.newBuilder().maximumSize(512).build();

    private record Key(String file, String text, boolean compileStatic) {
    }

    private ProcedureCompiler(Builder builder) {
        this.classLoader = builder.classLoader;
        this.imports = List.copyOf(builder.imports);
        this.compileStatic = builder.compileStatic;
        this.checks = List.copyOf(builder.checks);
        this.verifier = DefinitionVerifier.with(checks);
    }

    /** This compiler with {@code extra} checks after its own; for a repository given both a compiler and checks. */
    ProcedureCompiler withChecks(List<DefinitionCheck> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        Builder b = builder().classLoader(classLoader).compileStatic(compileStatic);
        b.imports.addAll(imports);
        b.checks.addAll(checks);
        b.checks.addAll(extra);
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Static compilation, default imports only, the engine's class loader: one shared compiler, so a script
     * text is compiled once per JVM however many repositories (a BM-SC, many UEs, tests) load it.
     */
    public static ProcedureCompiler standard() {
        return Standard.INSTANCE;
    }

    /** Holder: built on first use. */
    private static final class Standard {
        static final ProcedureCompiler INSTANCE = builder().build();
    }

    public boolean compilesStatically() {
        return compileStatic;
    }

    /** Compiles {@code text} as version 1; {@code file} is the name problems are reported under. */
    public CompileResult compile(String file, String text) {
        return compile(file, text, 1);
    }

    /** Compiles {@code text} into version {@code version} of the procedure it declares. */
    public CompileResult compile(String file, String text, int version) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        return compile(file, text, version, true);
    }

    private CompileResult compile(String file, String text, int version, boolean standInsAllowed) {
        CompiledScript compiled = compiled(file, text, compileStatic);
        if (compiled.compiled()) {
            CompileResult result = run(compiled, file, version);
            // the text is the honest identity of a script: a changed closure body changes what it does
            return result.isValid() ? CompileResult.valid(file, result.orThrow().withFingerprint(Fingerprints.ofText(text)))
                    : result;
        }
        List<Problem> problems = new ArrayList<>(compiled.problems());
        if (compiled.unresolved() != null && standInsAllowed) {
            // nothing ran: compile again with stand-ins for the unknown classes to find the other problems
            // (once: what does not resolve with stand-ins is left as the first compile reported it)
            UnresolvedClasses unresolved = compiled.unresolved();
            for (Problem p : compile(file, unresolved.standIns(text), version, false).problems()) {
                if (!unresolved.mentionsOne(p)) {
                    problems.add(p);
                }
            }
        } else if (compileStatic && compiled.typeErrorsOnly()) {
            // The type checker stops the class from being built, so nothing ran: run a dynamic build of the
            // same text to report the structural problems too. Both paths word a problem the same way, so
            // what both found appears once.
            CompiledScript dynamic = compiled(file, text, false);
            problems.addAll(dynamic.compiled() ? run(dynamic, file, version).problems() : dynamic.problems());
        }
        return CompileResult.invalid(file, sorted(problems));
    }

    private CompiledScript compiled(String file, String text, boolean statically) {
        return cache.get(new Key(file, text, statically), k -> compileClass(file, text, statically));
    }

    private CompiledScript compileClass(String file, String text, boolean statically) {
        PositionIndex index = new PositionIndex(text);
        List<Problem> lint = new ArrayList<>();
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(ProcedureScript.class.getName());
        config.setSourceEncoding("UTF-8");
        ImportCustomizer importCustomizer = new ImportCustomizer();
        importCustomizer.addImports(java.time.Duration.class.getName(), Signal.class.getName(), TimerFired.class.getName());
        for (String i : imports) {
            if (i.endsWith(".*")) {
                importCustomizer.addStarImports(i.substring(0, i.length() - 2));
            } else {
                importCustomizer.addImports(i);
            }
        }
        config.addCompilationCustomizers(importCustomizer, new PositionRecorder(index), new GuardLint(file, lint));
        if (statically) {
            // Groovy 5 writes every cast of a statically compiled script (the value of service(...), event,
            // input(...), a generic return) as an invokedynamic call site whose guard collects its arguments into
            // a new array at each call: about 3 % of a whole re-key's CPU (docs/benchmarks.md). Without indy the
            // same cast is a static call to ScriptBytecodeAdapter.castToType and a checkcast. Method calls are
            // direct calls either way; only what a script leaves dynamic takes Groovy's classic call sites.
            config.getOptimizationOptions().put(CompilerConfiguration.INVOKEDYNAMIC, false);
            config.addCompilationCustomizers(new RecordEventAccess(), new VariableAccess(), new ASTTransformationCustomizer(
                    Map.of("extensions", List.of(StaticScriptChecks.class.getName())), CompileStatic.class));
        } else {
            config.addCompilationCustomizers(new ActionLint(file, lint));
        }
        // One loader per script: a reloaded script's old classes go away with the definitions that use them.
        GroovyClassLoader loader = new GroovyClassLoader(classLoader, config);
        try {
            Class<?> scriptClass = loader.parseClass(new GroovyCodeSource(text, file, "/groovy/shell"), false);
            return new CompiledScript(scriptClass, index, lint, false, null);
        } catch (MultipleCompilationErrorsException e) {
            List<Problem> problems = new ArrayList<>();
            boolean typeErrorsOnly = true;
            boolean unresolvedOnly = true;
            UnresolvedClasses unresolved = new UnresolvedClasses();
            String[] lines = text.split("\n", -1);
            for (Message m : e.getErrorCollector().getErrors()) {
                if (m instanceof SyntaxErrorMessage s) {
                    SyntaxException cause = s.getCause();
                    String message = cause.getOriginalMessage();
                    typeErrorsOnly &= message.startsWith(TYPE_CHECK_PREFIX);
                    unresolvedOnly &= unresolved.note(message, cause.getLine(), lines);
                    problems.add(new Problem(new SourceRef(file, Math.max(1, cause.getLine()), Math.max(1, cause.getStartColumn())),
                            describe(message, cause.getLine(), cause.getStartColumn(), index)));
                } else {
                    typeErrorsOnly = false;
                    unresolvedOnly = false;
                    StringWriter out = new StringWriter();
                    m.write(new PrintWriter(out));
                    problems.add(new Problem(new SourceRef(file, 1, 1), out.toString().strip()));
                }
            }
            problems.addAll(lint);   // what the lints found before the compiler gave up
            return new CompiledScript(null, index, problems, typeErrorsOnly, unresolvedOnly && !unresolved.isEmpty() ? unresolved : null);
        }
    }

    private static String describe(String message, int line, int column, PositionIndex index) {
        if (message.startsWith(TYPE_CHECK_PREFIX)) {
            return withoutPackages(message.substring(TYPE_CHECK_PREFIX.length()).strip());
        }
        if (message.startsWith("Unexpected input")) {
            // the parser quotes the whole rule that failed, which says little; the position says more
            if (line >= index.lineCount() - 1) {
                return "syntax error: the script ends early: is a closing '}' or ')' missing?";
            }
            return index.charAt(line, column).map(c -> "syntax error: unexpected '" + c + "'; check the brackets and quotes before it")
                    .orElse("syntax error: unexpected input; check the brackets and quotes before it");
        }
        if (message.startsWith("you tried to assign a value to the class '")) {
            // Groovy names a script's class after its file: push.groovy is class 'push', and 'push = ...' then means it
            String name = message.substring("you tried to assign a value to the class '".length()).split("'", 2)[0];
            return "'" + name + "' is this script's own name: Groovy names a script after its file (" + name
                    + ".groovy), so a variable of that name cannot be assigned; rename the file (or the variable)";
        }
        if (message.startsWith("Unexpected character: '\\''")) {
            return "syntax error: a quote is not closed";
        }
        if (message.startsWith("Unexpected") || message.startsWith("Missing") || message.startsWith("expecting")) {
            return "syntax error: " + message.lines().findFirst().orElse(message).strip();
        }
        if (message.startsWith("Access to ") && message.endsWith(" is forbidden")) {
            String member = message.substring(message.lastIndexOf('#') + 1, message.length() - " is forbidden".length());
            String owner = message.substring("Access to ".length(), message.lastIndexOf('#'));
            return "'" + member + "' of " + withoutPackages(owner) + " cannot be read as a property; if '" + member
                    + "' is a record component, call its accessor: " + member + "()";
        }
        if (message.startsWith("unable to resolve class")) {
            return message.strip() + "; is it on the class path the ProcedureCompiler was given?";
        }
        return message.strip();
    }

    /** {@code java.lang.String} becomes {@code String}, {@code org.example.Trigger$OnSignal} becomes {@code OnSignal}. */
    static String withoutPackages(String text) {
        return QUALIFIED.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1)));
    }

    private CompileResult run(CompiledScript compiled, String file, int version) {
        BuildContext context = new BuildContext(file, compiled.scriptClass().getName(), compiled.index());
        List<Problem> problems = new ArrayList<>(compiled.problems());
        ProcedureScript script;
        try {
            script = (ProcedureScript) compiled.scriptClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate the compiled script " + file, e);
        }
        script.attach(context);
        try {
            script.run();
        } catch (Exception e) {
            context.scriptFailed(e);
        } finally {
            script.detach();
        }
        ProcedureDefinition definition = null;
        List<Problem> verified = List.of();
        if (!context.procedures().isEmpty()) {
            DefinitionAssembler.Assembled assembled = DefinitionAssembler.assemble(context, context.procedures().get(0), version);
            definition = assembled.definition();
            if (!context.failed()) {
                verified = verifier.problems(definition, assembled.positions());
            }
        }
        problems.addAll(context.problems());
        problems.addAll(verified);
        if (context.procedures().isEmpty()) {
            problems.add(new Problem(new SourceRef(file, 1, 1), "the script declares no procedure; expected procedure('name') { ... }"));
        }
        return problems.isEmpty() ? CompileResult.valid(file, definition) : CompileResult.invalid(file, sorted(problems));
    }

    private static List<Problem> sorted(List<Problem> problems) {
        List<Problem> out = new ArrayList<>(new LinkedHashSet<>(problems));
        out.sort(Comparator.comparingInt((Problem p) -> p.where().line()).thenComparingInt(p -> p.where().column()));
        return out;
    }

    /** Options of a {@link ProcedureCompiler}. */
    public static final class Builder {
        private ClassLoader classLoader = ProcedureCompiler.class.getClassLoader();
        private final List<String> imports = new ArrayList<>();
        private boolean compileStatic = true;
        private final List<DefinitionCheck> checks = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a check every compiled definition must pass, after the built-in ones; checks run in the order
         * they were added and report at the script's positions ({@code file:line:col}).
         */
        public Builder check(DefinitionCheck check) {
            checks.add(Objects.requireNonNull(check, "check"));
            return this;
        }

        /** The loader scripts resolve classes with; it must see the engine and the event classes. */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /** Default imports for every script: class names, or packages as {@code "org.example.events.*"}. */
        public Builder imports(String... classesOrPackages) {
            for (String i : classesOrPackages) {
                if (i == null || i.isBlank() || i.startsWith(".") || i.endsWith(".")) {
                    throw new IllegalArgumentException("import '" + i + "' is not a class name or a package ending in .*, "
                            + "as in 'org.example.events.*' or 'org.example.events.Ack'");
                }
                imports.add(i.strip());
            }
            return this;
        }

        /** Static compilation (the default) or dynamic; see the class comment. */
        public Builder compileStatic(boolean enabled) {
            this.compileStatic = enabled;
            return this;
        }

        public ProcedureCompiler build() {
            return new ProcedureCompiler(this);
        }
    }
}
