package org.mbmskeys.engine.backend;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mbmskeys.engine.model.Signal;
import org.mbmskeys.engine.model.TimerFired;
import org.mbmskeys.engine.model.TransitionDefinition;

/**
 * The wording shared by every backend for events and rejections, so that listeners read the same text
 * whichever backend runs. Details say where the instance was and what it would have accepted.
 *
 * <pre>{@code
 * Rejections.describe(new TimerFired("answer"));   // timer 'answer'
 * Rejections.noTransition(tree, leaf, event);      // in state 'waiting' (in 'session'): Foo is not accepted; accepted are: Bar, timer 'answer'
 * }</pre>
 */
public final class Rejections {

    private Rejections() {
    }

    /** How an event prints in traces: the simple class name, {@code signal 'x'} or {@code timer 'x'}. */
    public static String describe(Object event) {
        if (event == null) {
            return "start";
        }
        if (event instanceof Signal s) {
            return "signal '" + s.name() + "'";
        }
        if (event instanceof TimerFired t) {
            return "timer '" + t.timer() + "'";
        }
        return event.getClass().getSimpleName();
    }

    /** Detail for {@link org.mbmskeys.engine.spi.RejectionReason#NO_TRANSITION}. */
    public static String noTransition(StateTree tree, int leaf, Object event) {
        return where(tree, leaf) + ": " + describe(event) + " is not accepted; accepted are: " + accepted(tree, leaf);
    }

    /** Detail for {@link org.mbmskeys.engine.spi.RejectionReason#GUARD_REJECTED}. */
    public static String guardRejected(StateTree tree, int leaf, Object event) {
        List<String> declared = new ArrayList<>();
        for (int s = leaf; s != StateTree.NONE; s = tree.parent(s)) {
            for (TransitionDefinition t : tree.state(s).transitions()) {
                if (t.trigger().matches(event)) {
                    declared.add(t.declaredAt().toString());
                }
            }
        }
        return where(tree, leaf) + ": the guards of every transition on " + describe(event) + " said no (declared at "
                + String.join(", ", declared) + ")";
    }

    private static String where(StateTree tree, int leaf) {
        StringBuilder out = new StringBuilder("in state '").append(tree.name(leaf)).append('\'');
        if (!tree.isTopLevel(leaf)) {
            List<String> outer = new ArrayList<>();
            for (int s = tree.parent(leaf); s != StateTree.NONE; s = tree.parent(s)) {
                outer.add(tree.name(s));
            }
            out.append(" (in ").append(String.join(" in ", outer)).append(')');
        }
        return out.toString();
    }

    private static String accepted(StateTree tree, int leaf) {
        Set<String> triggers = new LinkedHashSet<>();
        for (int s = leaf; s != StateTree.NONE; s = tree.parent(s)) {
            for (TransitionDefinition t : tree.state(s).transitions()) {
                triggers.add(t.trigger().toString());
            }
        }
        return triggers.isEmpty() ? "nothing (no transitions)" : String.join(", ", triggers);
    }
}
