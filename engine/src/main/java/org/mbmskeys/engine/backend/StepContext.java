package org.mbmskeys.engine.backend;

import org.mbmskeys.engine.model.ActionContext;
import org.mbmskeys.engine.model.TransitionDefinition;
import org.mbmskeys.engine.spi.RejectionReason;

/**
 * The runtime's side of one step of one instance, handed to an {@link ExecutableProcedure}. The backend
 * decides what happens and runs guards and actions; it reports each structural move here, in order, and
 * the runtime keeps the record, timers, retry counters and trace in line. States are
 * {@link StateTree} indices.
 *
 * <p>The calls a backend makes for one step:
 * <ul>
 *   <li><b>start</b>: {@code entered(s)} for each state from the top down to the initial leaf, each
 *       followed by that state's entry actions.</li>
 *   <li><b>external transition</b>: {@code taking(source, t)}; for each exited state, innermost first, its
 *       exit actions then {@code exited(s)}; the transition's actions; for each entered state, outermost
 *       first, {@code entered(s)} then its entry actions.</li>
 *   <li><b>internal transition</b> (no target, or a retry that is used up and has no target):
 *       {@code taking(source, t)}, then the transition's actions.</li>
 *   <li><b>bounded retry</b> (the timer transition has a retry and {@code attempts(source)} is below its
 *       maximum): {@code retrying(source, t)}, then exits and entries as above from the leaf up to and
 *       including {@code source} and back down; the transition's actions do not run.</li>
 *   <li><b>rejection</b>: {@code rejected(reason, detail)} and nothing else (guards may have run).</li>
 * </ul>
 * A guard or action that throws must make {@code start}/{@code fire} throw; the runtime then discards the
 * step's effects and moves the instance to the error state. The context is only valid during the call.
 */
public interface StepContext {

    /** The lane running this step, 0..lanes-1 (a backend may keep per-lane machinery). */
    int lane();

    /**
     * The current state: the leaf the instance is in until the first {@link #entered}, then the last state
     * entered (a {@link StateTree} index).
     */
    int stateIndex();

    /** The event: an event object, a {@link org.mbmskeys.engine.model.Signal}, a {@link org.mbmskeys.engine.model.TimerFired}; null on start. */
    Object event();

    /**
     * For a {@link org.mbmskeys.engine.model.TimerFired} event, the state whose timer fired (only that
     * state's timer transitions may take it); {@link StateTree#NONE} for other events.
     */
    int timerState();

    /** Retries made in {@code state} since it was last entered from outside. */
    int attempts(int state);

    /** The context to pass to actions. */
    ActionContext actions();

    /**
     * The context to pass to guards: {@link #actions()} read-only. Whatever would change the instance or
     * act (set, send, reply, start, signal, emit, restartTimer) throws, which fails the step, so a
     * transition that is not taken leaves the record as it was on every store.
     */
    ActionContext guards();

    /** The transition declared on {@code source} was chosen and is not a retry. */
    void taking(int source, TransitionDefinition transition);

    /** The timer transition of {@code state} retries: {@code state} is about to be exited and re-entered. */
    void retrying(int state, TransitionDefinition transition);

    /** {@code state} was exited (after its exit actions ran): its timers are cancelled. */
    void exited(int state);

    /** {@code state} is being entered (before its entry actions run): its timers are armed. */
    void entered(int state);

    /** The event is not acted on. */
    void rejected(RejectionReason reason, String detail);
}
