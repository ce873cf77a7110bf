package org.mbmskeys.engine.dsl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.mbmskeys.engine.model.DefinitionCheck;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.ProcedureCatalog;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.SourceRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The procedure scripts of an engine, loaded from a classpath folder and/or a directory, compiled and
 * verified once, and optionally reloaded while the engine runs.
 *
 * <p>{@link Builder#build()} loads every {@code *.groovy} script below the configured places and fails
 * with one {@link InvalidDefinitionException} listing every problem of every script (and procedure names
 * declared twice), so a broken script stops the engine from starting.
 *
 * <p><b>Hot reload.</b> {@link #reloadChanged()} reads the scripts again and recompiles those whose text
 * changed (and new ones). A changed script that verifies becomes the current definition of its procedure
 * under the next version number; new instances use it, while running instances finish on the version
 * they started with, which {@link #find(String, int)} keeps returning. A changed script that fails is
 * rejected: the previous version stays current and the problems are returned, logged and passed to the
 * {@link ReloadListener}s. A deleted script removes its procedure from {@link #current(String)}. The
 * repository starts no thread: the embedder calls {@code reloadChanged()} from its own scheduler. An
 * engine built with {@code Engine.builder().procedures(repository)} follows the reloads (it adds itself
 * as a listener): loaded definitions are deployed, removed procedures undeployed.
 *
 * <p>Every definition's {@link ProcedureDefinition#fingerprint() fingerprint} is that of its script text,
 * so a repository built anew (which numbers every script version 1 again) still tells an edited script
 * from the one a stored instance started on.
 *
 * <pre>{@code
 * ProcedureRepository procedures = ProcedureRepository.builder()
 *         .classpath("procedures")                      // shipped with the application
 *         .directory(Path.of("/etc/bmsc/procedures"))   // and operator-maintained ones
 *         .compiler(ProcedureCompiler.builder().imports("org.example.events.*").build())
 *         .build();                                     // InvalidDefinitionException lists every problem
 * Engine engine = Engine.builder().procedures(procedures).build();   // deploys and follows reloads
 * scheduler.scheduleAtFixedRate(procedures::reloadChanged, 10, 10, SECONDS);
 * }</pre>
 *
 * <p>Thread-safe: lookups read an immutable snapshot; reloads are serialized.
 */
public final class ProcedureRepository implements ProcedureCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ProcedureRepository.class);

    private record Loaded(String text, String procedure, int source) {
    }

    private record Snapshot(Map<String, ProcedureDefinition> current, Map<String, Map<Integer, ProcedureDefinition>> versions) {
    }

    private final List<ScriptSource> sources;
    private final ProcedureCompiler compiler;
    private final List<ReloadListener> listeners;
    private final Object reloadLock = new Object();
    private final Map<String, Loaded> byFile = new LinkedHashMap<>();
    private final Map<String, Integer> latestVersion = new HashMap<>();
    private volatile Snapshot snapshot;

    private ProcedureRepository(Builder builder) {
        this.sources = List.copyOf(builder.sources);
        this.compiler = builder.compiler;
        this.listeners = new CopyOnWriteArrayList<>(builder.listeners);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<ProcedureDefinition> current(String name) {
        return Optional.ofNullable(snapshot.current().get(name));
    }

    @Override
    public Optional<ProcedureDefinition> find(String name, int version) {
        return Optional.ofNullable(snapshot.versions().getOrDefault(name, Map.of()).get(version));
    }

    @Override
    public Set<String> names() {
        return snapshot.current().keySet();
    }

    /**
     * Adds a listener to a built repository, e.g. an engine that follows it
     * ({@code EngineBuilder.procedures(repository)}). It is told about the reloads that start after this
     * call; thread-safe, also while a reload runs.
     */
    public void addListener(ReloadListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes a listener added to the builder or with {@link #addListener}; does nothing if it is not there. */
    public void removeListener(ReloadListener listener) {
        listeners.remove(listener);
    }

    /** The current definitions, in load order. */
    public List<ProcedureDefinition> definitions() {
        return List.copyOf(snapshot.current().values());
    }

    private void load() {
        List<Problem> problems = new ArrayList<>();
        Map<String, ProcedureDefinition> current = new LinkedHashMap<>();
        Map<String, SourceRef> declared = new HashMap<>();
        Map<String, String> declaringFile = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            for (ScriptText script : read(i, problems)) {
                CompileResult result = compiler.compile(script.file(), script.text());
                if (!result.isValid()) {
                    problems.addAll(result.problems());
                    continue;
                }
                ProcedureDefinition d = result.orThrow();
                SourceRef first = declared.putIfAbsent(d.name(), d.declaredAt());
                if (first != null) {
                    problems.add(duplicate(d, first, i, declaringFile.get(d.name())));
                    continue;
                }
                declaringFile.put(d.name(), script.file());
                current.put(d.name(), d);
                latestVersion.put(d.name(), d.version());
                byFile.put(script.file(), new Loaded(script.text(), d.name(), i));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
        Map<String, Map<Integer, ProcedureDefinition>> versions = new HashMap<>();
        current.forEach((name, d) -> versions.put(name, Map.of(d.version(), d)));
        snapshot = new Snapshot(Collections.unmodifiableMap(current), versions);
        LOG.info("loaded {} procedure(s) from {}: {}", current.size(),
                sources.stream().map(ScriptSource::describe).collect(Collectors.joining(", ")), current.keySet());
    }

    /**
     * Recompiles the scripts whose text changed since they were loaded, and loads new ones; see the class
     * comment. Does nothing (and returns an empty result) when nothing changed.
     */
    public ReloadResult reloadChanged() {
        synchronized (reloadLock) {
            List<Problem> problems = new ArrayList<>();
            Map<String, ProcedureDefinition> current = new LinkedHashMap<>(snapshot.current());
            Map<String, Map<Integer, ProcedureDefinition>> versions = new HashMap<>(snapshot.versions());
            List<ProcedureDefinition> loaded = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            Map<String, ScriptText> seen = new LinkedHashMap<>();
            Map<String, Integer> sourceOf = new HashMap<>();
            boolean[] readable = new boolean[sources.size()];
            for (int i = 0; i < sources.size(); i++) {
                int before = problems.size();
                for (ScriptText script : read(i, problems)) {
                    if (seen.putIfAbsent(script.file(), script) == null) {
                        sourceOf.put(script.file(), i);
                    }
                }
                readable[i] = problems.size() == before;
            }
            // deletions first, so that a procedure moved to another file is free to load from there
            Map<String, Loaded> deleted = new HashMap<>();
            for (var it = byFile.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                if (readable[entry.getValue().source()] && !seen.containsKey(entry.getKey())) {
                    it.remove();
                    deleted.put(entry.getKey(), entry.getValue());
                    current.remove(entry.getValue().procedure());
                    removed.add(entry.getValue().procedure());
                }
            }
            for (ScriptText script : seen.values()) {
                Loaded before = byFile.get(script.file());
                if (before != null && before.text().equals(script.text())) {
                    continue;
                }
                List<Problem> rejected = replace(script, sourceOf.get(script.file()), before, current, versions, loaded, removed);
                if (!rejected.isEmpty()) {
                    problems.addAll(rejected);
                    Loaded stays = before != null ? before : keepReplaced(script, deleted, current, removed);
                    LOG.warn("rejected changed procedure script {}; {}:\n{}", script.file(),
                            stays == null ? "it is not loaded" : "version " + latestVersion.get(stays.procedure())
                                    + " of '" + stays.procedure() + "' stays current",
                            rejected.stream().map(Problem::toString).collect(Collectors.joining("\n")));
                    listeners.forEach(l -> l.rejected(script.file(), rejected));
                }
            }
            snapshot = new Snapshot(Collections.unmodifiableMap(current), versions);
            for (String name : removed) {
                LOG.info("procedure '{}' removed; running instances keep their version", name);
                listeners.forEach(l -> l.removed(name));
            }
            for (ProcedureDefinition d : loaded) {
                LOG.info("procedure '{}' version {} loaded; new instances use it", d.name(), d.version());
                listeners.forEach(l -> l.loaded(d));
            }
            return new ReloadResult(loaded, removed, problems);
        }
    }

    /**
     * A rejected script that stands in for another file (an operator's override of a shipped script) leaves
     * that file's procedure as it was, as a rejected edit of the file itself would.
     */
    private Loaded keepReplaced(ScriptText rejected, Map<String, Loaded> deleted, Map<String, ProcedureDefinition> current,
                                List<String> removed) {
        Loaded kept = rejected.replaces() == null ? null : deleted.get(rejected.replaces());
        if (kept == null || current.containsKey(kept.procedure())) {
            return null;
        }
        byFile.put(rejected.replaces(), kept);
        current.put(kept.procedure(), snapshot.current().get(kept.procedure()));
        removed.remove(kept.procedure());
        return kept;
    }

    private List<Problem> replace(ScriptText script, int source, Loaded before, Map<String, ProcedureDefinition> current,
                                  Map<String, Map<Integer, ProcedureDefinition>> versions,
                                  List<ProcedureDefinition> loaded, List<String> removed) {
        CompileResult result = compiler.compile(script.file(), script.text());
        if (!result.isValid()) {
            return result.problems();
        }
        ProcedureDefinition compiled = result.orThrow();
        String name = compiled.name();
        for (Map.Entry<String, Loaded> other : byFile.entrySet()) {
            if (!other.getKey().equals(script.file()) && other.getValue().procedure().equals(name)) {
                return List.of(duplicate(compiled, current.get(name).declaredAt(), source, other.getKey()));
            }
        }
        int version = latestVersion.getOrDefault(name, 0) + 1;
        ProcedureDefinition d = compiled.withVersion(version);
        if (before != null && !before.procedure().equals(name)) {
            current.remove(before.procedure());
            removed.add(before.procedure());
        }
        current.put(name, d);
        Map<Integer, ProcedureDefinition> history = new TreeMap<>(versions.getOrDefault(name, Map.of()));
        history.put(version, d);
        versions.put(name, Collections.unmodifiableMap(history));
        latestVersion.put(name, version);
        byFile.put(script.file(), new Loaded(script.text(), name, source));
        loaded.add(d);
        return List.of();
    }

    private List<ScriptText> read(int source, List<Problem> problems) {
        ScriptSource s = sources.get(source);
        try {
            return s.read();
        } catch (IOException | RuntimeException e) {
            problems.add(unreadable(s, e));
            return List.of();
        }
    }

    /** The problem of a source that cannot be read; {@link ScriptChecker} words it the same way. */
    static Problem unreadable(ScriptSource source, Exception e) {
        return new Problem(new SourceRef(source.describe(), 1, 1), "cannot read procedure scripts: "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    /** A procedure name declared a second time; {@link ScriptChecker} words it the same way. */
    static Problem duplicate(ProcedureDefinition d, SourceRef first) {
        return new Problem(d.declaredAt(), "procedure '" + d.name() + "' is already declared at " + first
                + "; procedure names are unique: rename one of them");
    }

    /**
     * {@link #duplicate(ProcedureDefinition, SourceRef)}, told how an operator's script replaces a shipped one
     * when it is one declaring the procedure of a shipped script under another file name: renaming the procedure
     * would only break what starts it.
     */
    private Problem duplicate(ProcedureDefinition d, SourceRef first, int source, String firstFile) {
        if (sources.get(source) instanceof OverlayScripts overlay && firstFile != null && overlay.isShipped(firstFile)) {
            return new Problem(d.declaredAt(), "procedure '" + d.name() + "' is already declared by the shipped script "
                    + first + "; a script of " + overlay.folder() + " replaces the shipped script of the same file "
                    + "name: name yours " + OverlayScripts.fileName(firstFile));
        }
        return duplicate(d, first);
    }

    /** Where scripts come from and how they are compiled. */
    public static final class Builder {
        private final List<ScriptSource> sources = new ArrayList<>();
        private final List<ReloadListener> listeners = new ArrayList<>();
        private final List<DefinitionCheck> checks = new ArrayList<>();
        private ProcedureCompiler compiler;

        private Builder() {
        }

        /** Scripts in classpath folder {@code folder} (e.g. {@code "procedures"}), seen by the engine's class loader. */
        public Builder classpath(String folder) {
            return classpath(folder, ProcedureRepository.class.getClassLoader());
        }

        /** Scripts in classpath folder {@code folder} as seen by {@code loader}, in directories and jars. */
        public Builder classpath(String folder, ClassLoader loader) {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(loader, "loader");
            if (folder.replace("/", "").isBlank()) {
                throw new IllegalArgumentException("classpath folder '" + folder + "' is empty; name the folder that holds "
                        + "the scripts, as in classpath(\"procedures\")");
            }
            sources.add(new ClasspathScripts(folder, loader));
            return this;
        }

        /**
         * Scripts in classpath folder {@code folder} (the shipped ones), where a script in {@code overrides} (and
         * its subdirectories) replaces the shipped script of the same file name, and the folder's other scripts
         * are added. The folder need not exist; when it is created or changes, {@link #reloadChanged} picks it up.
         */
        public Builder classpath(String folder, Path overrides) {
            classpath(folder);
            ScriptSource shipped = sources.remove(sources.size() - 1);
            sources.add(new OverlayScripts(shipped, Objects.requireNonNull(overrides, "overrides")));
            return this;
        }

        /** Scripts in {@code directory} and its subdirectories. */
        public Builder directory(Path directory) {
            sources.add(new DirectoryScripts(Objects.requireNonNull(directory, "directory")));
            return this;
        }

        /** How scripts are compiled; {@link ProcedureCompiler#standard()} if not given. */
        public Builder compiler(ProcedureCompiler procedureCompiler) {
            this.compiler = Objects.requireNonNull(procedureCompiler, "procedureCompiler");
            return this;
        }

        /**
         * Adds a check every script's definition must pass, at load and at every reload, after the built-in
         * ones and those of the {@link #compiler}; checks run in the order they were added.
         */
        public Builder check(DefinitionCheck check) {
            checks.add(Objects.requireNonNull(check, "check"));
            return this;
        }

        /** Told about every reload; see {@link ReloadListener}. */
        public Builder listener(ReloadListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Loads, compiles and verifies every script.
         *
         * @throws InvalidDefinitionException listing every problem of every script
         * @throws IllegalStateException      if no classpath folder or directory was given
         */
        public ProcedureRepository build() {
            if (sources.isEmpty()) {
                throw new IllegalStateException("a procedure repository needs somewhere to load scripts from: "
                        + "add classpath(\"procedures\") and/or directory(path)");
            }
            if (compiler == null) {
                compiler = ProcedureCompiler.standard();
            }
            compiler = compiler.withChecks(checks);
            ProcedureRepository repository = new ProcedureRepository(this);
            repository.load();
            return repository;
        }
    }
}
