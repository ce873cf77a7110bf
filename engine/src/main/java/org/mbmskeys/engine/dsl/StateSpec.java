package org.mbmskeys.engine.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mbmskeys.engine.model.Action;
import org.mbmskeys.engine.model.SourceRef;
import org.mbmskeys.engine.model.StateKind;
import org.mbmskeys.engine.model.Trigger;

/**
 * The keywords of a {@code state('name') { ... }} block (and of final and error state blocks): entry and
 * exit actions, transitions on events and signals, timers, and nested states.
 *
 * <pre>{@code
 * state('sending') {
 *     onEntry { send 'mikey', event }
 *     on(Ack) { goTo 'done' }
 *     on(signal('cancel')) { goTo 'cancelled' }
 *     after(seconds(5), 'ackTimer') { retry 3; goTo 'failed' }
 *     initial 'waiting'
 *     state('waiting') { on(Ping) { action { reply 'pong' } } }
 * }
 * }</pre>
 *
 * <p>Transitions of a state apply in all its nested states; the innermost matching one wins. A timer is
 * armed when its state is entered and cancelled when it is left; unnamed timers are called
 * {@code <state>.after1}, {@code <state>.after2}, ... in declaration order.
 */
public final class StateSpec extends DslBlock {

    final String $name;
    final StateKind $kind;
    final SourceRef $at;
    final StateSpec $parent;
    Given<String> $initial;
    final List<Action> $onEntry = new ArrayList<>();
    final List<Action> $onExit = new ArrayList<>();
    final List<TransitionSpec> $transitions = new ArrayList<>();
    final List<StateSpec> $children = new ArrayList<>();
    private int $timers;

    StateSpec(BuildContext context, String name, StateKind kind, SourceRef at, StateSpec parent) {
        super(context);
        this.$name = name;
        this.$kind = kind;
        this.$at = at;
        this.$parent = parent;
    }

    @Override
    BlockKind kind() {
        return BlockKind.STATE;
    }

