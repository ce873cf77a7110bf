package org.mbmskeys.features.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.dsl.ProcedureRepository;
import org.mbmskeys.engine.dsl.ReloadResult;
import org.mbmskeys.engine.model.DefinitionCheck;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.runtime.Engine;
import org.mbmskeys.engine.runtime.EngineBuilder;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.InstanceStore;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.RoutingRule;
import org.mbmskeys.engine.spi.Step;
import org.mbmskeys.engine.testkit.TraceRecorder;

/**
 * One scenario's world, shared by all step classes (picocontainer creates one per scenario): virtual
 * time, the store, the deployed procedures and routing rules, the engine (built on first use, so that
 * every {@code Given} can add to it first), the {@link Journal} and the per-instance traces.
 *
 * <p>The engine is deterministic: every call and every {@code ManualScheduler.advance} has been handled
 * completely when it returns, in the same order on every run and on every backend. The backend is the
 * one the system property {@value EngineBuilder#BACKEND_PROPERTY} names, resolved by the engine builder
 * itself, as an embedder would configure it.
 *
 * <p>Public only because Cucumber's object factory instantiates it.
 */
public final class World {

    /** The key of "the instance" when a scenario starts it without naming one. */
    static final String DEFAULT_KEY = "test";

    final ManualScheduler time = new ManualScheduler();
    final Instant origin = time.now();
    final Journal journal = new Journal(time::now);
    final TraceRecorder traces = new TraceRecorder();
    private final List<ProcedureDefinition> definitions = new ArrayList<>();
    private final List<ProcedureDefinition> retired = new ArrayList<>();
    private final Map<String, String> fingerprintNames = new HashMap<>();
    private final List<RoutingRule> rules = new ArrayList<>();
    private final List<DefinitionCheck> checks = new ArrayList<>();
    private final Map<InstanceRef, InstanceRecord> endedRecords = new HashMap<>();
    private final Random seeded = new Random(0x6d626d73L);
    private InstanceStore store;
    private Engine engine;
    private boolean stopped;
    private String procedure;
    private InstanceRef current;
    private Path scriptDirectory;
    private ProcedureRepository repository;
    private ReloadResult lastReload;

    // --- procedures, store, rules: set before the engine is built ---

    /** Deploys {@code definition}: at build time, or at once if the engine runs (a newer version). */
    void deploy(ProcedureDefinition definition) {
        if (engine != null) {
            engine.deploy(definition);   // first, so that a definition the engine refuses is not kept for a restart
        }
        definitions.add(definition);
        procedure = definition.name();
    }

    void useStore(InstanceStore chosen) {
        requireNotBuilt("the store");
        this.store = chosen;
    }

    InstanceStore store() {
        if (store == null) {
            store = InstanceStore.inMemory();
        }
        return store;
    }

    void route(RoutingRule rule) {
        requireNotBuilt("routing rules");
        rules.add(rule);
    }

    /** A check every definition must pass, when scripts load and when anything is deployed. */
    void require(DefinitionCheck check) {
        requireNotBuilt("definition checks");
        checks.add(check);
    }

    private void requireNotBuilt(String what) {
        if (engine != null || stopped) {
            throw new IllegalStateException(what + " must be given before the engine first runs: move this step "
                    + "above the first step that starts, sends or moves time");
        }
    }

    // --- the engine ---

    /** The running engine, built on first use. */
    Engine engine() {
        if (stopped) {
            throw new IllegalStateException("the engine is stopped; a step 'the engine starts again' must come first");
        }
        if (engine == null) {
            engine = build();
        }
        return engine;
    }

    /** Closes the engine; records stay in the store. */
    void stopEngine() {
        engine().close();
        engine = null;
        stopped = true;
        journal.engine("stopped");
    }

    /**
     * A new engine on the same store and clock takes over; the scheduler then runs what is due at once, as
     * a real scheduler would, so deadlines that passed while no engine ran fire here.
     */
    void startEngineAgain() {
        if (!stopped) {
            throw new IllegalStateException("the engine is not stopped; use 'the engine stops' first");
        }
        stopped = false;
        if (store instanceof H2Store h2) {
            h2.reopen();   // a new process: only what the table holds
        }
        journal.engine("started");
        engine = build();
        time.runDue();
    }

    /**
     * Stops the engine, replaces the definition of {@code changed}'s procedure by it (also numbered
     * version 1, as a repository built anew numbers it), keeping the replaced text as retired if
     * {@code keepOriginal}, and starts an engine again.
     */
    void restartWithChanged(ProcedureDefinition changed, boolean keepOriginal) {
        stopEngine();
        for (ProcedureDefinition old : List.copyOf(definitions)) {
            if (old.name().equals(changed.name())) {
                definitions.remove(old);
                fingerprintNames.put(old.fingerprint(), "the original text");
                if (keepOriginal) {
                    retired.add(old);
                }
            }
        }
        fingerprintNames.put(changed.fingerprint(), "the edited text");
        definitions.add(changed);
        startEngineAgain();
    }

