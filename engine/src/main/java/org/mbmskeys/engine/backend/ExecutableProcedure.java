package org.mbmskeys.engine.backend;

/**
 * One definition prepared by an {@link ExecutionBackend}: shared by every instance of that definition
 * version and by every lane, so it must be thread-safe (per-lane machinery can be indexed by
 * {@link StepContext#lane()}, since a lane runs one step at a time).
 */
public interface ExecutableProcedure {

    /** The indexed states of the definition. */
    StateTree tree();

    /** Enters the initial state (see {@link StepContext} for the calls to make). */
    void start(StepContext step) throws Exception;

    /** Handles {@link StepContext#event()} in {@link StepContext#stateIndex()}. */
    void fire(StepContext step) throws Exception;
}