    /** Runs every time the state is entered (also on a bounded retry). */
    public void onEntry(@DelegatesTo(value = ActionScope.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        SourceRef where = here("onEntry");
        if (body != null) {
            $onEntry.add(new ClosureAction(keep(body), "onEntry of state '" + $name + "'", where));
        }
    }

    /** Runs every time the state is left by a transition to another state. */
    public void onExit(@DelegatesTo(value = ActionScope.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        SourceRef where = here("onExit");
        if (body != null) {
            $onExit.add(new ClosureAction(keep(body), "onExit of state '" + $name + "'", where));
        }
    }

    /** A transition on any event of class {@code event} (or a subclass). */
    public void on(Class<?> event, @DelegatesTo(value = TransitionSpec.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        SourceRef where = here("on");
        addTransition(new TransitionSpec($context, event == null ? nullTrigger(where) : Trigger.event(event), where, $name), body);
    }

    /** A transition on the named signal, written {@code on(signal('cancel')) { ... }}. */
    public void on(Trigger.OnSignal signal, @DelegatesTo(value = TransitionSpec.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        SourceRef where = here("on");
        addTransition(new TransitionSpec($context, signal == null ? nullTrigger(where) : signal, where, $name), body);
    }

    /** A timer that fires {@code delay} after the state was entered, named {@code <state>.afterN}. */
    public void after(Duration delay, @DelegatesTo(value = TimerSpec.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        addTimer(delay, null, here("after"), body);
    }

    /** A named timer, so that an action can restart it: {@code after(seconds(5), 'ackTimer') { ... }}. */
    public void after(Duration delay, String timer,
                      @DelegatesTo(value = TimerSpec.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        SourceRef where = here("after");
        if (named("after", timer, where)) {
            addTimer(delay, timer, where, body);
        }
    }

    /**
     * A timer whose delay is computed each time it is armed, from the instance (read only, like a guard):
     * {@code after(delay('back-off') { seconds(input('wait')) }, 'backOff') { goTo 'requesting' }}.
     */
    public void after(DelaySpec delay, String timer,
                      @DelegatesTo(value = TimerSpec.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        SourceRef where = here("after");
        if (named("after", timer, where)) {
            addComputedTimer(delay, timer, where, body);
        }
    }

    /** A timer with a computed delay, named {@code <state>.afterN}. */
    public void after(DelaySpec delay, @DelegatesTo(value = TimerSpec.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        addComputedTimer(delay, null, here("after"), body);
    }

    /**
     * A delay computed when its timer is armed, for {@code after}; the label is what diagrams show
     * ({@code after back-off}). The block reads like a guard and gives a {@link Duration}.
     */
    public DelaySpec delay(String label, @DelegatesTo(value = ActionScope.class, strategy = Closure.DELEGATE_ONLY) Closure<?> duration) {
        SourceRef where = here("delay");
        if (label == null || label.isBlank()) {
            $context.report(where, "the delay label is empty: say what the delay is, as in delay('back-off') { seconds(30) }, "
                    + "or leave the label out: delay { seconds(30) }");
            label = "computed";
        }
        return new DelaySpec(keep(duration), label, where);
    }

    /** A computed delay labelled with its source text (or {@code computed} when that is long or several statements). */
    public DelaySpec delay(@DelegatesTo(value = ActionScope.class, strategy = Closure.DELEGATE_ONLY) Closure<?> duration) {
        SourceRef where = here("delay");
        return new DelaySpec(keep(duration), $context.guardSource(where).orElse("computed"), where);
    }

    /** A nested state. */
    public void state(String name, @DelegatesTo(value = StateSpec.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        SourceRef where = here("state");
        if (named("state", name, where)) {
            StateSpec child = new StateSpec($context, name, StateKind.NORMAL, where, this);
            $children.add(child);
            evaluate(body, child);
        }
    }

    /** The nested state entered when this state is entered. */
    public void initial(String child) {
        SourceRef where = here("initial");
        if (named("initial", child, where)) {
            $initial = once("initial", $initial, child, where, "a state has one initial child");
        }
    }

    /** The trigger for signal {@code name}, for {@code on(signal('name')) { ... }}. */
    public Trigger.OnSignal signal(String name) {
        SourceRef where = here("signal");
        return named("signal", name, where) ? new Trigger.OnSignal(name) : new Trigger.OnSignal("?");
    }

    /** A duration of {@code n} milliseconds. */
    public Duration millis(long n) {
        return Duration.ofMillis(n);
    }

    /** A duration of {@code n} seconds. */
    public Duration seconds(long n) {
        return Duration.ofSeconds(n);
    }

    /** A duration of {@code n} minutes. */
    public Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }

    /** A duration of {@code n} hours. */
    public Duration hours(long n) {
        return Duration.ofHours(n);
    }

    /** on(null): reported; the body is still checked and its target still counts, as for an unknown class. */
    private Trigger nullTrigger(SourceRef where) {
        $context.report(where, "on(null) is not valid: expected " + Keyword.ON.usage(kind()));
        return Trigger.event(UnknownName.Unresolved.class);
    }

    private void addTransition(TransitionSpec transition, Closure<?> body) {
        $transitions.add(transition);
        evaluate(body, transition);
    }

    private void addComputedTimer(DelaySpec delay, String timer, SourceRef where, Closure<?> body) {
        String timerName = timer != null ? timer : $name + ".after" + ($timers + 1);
        // the smallest positive delay: a retry's max: is compared with it
        TimerSpec spec = new TimerSpec($context, timerName, Duration.ofMillis(1), where, $name);
        if (delay == null) {
            $context.report(where, "after(null) is not valid: a timer needs a duration or a delay { ... }, as in "
                    + "after(delay('back-off') { seconds(30) }) { ... }");
            evaluate(body, spec);
            return;
        }
        spec.$computed = delay.model(timerName);
        $timers++;
        addTransition(spec, body);
    }

    private void addTimer(Duration delay, String timer, SourceRef where, Closure<?> body) {
        String timerName = timer != null ? timer : $name + ".after" + ($timers + 1);
        TimerSpec spec = new TimerSpec($context, timerName, delay, where, $name);
        if (delay == null || delay.isNegative() || delay.isZero()) {
            $context.report(where, "after(" + (delay == null ? "null" : delay.toMillis() + "ms") + ") is not valid: a timer needs a positive duration, as in "
                    + "after(seconds(5)) { ... }");
            evaluate(body, spec); // still look for problems in the body
            return;
        }
        $timers++;
        addTransition(spec, body);
    }
}
