package org.mbmskeys.features.engine;

import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.mbmskeys.engine.backend.ExecutionBackend;
import org.mbmskeys.engine.runtime.EngineBuilder;

/**
 * Which execution backend this run of the suite uses, and whether the class path has it. The backend
 * comes from the system property {@value EngineBuilder#BACKEND_PROPERTY}, exactly as an embedder would
 * pick it, so the suite exercises that path too.
 */
final class Backends {

    static final String NATIVE = "native";

    private Backends() {
    }

    /** The backend named by {@value EngineBuilder#BACKEND_PROPERTY}, {@code native} when it is unset. */
    static String selected() {
        return System.getProperty(EngineBuilder.BACKEND_PROPERTY, NATIVE);
    }

    /**
     * Why the selected backend cannot run here, if it cannot: {@code native} always can; any other must be
     * found through {@link ServiceLoader}, as {@code EngineBuilder} finds it.
     */
    static Optional<String> unavailable() {
        String name = selected();
        if (name.equals(NATIVE)) {
            return Optional.empty();
        }
        TreeSet<String> found = new TreeSet<>();
        found.add(NATIVE);
        try {
            for (ExecutionBackend backend : ServiceLoader.load(ExecutionBackend.class)) {
                if (backend.name().equals(name)) {
                    return Optional.empty();
                }
                found.add(backend.name());
            }
        } catch (ServiceConfigurationError e) {
            return Optional.of("backend '" + name + "' is registered but cannot be loaded: " + e.getMessage());
        }
        return Optional.of("no execution backend named '" + name + "' on the class path (found " + found + "); "
                + "its scenarios are skipped until the backend is in the tree");
    }
}
