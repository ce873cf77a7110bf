package org.mbmskeys.engine.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.ArrayList;
import java.util.List;
import org.mbmskeys.engine.model.Action;
import org.mbmskeys.engine.model.Guard;
import org.mbmskeys.engine.model.SourceRef;
import org.mbmskeys.engine.model.Trigger;

/**
 * The keywords of an {@code on(...) { ... }} block: an optional guard, actions, and the target state.
 * Without {@code goTo} the transition is internal: its actions run and the instance stays where it is,
 * without exit or entry actions and without touching timers.
 *
 * <pre>{@code
 * on(Ack) {
 *     guard { event.ok() }
 *     action { emit 'delivered' }
 *     goTo 'done'
 * }
 * on(Ping) { action { reply 'pong' } }   // internal
 * }</pre>
 */
public class TransitionSpec extends DslBlock {

    final Trigger $trigger;
    final SourceRef $at;
    final String $stateName;
    Given<Guard> $guard;
    String $guardLabel;
    final List<Action> $actions = new ArrayList<>();
    Given<String> $target;

    TransitionSpec(BuildContext context, Trigger trigger, SourceRef at, String stateName) {
        super(context);
        this.$trigger = trigger;
        this.$at = at;
        this.$stateName = stateName;
    }

    @Override
    BlockKind kind() {
        return BlockKind.ON;
    }

    /**
     * The transition fires only if this is true (Groovy truth). Only reads: assigning a variable or calling
     * set, send, reply, start, signal, emit or restartTimer here is a load-time problem, and the runtime
     * refuses what the check cannot see ({@link GuardLint}). Diagrams show the
     * condition's source text when it is one expression ({@code [event.ok() && attempt < 3]}), else
     * {@code [guarded]}; give a label to say it in words.
     */
    public void guard(@DelegatesTo(value = ActionScope.class, strategy = Closure.DELEGATE_ONLY) Closure<?> condition) {
        SourceRef where = here("guard");
        addGuard(where, $context.guardSource(where).orElse(null), condition);
    }

    /**
     * A guard with a label, the text diagrams show for it: {@code guard('ack is ok') { event.ok() }}.
     * The label only describes; the condition decides.
     */
    public void guard(String label, @DelegatesTo(value = ActionScope.class, strategy = Closure.DELEGATE_ONLY) Closure<?> condition) {
        SourceRef where = here("guard");
        if (label == null || label.isBlank()) {
            $context.report(where, "the guard label is empty: give a short text of what the guard checks, as in "
                    + "guard('ack is ok') { event.ok() }, or leave the label out: guard { event.ok() }");
            label = $context.guardSource(where).orElse(null);
        }
        addGuard(where, label == null ? null : label.strip(), condition);
    }

    private void addGuard(SourceRef where, String label, Closure<?> condition) {
        if (condition != null) {
            boolean first = $guard == null;
            $guard = once("guard", $guard, new ClosureGuard(keep(condition), where), where,
                    "a transition has one guard; combine conditions with && or ||");
            if (first) {
                $guardLabel = label;
            }
        }
    }

    /** Work done when the transition fires, after the exit actions and before the entry actions. */
    public void action(@DelegatesTo(value = ActionScope.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        SourceRef where = here("action");
        if (body != null) {
            $actions.add(new ClosureAction(keep(body), "action of " + $trigger + " in state '" + $stateName + "'", where));
        }
    }

    /**
     * The state the transition goes to. Any text will do: {@code goTo(last ? 'done' : "step${i}")} mixes
     * a String and a GString, which the static type checker types as neither.
     */
    public void goTo(CharSequence state) {
        SourceRef where = here("goTo");
        String name = state == null ? null : state.toString();
        if (named("goTo", name, where)) {
            $target = once("goTo", $target, name, where, "a transition has one target");
        }
    }
}
