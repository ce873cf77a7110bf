package org.mbmskeys.engine.backend.interpreter;

import org.mbmskeys.engine.model.Action;
import org.mbmskeys.engine.model.Guard;
import org.mbmskeys.engine.model.RetryDefinition;
import org.mbmskeys.engine.model.TransitionDefinition;
import org.mbmskeys.engine.model.Trigger;

/**
 * One transition as seen from one leaf state, with its exit and entry paths worked out at load time so
 * that firing it is a walk over two int arrays.
 */
final class Candidate {

    final TransitionDefinition transition;
    final Trigger trigger;
    final int source;
    final boolean onTimer;
    final Guard guard;
    final Action[] actions;
    /** No target: actions only (also for a used-up retry without a target). */
    final boolean internal;
    final int[] exits;
    final int[] entries;
    final RetryDefinition retry;
    final int[] retryExits;
    final int[] retryEntries;

    Candidate(TransitionDefinition transition, int source, int[] exits, int[] entries, int[] retryExits,
              int[] retryEntries) {
        this.transition = transition;
        this.trigger = transition.trigger();
        this.source = source;
        this.onTimer = trigger instanceof Trigger.OnTimer;
        this.guard = transition.guard().orElse(null);
        this.actions = transition.actions().toArray(Action[]::new);
        this.internal = transition.target().isEmpty();
        this.exits = exits;
        this.entries = entries;
        this.retry = transition.retry().orElse(null);
        this.retryExits = retryExits;
        this.retryEntries = retryEntries;
    }
}
