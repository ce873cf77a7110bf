package org.mbmskeys.engine.model;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What the built-in checks share: how they name things in messages, and facts about the whole definition. */
final class CheckWords {

    private CheckWords() {
    }

    static Collection<String> stateNames(ProcedureDefinition d) {
        return d.states().keySet();
    }

    static List<String> childNames(ProcedureDefinition d, String state) {
        return d.children(state).stream().map(StateDefinition::name).toList();
    }

    static String kindWord(StateDefinition s) {
        return s.kind() == StateKind.ERROR ? "error" : "final";
    }

    /** A transition as the script writes its trigger: {@code on(Ack)}, {@code on(signal('x'))}, {@code after(5s)}. */
    static String describe(StateDefinition s, TransitionDefinition t) {
        Trigger trigger = t.trigger();
        if (trigger instanceof Trigger.OnEvent e) {
            return "on(" + e.type().getSimpleName() + ")";
        }
        if (trigger instanceof Trigger.OnSignal sig) {
            return "on(signal('" + sig.name() + "'))";
        }
        String timer = ((Trigger.OnTimer) trigger).name();
        return s.timer(timer).map(td -> "after(" + td.computed().map(c -> "delay '" + c.label() + "'").orElse(Durations.format(td.delay()))
                + ")").orElse("the timer '" + timer + "'");
    }

    /** Whether any action or guard may throw, which sends an instance to the error state. */
    static boolean hasActionsOrGuards(ProcedureDefinition d) {
        for (StateDefinition s : d.states().values()) {
            if (!s.onEntry().isEmpty() || !s.onExit().isEmpty()) {
                return true;
            }
            for (TransitionDefinition t : s.transitions()) {
                if (!t.actions().isEmpty() || t.guard().isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the states can be walked as a tree: every parent and initial child names a state and no
     * state is its own ancestor. {@link StateNesting} reports what breaks it; walks wait until it holds.
     */
    static boolean treeIsSound(ProcedureDefinition d) {
        for (StateDefinition s : d.states().values()) {
            if (s.parent().filter(p -> !d.hasState(p)).isPresent() || s.initialChild().filter(c -> !d.hasState(c)).isPresent()) {
                return false;
            }
            int steps = 0;
            for (Optional<String> p = s.parent(); p.isPresent(); p = d.state(p.get()).parent()) {
                if (p.get().equals(s.name()) || ++steps > d.states().size()) {
                    return false;
                }
            }
        }
        return true;
    }
}
