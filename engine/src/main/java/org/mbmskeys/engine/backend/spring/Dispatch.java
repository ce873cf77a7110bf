package org.mbmskeys.engine.backend.spring;

import org.mbmskeys.engine.backend.Rejections;
import org.mbmskeys.engine.backend.StepContext;
import org.mbmskeys.engine.spi.RejectionReason;

/**
 * The step in progress on one lane's machine, and what the machine's guards and actions do with it.
 * Spring calls {@link #permits} for each candidate transition it considers and {@link #perform} for the
 * one that passed. Nothing here throws into Spring (Spring logs a guard's exception and counts it as "no",
 * and turns an action's into its own reactive error; neither may take the model's checked exceptions):
 * what a guard or action throws is kept and rethrown by {@link #finish}, once Spring has returned.
 *
 * <p>The choice is made once per step, on the first guard call, in the model's priority order: the
 * leaf's transitions, then its ancestors', each in declaration order; the first whose trigger takes the
 * event and whose guard passes wins. Every model guard is called at most once per step, in that order,
 * and only up to the winner, as in the native backend. Confined to its lane.
 */
final class Dispatch {

    private final RouteTable table;
    private StepContext step;
    private int leaf;
    private Object event;
    private boolean selected;
    private boolean matched;
    private Option chosen;
    private boolean performed;
    private Throwable failure;
    private String inconsistency;

    Dispatch(RouteTable table) {
        this.table = table;
    }

    void begin(StepContext step) {
        if (this.step != null) {
            throw new IllegalStateException("lane " + step.lane() + " is already handling a step of '"
                    + table.tree.definition().name() + "'; a lane runs one step at a time");
        }
        this.step = step;
        this.leaf = step.stateIndex();
        this.event = step.event();
        this.selected = false;
        this.matched = false;
        this.chosen = null;
        this.performed = false;
        this.failure = null;
        this.inconsistency = null;
    }

    /** The guard of {@code route}'s Spring transition; {@code retryBranch} for the re-entry of a bounded retry. */
    boolean permits(Route route, boolean retryBranch) {
        if (step == null) {
            return false;   // Spring evaluating outside a step: nothing may fire
        }
        select();
        if (chosen == null || chosen.route != route) {
            return false;
        }
        return retryBranch == retrying(route);
    }

    private boolean retrying(Route route) {
        return route.retry != null && step.attempts(route.source) < route.retry.maxAttempts();
    }

    private void select() {
        if (selected) {
            return;
        }
        selected = true;
        try {
            for (Option option : table.optionsByLeaf[leaf]) {
                Route r = option.route;
                if (!r.accepts(event, step.timerState())) {
                    continue;
                }
                matched = true;
                if (r.guard == null || r.guard.test(step.guards())) {
                    chosen = option;
                    return;
                }
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    /** The action of {@code route}'s Spring transition: the whole move, in the model's order. */
    void perform(Route route, boolean retryBranch) {
        if (step == null || chosen == null || chosen.route != route || performed || failure != null) {
            inconsistency = "Spring Statemachine ran " + route + (retryBranch ? " (retry)" : "") + " although "
                    + (chosen == null ? "no transition" : chosen.route.toString()) + " was chosen"
                    + (performed ? " and already run" : "");
            return;
        }
        performed = true;
        Moves moves = table.moves;
        try {
            if (retryBranch) {
                step.retrying(route.source, route.transition);
                moves.exit(chosen.retryExits, step);
                moves.enter(route.retryEntries, step);
                return;
            }
            step.taking(route.source, route.transition);
            if (route.internal()) {
                Moves.run(route.actions, step.actions());
                return;
            }
            moves.exit(chosen.exits, step);
            Moves.run(route.actions, step.actions());
            moves.enter(route.entries, step);
        } catch (Throwable t) {
            failure = t;
        }
    }

    /**
     * Ends the step once Spring returned: rethrows what a guard or action threw (or what Spring threw,
     * {@code springFailure}), or reports a rejection if nothing was taken.
     */
    void finish(Throwable springFailure) throws Exception {
        StepContext current = step;
        step = null;
        try {
            conclude(current, springFailure);
        } finally {
            event = null;   // a lane must not keep an ended instance's event alive
        }
    }

    private void conclude(StepContext current, Throwable springFailure) throws Exception {
        if (failure != null) {
            throw rethrow(failure);
        }
        if (springFailure != null) {
            throw rethrow(springFailure);
        }
        if (inconsistency != null) {
            throw new IllegalStateException(inconsistency);
        }
        if (performed) {
            return;
        }
        String where = "in state '" + table.tree.name(leaf) + "' on " + Rejections.describe(event);
        if (chosen != null) {
            throw new IllegalStateException("Spring Statemachine did not run " + chosen.route + ", chosen " + where
                    + "; is the lane's machine stopped or in error?");
        }
        if (!selected && acceptedByAny(current)) {
            throw new IllegalStateException("Spring Statemachine asked no guard " + where + " although transitions take it;"
                    + " is the lane's machine stopped or in error?");
        }
        if (matched) {
            current.rejected(RejectionReason.GUARD_REJECTED, Rejections.guardRejected(table.tree, leaf, event));
        } else {
            current.rejected(RejectionReason.NO_TRANSITION, Rejections.noTransition(table.tree, leaf, event));
        }
    }

    private boolean acceptedByAny(StepContext current) {
        for (Option option : table.optionsByLeaf[leaf]) {
            if (option.route.accepts(event, current.timerState())) {
                return true;
            }
        }
        return false;
    }

    private static Exception rethrow(Throwable t) {
        if (t instanceof Exception e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