    /** {@code text} with each fingerprint a scenario changed named as the scenario names it. */
    String namingFingerprints(String text) {
        String out = text;
        for (Map.Entry<String, String> named : fingerprintNames.entrySet()) {
            out = out.replace("fingerprint " + named.getKey(), "fingerprint of " + named.getValue());
        }
        return out;
    }

    private Engine build() {
        EngineBuilder builder = Engine.builder()
                .procedures(definitions)
                .retired(retired)
                .deterministic()
                .lanes(2)
                .scheduler(time)
                .store(store())
                .random(length -> {
                    byte[] out = new byte[length];
                    seeded.nextBytes(out);
                    return Bytes.wrap(out);
                })
                .defaultChannel(journal::sent)
                .listener(journal)
                .listener(traces)
                .listener(new EndedRecords());
        rules.forEach(builder::route);
        checks.forEach(builder::check);
        if (repository != null) {
            builder.procedures(repository);   // deploys the scripts and follows the reloads, as an embedder would
        }
        Engine built = builder.build();
        if (!built.backend().equals(Backends.selected())) {
            throw new IllegalStateException("the engine runs on backend '" + built.backend() + "' but this run selected '"
                    + Backends.selected() + "'");
        }
        return built;
    }

    void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
        if (store instanceof H2Store h2) {
            h2.close();
        }
        if (scriptDirectory != null) {
            try (Stream<Path> files = Files.walk(scriptDirectory)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // --- instances ---

    /** The procedure "the instance" belongs to: the one declared last. */
    String procedure() {
        if (procedure == null) {
            throw new IllegalStateException("no procedure is declared yet; begin with 'Given the procedure:'");
        }
        return procedure;
    }

    /** "The instance": the one started last, or instance {@value #DEFAULT_KEY} of the last declared procedure. */
    InstanceRef current() {
        return current != null ? current : new InstanceRef(procedure(), DEFAULT_KEY);
    }

    void started(InstanceRef instance) {
        current = instance;
    }

    /** The live record of {@code instance}, or its last record if it ended. */
    Optional<InstanceRecord> record(InstanceRef instance) {
        Optional<InstanceRecord> live = engine().instance(instance.procedure(), instance.key());
        return live.isPresent() ? live : Optional.ofNullable(endedRecords.get(instance));
    }

    boolean ended(InstanceRef instance) {
        return endedRecords.containsKey(instance) && engine().instance(instance.procedure(), instance.key()).isEmpty();
    }

    // --- scripts in a directory, reloaded ---

    Path scriptDirectory() {
        if (scriptDirectory == null) {
            try {
                scriptDirectory = Files.createTempDirectory("features-procedures-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scriptDirectory;
    }

    /**
     * Loads every script of the directory (stopping on any problem); the engine deploys what it declares
     * and follows its reloads ({@code EngineBuilder.procedures(repository)}).
     */
    void loadScriptDirectory() {
        requireNotBuilt("the script directory");
        ProcedureRepository.Builder scripts = ProcedureRepository.builder()
                .directory(scriptDirectory())
                .compiler(Scripts.COMPILER);
        checks.forEach(scripts::check);
        repository = scripts.build();
        repository.definitions().forEach(d -> procedure = d.name());
    }

    ReloadResult reload() {
        if (repository == null) {
            throw new IllegalStateException("no script directory is loaded; use 'the engine loads its procedures from "
                    + "that directory' first");
        }
        lastReload = repository.reloadChanged();
        return lastReload;
    }

    ReloadResult lastReload() {
        if (lastReload == null) {
            throw new IllegalStateException("nothing was reloaded yet");
        }
        return lastReload;
    }

    /** {@code text} with the script directory's path removed, so that problems name scripts as features write them. */
    String relative(String text) {
        return scriptDirectory == null ? text : text.replace(scriptDirectory + "/", "");
    }

    /** Keeps the last record of every instance that ended, for the steps that look at it afterwards. */
    private final class EndedRecords implements ProcedureListener {
        @Override
        public void ended(InstanceRef instance, InstanceRecord last) {
            endedRecords.put(instance, InstanceRecord.copyOf(last));
        }

        @Override
        public void transitioned(InstanceRef instance, Step step) {
            if (step instanceof Step.Started) {
                endedRecords.remove(instance);   // the key runs again
            }
        }
    }
}
