package org.mbmskeys.engine.runtime;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mbmskeys.engine.dsl.ProcedureRepository;
import org.mbmskeys.engine.dsl.ReloadListener;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an engine's deployments in step with a {@link ProcedureRepository} ({@link EngineBuilder#procedures(ProcedureRepository)}):
 * after every reload, each current definition of the repository that is newer than the engine's is
 * deployed, and each procedure the repository no longer has is undeployed. It compares the whole
 * repository rather than replaying the reload's events, so a reload that happened between the engine's
 * build and the listener's registration is not lost. Deploy problems are logged, never thrown into the
 * reloading thread.
 */
final class RepositoryFollower implements ReloadListener {

    private static final Logger LOG = LoggerFactory.getLogger(RepositoryFollower.class);

    private final ProcedureRepository repository;
    private final DefaultEngine engine;
    private final Set<String> followed = new HashSet<>();
    /** Versions tried already ("name vN"), deployed or refused: each is deployed, or reported, once. */
    private final Set<String> tried = new HashSet<>();

    RepositoryFollower(ProcedureRepository repository, DefaultEngine engine) {
        this.repository = repository;
        this.engine = engine;
    }

    @Override
    public void loaded(ProcedureDefinition definition) {
        sync();
    }

    @Override
    public void removed(String name) {
        sync();
    }

    synchronized void sync() {
        if (engine.isClosed()) {
            return;
        }
        Map<String, ProcedureDefinition> current = repository.definitions().stream()
                .collect(Collectors.toMap(ProcedureDefinition::name, Function.identity()));
        for (ProcedureDefinition d : current.values()) {
            boolean newer = engine.definition(d.name()).map(deployed -> deployed.version() < d.version()).orElse(true);
            if (newer && tried.add(d.name() + " v" + d.version())) {   // a refused version is reported once
                try {
                    engine.deploy(d);
                } catch (RuntimeException e) {
                    if (engine.isClosed()) {
                        return;   // closed while this reload ran
                    }
                    LOG.error("{} of the repository could not be deployed; the engine keeps what it had: {}", d,
                            e.getMessage(), e instanceof InvalidDefinitionException ? null : e);
                }
            }
        }
        for (String name : followed) {
            if (!current.containsKey(name) && engine.procedures().contains(name)) {
                engine.undeploy(name);
            }
        }
        followed.clear();
        followed.addAll(current.keySet());
    }
}
