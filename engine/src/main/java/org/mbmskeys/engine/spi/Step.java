package org.mbmskeys.engine.spi;

import java.util.List;
import java.util.Objects;

/**
 * One step of one instance, as both execution backends must report it: which states were exited
 * (innermost first) and entered (outermost first), on which trigger, and where the instance ended up.
 * Steps hold only names and text, so traces from the native and the Spring backend compare with
 * {@code equals}. Listeners get them through {@link ProcedureListener#transitioned}.
 *
 * <pre>{@code
 * // a -[Go]-> b, where a and b are children of p: exits a, enters b, p stays entered
 * new Step.Transitioned("a", "a", "Go", List.of("a"), List.of("b"), "b")
 * }</pre>
 */
public sealed interface Step {

    /** The leaf state the instance is in after the step. */
    String to();

    /** The instance started: {@code entered} from the outermost state down to the initial leaf {@code to}. */
    record Started(List<String> entered, String to) implements Step {
        public Started {
            entered = List.copyOf(entered);
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String toString() {
            return "start -> " + to + " (enter " + entered + ")";
        }
    }

    /**
     * An external transition declared on {@code source} (the leaf {@code from} or one of its ancestors) on
     * {@code trigger}: {@code exited} innermost first, actions, {@code entered} outermost first.
     */
    record Transitioned(String from, String source, String trigger, List<String> exited, List<String> entered,
                        String to) implements Step {
        public Transitioned {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(trigger, "trigger");
            exited = List.copyOf(exited);
            entered = List.copyOf(entered);
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String toString() {
            return from + " -[" + trigger + (source.equals(from) ? "" : " @" + source) + "]-> " + to + " (exit "
                    + exited + ", enter " + entered + ")";
        }
    }

    /** An internal transition declared on {@code source}: actions ran, nothing was exited or entered. */
    record Internal(String to, String source, String trigger) implements Step {
        public Internal {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(trigger, "trigger");
        }

        @Override
        public String toString() {
            return to + " -[" + trigger + (source.equals(to) ? "" : " @" + source) + "]- (internal)";
        }
    }

    /**
     * A bounded retry: the timer {@code trigger} of {@code state} fired and {@code state} was re-entered for
     * retry number {@code attempt} (1 for the first retry).
     */
    record Retried(String from, String state, String trigger, int attempt, List<String> exited, List<String> entered,
                   String to) implements Step {
        public Retried {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(trigger, "trigger");
            exited = List.copyOf(exited);
            entered = List.copyOf(entered);
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String toString() {
            return from + " -[" + trigger + " retry " + attempt + " of " + state + "]-> " + to + " (exit " + exited
                    + ", enter " + entered + ")";
        }
    }

    /**
     * A guard or action threw while the instance handled {@code event} in {@code from}; the instance moved
     * to the error state {@code to} (or stayed in {@code from} when the procedure declares none) and ended.
     *
     * @param cause the exception's class name and message
     */
    record Failed(String from, String event, String cause, String to) implements Step {
        public Failed {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String toString() {
            return from + " -[" + event + " failed: " + cause + "]-> " + to;
        }
    }

    /**
     * An event the instance did not act on (reported through {@link ProcedureListener#eventRejected}, and
     * kept in recorded traces so that rejections compare across backends too). {@code to} is the state the
     * instance stayed in, or {@code "-"} when there was no instance.
     */
    record Rejected(String to, String event, RejectionReason reason) implements Step {
        public Rejected {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return to + " rejected " + event + ": " + reason;
        }
    }
}
