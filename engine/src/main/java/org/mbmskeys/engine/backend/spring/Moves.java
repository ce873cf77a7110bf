package org.mbmskeys.engine.backend.spring;

import org.mbmskeys.engine.backend.StepContext;
import org.mbmskeys.engine.model.Action;
import org.mbmskeys.engine.model.ActionContext;

/**
 * Exits and entries in the order {@link StepContext} prescribes (the same code path as the native
 * backend's): an exited state's exit actions, then {@code exited}; {@code entered}, then the entered
 * state's entry actions. The first exception stops the move.
 */
final class Moves {

    private final Action[][] onEntry;
    private final Action[][] onExit;

    Moves(Action[][] onEntry, Action[][] onExit) {
        this.onEntry = onEntry;
        this.onExit = onExit;
    }

    void exit(int[] states, StepContext step) throws Exception {
        for (int s : states) {
            run(onExit[s], step.actions());
            step.exited(s);
        }
    }

    void enter(int[] states, StepContext step) throws Exception {
        for (int s : states) {
            step.entered(s);
            run(onEntry[s], step.actions());
        }
    }

    static void run(Action[] actions, ActionContext context) throws Exception {
        for (Action a : actions) {
            a.execute(context);
        }
    }
}
