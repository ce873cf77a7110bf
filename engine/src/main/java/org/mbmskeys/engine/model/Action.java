package org.mbmskeys.engine.model;

/**
 * Work done on entry to or exit from a state, or on a transition. Definitions are shared by every
 * instance, so an action keeps no state of its own: everything goes through the context.
 */
@FunctionalInterface
public interface Action {

    /** Runs the action; a thrown exception moves the instance to the procedure's error state. */
    void execute(ActionContext context) throws Exception;
}
