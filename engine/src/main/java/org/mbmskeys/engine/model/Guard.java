package org.mbmskeys.engine.model;

/** Decides whether a transition may fire. Must not have effects; an exception counts as an action error. */
@FunctionalInterface
public interface Guard {

    boolean test(ActionContext context) throws Exception;
}
