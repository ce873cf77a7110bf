package org.mbmskeys.engine.model;

import static org.mbmskeys.engine.model.CheckWords.describe;
import static org.mbmskeys.engine.model.CheckWords.kindWord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Timers and transitions can fire: timer names are unique in the procedure (a {@link TimerFired} carries
 * only the name), every timer has a transition and every timer transition a timer, final and error states
 * have neither, events are real event classes, targets are states, a bounded retry has a target for when
 * it gives up.
 */
final class TimersAndTransitions implements DefinitionCheck {

    @Override
    public List<Problem> check(ProcedureDefinition d, SourcePositions where) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> timerOwners = new HashMap<>();
        Map<String, SourceRef> timerPositions = new HashMap<>();
        for (StateDefinition s : d.states().values()) {
            for (TimerDefinition t : s.timers()) {
                String owner = timerOwners.putIfAbsent(t.name(), s.name());
                if (owner != null) {
                    problems.add(new Problem(t.declaredAt(), "duplicate timer '" + t.name() + "': already declared in state '"
                            + owner + "' at " + timerPositions.get(t.name()) + "; timer names are unique in a procedure"));
                } else {
                    timerPositions.put(t.name(), t.declaredAt());
                }
                if (s.kind().isTerminal()) {
                    problems.add(new Problem(t.declaredAt(), kindWord(s) + " state '" + s.name() + "' cannot have timers: the "
                            + "procedure ends there; remove after(" + Durations.format(t.delay()) + ") or declare '" + s.name()
                            + "' with state(...)"));
                }
                boolean handled = s.transitions().stream().anyMatch(tr -> tr.trigger().equals(Trigger.timer(t.name())));
                if (!handled) {
                    problems.add(new Problem(t.declaredAt(), "timer '" + t.name() + "' of state '" + s.name() + "' has no "
                            + "transition; add one triggered by Trigger.timer('" + t.name() + "')"));
                }
            }
            for (TransitionDefinition t : s.transitions()) {
                checkTransition(d, where, s, t, problems);
            }
        }
        return problems;
    }

    private static void checkTransition(ProcedureDefinition d, SourcePositions where, StateDefinition s, TransitionDefinition t,
                                        List<Problem> problems) {
        String what = describe(s, t);
        if (s.kind().isTerminal() && !(t.trigger() instanceof Trigger.OnTimer)) {
            problems.add(new Problem(t.declaredAt(), kindWord(s) + " state '" + s.name() + "' cannot have transitions: the "
                    + "procedure ends there; remove " + what + " or declare '" + s.name() + "' with state(...)"));
        }
        if (t.trigger() instanceof Trigger.OnEvent e) {
            if (e.type() == Signal.class) {
                problems.add(new Problem(t.declaredAt(), what + " in state '" + s.name() + "' would never fire: signals are "
                        + "matched by name; write on(signal('name')) { ... }"));
            } else if (e.type() == TimerFired.class) {
                problems.add(new Problem(t.declaredAt(), what + " in state '" + s.name() + "' would never fire: timers are "
                        + "declared with after(duration) { ... }"));
            } else if (e.type().isPrimitive()) {
                problems.add(new Problem(t.declaredAt(), what + " in state '" + s.name() + "' would never fire: events are "
                        + "objects; expected an event class or signal('name')"));
            }
        }
        if (t.trigger() instanceof Trigger.OnTimer timer && s.timer(timer.name()).isEmpty()) {
            problems.add(new Problem(t.declaredAt(), "a transition of state '" + s.name() + "' waits for timer '" + timer.name()
                    + "', which state '" + s.name() + "' does not declare; "
                    + NameSuggestions.hint(timer.name(), s.timers().stream().map(TimerDefinition::name).toList(),
                    "timers of '" + s.name() + "'")));
        }
        if (t.target().isPresent() && !d.hasState(t.target().get())) {
            problems.add(new Problem(where.target(t), what + " in state '" + s.name() + "' goes to '" + t.target().get()
                    + "', which is not a state; " + NameSuggestions.hint(t.target().get(), CheckWords.stateNames(d),
                    "declared states")));
        }
        if (t.trigger() instanceof Trigger.OnTimer timer && t.retry().flatMap(RetryDefinition::max).isPresent()) {
            Duration max = t.retry().get().max().get();
            // the DSL checks this where max: is written; a definition built in Java meets it here
            s.timer(timer.name()).filter(td -> max.compareTo(td.delay()) < 0).ifPresent(td -> problems.add(new Problem(
                    t.declaredAt(), "retry max: " + Durations.format(max) + " is shorter than the timer's delay "
                    + Durations.format(td.delay()) + ": the longest delay of a retry is at least the timer's own")));
        }
        if (t.retry().isPresent() && t.target().isEmpty()) {
            problems.add(new Problem(t.declaredAt(), what + " in state '" + s.name() + "' retries " + t.retry().get().maxAttempts()
                    + (t.retry().get().maxAttempts() == 1 ? " time" : " times")
                    + " but has no target for when the retries are used up; add goTo 'failed' (or another state)"));
        }
    }
}
