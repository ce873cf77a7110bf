package org.mbmskeys.engine.model;

/**
 * Decides whether a transition may fire. It only reads: the context it gets refuses every change and
 * effect (set, send, reply, start, signal, emit, restartTimer) by throwing, so a transition that is not
 * taken leaves the instance as it was. An exception counts as an action error.
 */
@FunctionalInterface
public interface Guard {

    boolean test(ActionContext context) throws Exception;
}
