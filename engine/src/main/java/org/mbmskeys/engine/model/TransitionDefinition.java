package org.mbmskeys.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A transition of a state: on {@code trigger}, if {@code guard} passes, run {@code actions} and go to
 * {@code target} (exiting and entering states as the hierarchy requires). An empty target makes it an
 * internal transition: the actions run and the instance stays in its state, no exit or entry, timers
 * untouched.
 *
 * <p>A guard is code; {@code guardLabel} is what a reader sees of it (diagrams draw {@code [label]} on the
 * arrow, {@code [guarded]} without one). The DSL fills it from {@code guard('ack is ok') { ... }} or from
 * the source text of a one-expression guard; it never affects what the transition does.
 *
 * <pre>{@code
 * new TransitionDefinition(Trigger.event(Ack.class), Optional.of(ctx -> ((Ack) ctx.event()).ok()),
 *         Optional.of("ack is ok"), List.of(), Optional.of("done"), Optional.empty(), SourceRef.UNKNOWN);
 * }</pre>
 *
 * @param guardLabel a short human-readable text of the guard; present only with a guard, never blank
 * @param retry      for a timer transition: re-enter the state up to {@code retry.maxAttempts()} times before
 *                   taking {@code target}
 * @throws IllegalArgumentException if a retry is not on a timer transition, or a guard label is blank or
 *                                  has no guard to describe
 */
public record TransitionDefinition(Trigger trigger, Optional<Guard> guard, Optional<String> guardLabel, List<Action> actions,
                                   Optional<String> target, Optional<RetryDefinition> retry, SourceRef declaredAt) {

    public TransitionDefinition {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(guardLabel, "guardLabel");
        actions = List.copyOf(actions);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(declaredAt, "declaredAt");
        if (retry.isPresent() && !(trigger instanceof Trigger.OnTimer)) {
            throw new IllegalArgumentException("a bounded retry belongs on a timer transition, not on " + trigger);
        }
        if (guardLabel.isPresent() && guard.isEmpty()) {
            throw new IllegalArgumentException("guard label '" + guardLabel.get() + "' of the transition on " + trigger
                    + " at " + declaredAt + " describes a guard, but the transition has none; give the guard too, or no label");
        }
        if (guardLabel.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("the guard label of the transition on " + trigger + " at " + declaredAt
                    + " is blank; give a short text of what the guard checks, or Optional.empty()");
        }
    }

    /**
     * A transition without a guard label: the component order from before guard labels existed, kept so
     * that code written against it still compiles.
     */
    public TransitionDefinition(Trigger trigger, Optional<Guard> guard, List<Action> actions,
                                Optional<String> target, Optional<RetryDefinition> retry, SourceRef declaredAt) {
        this(trigger, guard, Optional.empty(), actions, target, retry, declaredAt);
    }

    /**
     * This transition with guard label {@code label}.
     *
     * @throws IllegalArgumentException if the transition has no guard, or {@code label} is blank
     */
    public TransitionDefinition withGuardLabel(String label) {
        return new TransitionDefinition(trigger, guard, Optional.of(label), actions, target, retry, declaredAt);
    }

    public boolean isInternal() {
        return target.isEmpty() && retry.isEmpty();
    }
}
