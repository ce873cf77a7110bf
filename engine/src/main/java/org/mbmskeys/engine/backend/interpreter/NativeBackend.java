package org.mbmskeys.engine.backend.interpreter;

import java.util.Objects;
import org.mbmskeys.engine.backend.ExecutableProcedure;
import org.mbmskeys.engine.backend.ExecutionBackend;
import org.mbmskeys.engine.backend.StateTree;
import org.mbmskeys.engine.model.ProcedureDefinition;

/**
 * The default backend, named {@code native}: interprets the model directly. At deploy time each state
 * gets a transition table (its own transitions, then its ancestors', innermost first) with the exit and
 * entry paths of every transition precomputed; handling an event is a scan of that table, the guard calls
 * and the actions. Nothing is allocated per event by the backend itself, and one prepared definition
 * serves every lane.
 *
 * <pre>{@code
 * Engine engine = Engine.builder().backend(new NativeBackend()).procedure(definition).build();  // the default anyway
 * }</pre>
 */
public final class NativeBackend implements ExecutionBackend {

    /** The name this backend is selected by. */
    public static final String NAME = "native";

    /** Public for {@link java.util.ServiceLoader}. */
    public NativeBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ExecutableProcedure prepare(ProcedureDefinition definition, int lanes) {
        Objects.requireNonNull(definition, "definition");
        return new NativeProcedure(StateTree.of(definition));
    }

    @Override
    public String toString() {
        return "native backend";
    }
}
