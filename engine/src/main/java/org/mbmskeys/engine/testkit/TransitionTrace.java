package org.mbmskeys.engine.testkit;

import java.util.List;
import java.util.stream.Collectors;
import org.mbmskeys.engine.spi.Step;

/**
 * Everything one instance did, step by step: start, transitions, internal transitions, retries,
 * rejections, failure. Steps hold only names and text, so traces recorded on different backends compare
 * with {@code equals} (the conformance suite's "identical transition traces"). Prints one step per line.
 *
 * <pre>{@code
 * TransitionTrace onNative = nativeKit.trace();
 * TransitionTrace onSpring = springKit.trace();
 * assertThat(onSpring).isEqualTo(onNative);
 * }</pre>
 */
public record TransitionTrace(List<Step> steps) {

    public TransitionTrace {
        steps = List.copyOf(steps);
    }

    /** The state after each step, in order. */
    public List<String> states() {
        return steps.stream().map(Step::to).toList();
    }

    /** The last step's state, or empty if nothing happened. */
    public String lastState() {
        return steps.isEmpty() ? "" : steps.get(steps.size() - 1).to();
    }

    @Override
    public String toString() {
        return steps.isEmpty() ? "(no steps)" : steps.stream().map(Step::toString).collect(Collectors.joining("\n"));
    }
}
