package org.mbmskeys.engine.backend.interpreter;

import java.util.ArrayList;
import java.util.List;
import org.mbmskeys.engine.backend.ExecutableProcedure;
import org.mbmskeys.engine.backend.Rejections;
import org.mbmskeys.engine.backend.StateTree;
import org.mbmskeys.engine.backend.StepContext;
import org.mbmskeys.engine.model.Action;
import org.mbmskeys.engine.model.ActionContext;
import org.mbmskeys.engine.model.StateDefinition;
import org.mbmskeys.engine.model.TransitionDefinition;
import org.mbmskeys.engine.spi.RejectionReason;

/**
 * A definition compiled into per-state transition tables. For every state (as a possible leaf), its own
 * transitions come first, then its parent's, and so on outwards, each with the exit and entry paths
 * precomputed; an event takes the first candidate whose trigger matches and whose guard passes. Stateless
 * after construction, so all lanes share it.
 */
final class NativeProcedure implements ExecutableProcedure {

    private static final Candidate[] NONE = new Candidate[0];

    private final StateTree tree;
    private final Candidate[][] candidates;
    private final Action[][] onEntry;
    private final Action[][] onExit;
    private final int[] startPath;

    NativeProcedure(StateTree tree) {
        this.tree = tree;
        int n = tree.size();
        candidates = new Candidate[n][];
        onEntry = new Action[n][];
        onExit = new Action[n][];
        for (int s = 0; s < n; s++) {
            StateDefinition state = tree.state(s);
            onEntry[s] = state.onEntry().toArray(Action[]::new);
            onExit[s] = state.onExit().toArray(Action[]::new);
        }
        for (int leaf = 0; leaf < n; leaf++) {
            candidates[leaf] = table(leaf);
        }
        startPath = tree.entryPath(StateTree.NONE, tree.initial());
    }

    private Candidate[] table(int leaf) {
        List<Candidate> out = new ArrayList<>();
        for (int source = leaf; source != StateTree.NONE; source = tree.parent(source)) {
            for (TransitionDefinition t : tree.state(source).transitions()) {
                int[] exits = null;
                int[] entries = null;
                if (t.target().isPresent()) {
                    int target = tree.index(t.target().get());
                    int lca = tree.leastCommonAncestor(source, target);
                    exits = tree.exitPath(leaf, lca);
                    entries = tree.entryPath(lca, target);
                }
                int[] retryExits = null;
                int[] retryEntries = null;
                if (t.retry().isPresent()) {
                    retryExits = tree.exitPath(leaf, tree.parent(source));
                    retryEntries = tree.entryPath(tree.parent(source), source);
                }
                out.add(new Candidate(t, source, exits, entries, retryExits, retryEntries));
            }
        }
        return out.isEmpty() ? NONE : out.toArray(Candidate[]::new);
    }

    @Override
    public StateTree tree() {
        return tree;
    }

    @Override
    public void start(StepContext step) throws Exception {
        enter(startPath, step);
    }

    @Override
    public void fire(StepContext step) throws Exception {
        int leaf = step.stateIndex();
        Object event = step.event();
        boolean matched = false;
        for (Candidate c : candidates[leaf]) {
            if (!c.trigger.matches(event) || (c.onTimer && c.source != step.timerState())) {
                continue;
            }
            matched = true;
            if (c.guard == null || c.guard.test(step.guards())) {
                take(c, step);
                return;
            }
        }
        if (matched) {
            step.rejected(RejectionReason.GUARD_REJECTED, Rejections.guardRejected(tree, leaf, event));
        } else {
            step.rejected(RejectionReason.NO_TRANSITION, Rejections.noTransition(tree, leaf, event));
        }
    }

    private void take(Candidate c, StepContext step) throws Exception {
        if (c.retry != null && step.attempts(c.source) < c.retry.maxAttempts()) {
            step.retrying(c.source, c.transition);
            exit(c.retryExits, step);
            enter(c.retryEntries, step);
            return;
        }
        step.taking(c.source, c.transition);
        if (c.internal) {
            run(c.actions, step.actions());
            return;
        }
        exit(c.exits, step);
        run(c.actions, step.actions());
        enter(c.entries, step);
    }

    private void exit(int[] states, StepContext step) throws Exception {
        for (int s : states) {
            run(onExit[s], step.actions());
            step.exited(s);
        }
    }

    private void enter(int[] states, StepContext step) throws Exception {
        for (int s : states) {
            step.entered(s);
            run(onEntry[s], step.actions());
        }
    }

    private static void run(Action[] actions, ActionContext context) throws Exception {
        for (Action a : actions) {
            a.execute(context);
        }
    }
}
