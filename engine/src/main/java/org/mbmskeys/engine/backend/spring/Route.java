package org.mbmskeys.engine.backend.spring;

import org.mbmskeys.engine.backend.StateTree;
import org.mbmskeys.engine.model.Action;
import org.mbmskeys.engine.model.Guard;
import org.mbmskeys.engine.model.RetryDefinition;
import org.mbmskeys.engine.model.TransitionDefinition;
import org.mbmskeys.engine.model.Trigger;

/**
 * One model transition as the Spring machine sees it: where it is declared, the Spring event that
 * fires it, and the parts of the move that do not depend on the leaf the instance is in.
 */
final class Route {

    final TransitionDefinition transition;
    final Trigger trigger;
    final int source;
    final String key;
    final boolean onTimer;
    final Guard guard;
    final Action[] actions;
    /** {@link StateTree#NONE} for an internal transition (no target). */
    final int target;
    /** The least common ancestor of source and target: external moves exit below it and enter below it. */
    final int lca;
    /** States entered by the external move, outermost first; null for an internal one. */
    final int[] entries;
    /** Null unless this is a timer transition with a bounded retry. */
    final RetryDefinition retry;
    /** States entered again by a retry (source and its initial descendants); null without a retry. */
    final int[] retryEntries;

    Route(StateTree tree, int source, TransitionDefinition transition) {
        this.transition = transition;
        this.trigger = transition.trigger();
        this.source = source;
        this.key = EventKeys.of(source, trigger);
        this.onTimer = trigger instanceof Trigger.OnTimer;
        this.guard = transition.guard().orElse(null);
        this.actions = transition.actions().toArray(Action[]::new);
        if (transition.target().isPresent()) {
            target = tree.index(transition.target().get());
            lca = tree.leastCommonAncestor(source, target);
            entries = tree.entryPath(lca, target);
        } else {
            target = StateTree.NONE;
            lca = StateTree.NONE;
            entries = null;
        }
        this.retry = transition.retry().orElse(null);
        this.retryEntries = retry == null ? null : tree.entryPath(tree.parent(source), source);
    }

    boolean internal() {
        return target == StateTree.NONE;
    }

    /** Whether the model lets this transition take {@code event}; timer transitions only for their own state's timer. */
    boolean accepts(Object event, int timerState) {
        return trigger.matches(event) && (!onTimer || source == timerState);
    }

    @Override
    public String toString() {
        return "transition on " + trigger + " declared at " + transition.declaredAt();
    }
}
