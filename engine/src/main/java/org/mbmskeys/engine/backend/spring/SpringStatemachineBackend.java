package org.mbmskeys.engine.backend.spring;

import java.util.Objects;
import org.mbmskeys.engine.backend.ExecutableProcedure;
import org.mbmskeys.engine.backend.ExecutionBackend;
import org.mbmskeys.engine.backend.StateTree;
import org.mbmskeys.engine.model.ProcedureDefinition;

/**
 * The backend named {@code spring}: runs definitions on Spring Statemachine 4.0.2. For each definition
 * and lane it builds one {@code StateMachine<String, String>} whose states are the model's states (nested
 * with {@code parent(...)}) and whose transitions are the model's transitions; for each event it resets
 * that machine to the instance's leaf state, sends the event and blocks until Spring is done. The instance
 * record, timers, retry counters, effects and persistence stay the engine's, so both backends produce the
 * same transition traces (the conformance tests compare them).
 *
 * <p>How the model maps onto Spring:
 * <ul>
 *   <li>states: one Spring state per model state, with the same name; a composite's children are a
 *       region with {@code parent(composite)} and the composite's initial child as initial state.
 *       Final and error kinds are not Spring end states (an end state stops the machine, which serves
 *       every instance on its lane); ending instances is the runtime's job.</li>
 *   <li>events (Spring's event type is {@code String}): a signal {@code x} is {@code "signal:x"}; the
 *       timer {@code t} of state number {@code i} is {@code "timer:i:t"} (Spring's own timers are not
 *       used: deadlines live in the instance record); every typed event is {@code "event"}, because
 *       Spring matches events by equality and the model by type (a transition on {@code Message} takes
 *       a {@code Hello implements Message}), so the type is checked by the guard. The event object itself
 *       travels in the message header {@value #EVENT_HEADER}.</li>
 *   <li>transitions: one Spring transition per model transition ({@code withExternal()} with the target,
 *       or {@code withInternal()} without one); a timer transition with a bounded retry becomes two, a
 *       self-transition taken while retries remain and the declared one taken after that.</li>
 *   <li>guards: Spring tries the candidate transitions of the active states in its own order, which for
 *       transitions of one state on one event is a {@code HashMap}'s; the model's rule is the innermost
 *       state first, then declaration order. So the first guard Spring calls in a step picks the model's
 *       transition once (type check, then the model's guards in model order, each at most once) and every
 *       Spring guard passes only for that transition.</li>
 *   <li>actions: Spring runs a transition's actions <em>before</em> it exits the source state; the model
 *       (UML) exits, then runs the transition's actions, then enters. So the Spring action of a transition
 *       does the whole move in the model's order, along the paths {@link StateTree} computes, and the
 *       Spring states carry no entry or exit actions. (Spring's own exits and entries come from special
 *       cases in {@code AbstractStateMachine}, not from a least-common-ancestor rule; the moves do not
 *       depend on them.) Spring still switches its own states afterwards, so its listeners see every
 *       transition; they also get {@code eventNotAccepted} from each submachine on the active path before
 *       the top machine takes an event (all transitions live in the top machine), so that callback is not
 *       a rejection.</li>
 *   <li>exceptions from guards and actions are caught in the wrappers (Spring would log a guard's and
 *       count it as "no", and turn an action's into its own reactive error) and rethrown as they are once
 *       Spring is done, so the runtime moves the instance to its error state with the real cause.</li>
 *   <li>starting an instance enters the initial states directly, in the same order as the native backend
 *       (the lane's machine was started once, when the definition was prepared).</li>
 * </ul>
 *
 * <p>Spring Statemachine is an optional dependency of the engine: an embedder who selects this backend
 * adds {@code org.springframework.statemachine:spring-statemachine-core:4.0.2}. This class itself uses no
 * Spring type, so that {@link java.util.ServiceLoader} can list it without Spring on the class path.
 *
 * <pre>{@code
 * Engine engine = Engine.builder().backend("spring").procedure(definition).build();
 * // or: java -Dmbmskeys.engine.backend=spring ...
 * }</pre>
 */
public final class SpringStatemachineBackend implements ExecutionBackend {

    /** The name this backend is selected by. */
    public static final String NAME = "spring";

    /** The Spring message header that carries the event object (the payload is the event key). */
    public static final String EVENT_HEADER = "mbmskeys.event";

    private static final String SPRING_MARKER = "org.springframework.statemachine.StateMachine";

    /** Public for {@link java.util.ServiceLoader}. */
    public SpringStatemachineBackend() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Builds one Spring state machine per lane for {@code definition} and starts them.
     *
     * @throws org.mbmskeys.engine.model.InvalidDefinitionException if the definition cannot be executed
     * @throws IllegalStateException if Spring Statemachine is not on the class path
     */
    @Override
    public ExecutableProcedure prepare(ProcedureDefinition definition, int lanes) {
        Objects.requireNonNull(definition, "definition");
        if (lanes < 1) {
            throw new IllegalArgumentException("procedure '" + definition.name() + "' needs at least 1 lane, got " + lanes);
        }
        requireSpring(definition);
        return new SpringProcedure(StateTree.of(definition), lanes);
    }

    private static void requireSpring(ProcedureDefinition definition) {
        try {
            Class.forName(SPRING_MARKER, false, SpringStatemachineBackend.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("the '" + NAME + "' backend cannot run procedure '" + definition.name()
                    + "': Spring Statemachine is not on the class path; add org.springframework.statemachine:"
                    + "spring-statemachine-core:4.0.2, or use the 'native' backend", e);
        }
    }

    @Override
    public String toString() {
        return "spring backend (Spring Statemachine 4.0.2)";
    }
}
