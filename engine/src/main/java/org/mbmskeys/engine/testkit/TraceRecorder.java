package org.mbmskeys.engine.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mbmskeys.engine.backend.Rejections;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.RejectionReason;
import org.mbmskeys.engine.spi.Step;

/**
 * A listener that records a {@link TransitionTrace} per instance: every step reported through
 * {@link #transitioned}, and every rejected event as a {@link Step.Rejected}. Thread-safe; register it
 * with {@code EngineBuilder.listener} on any engine (the test kit registers one itself).
 *
 * <pre>{@code
 * TraceRecorder traces = new TraceRecorder();
 * Engine engine = Engine.builder().listener(traces).procedure(definition).build();
 * ...
 * TransitionTrace trace = traces.trace(new InstanceRef("p", "ue-1"));
 * }</pre>
 */
public final class TraceRecorder implements ProcedureListener {

    private final Map<InstanceRef, List<Step>> steps = new ConcurrentHashMap<>();

    @Override
    public void transitioned(InstanceRef instance, Step step) {
        List<Step> list = steps.computeIfAbsent(instance, i -> new ArrayList<>());
        synchronized (list) {
            list.add(step);
        }
    }

    @Override
    public void eventRejected(InstanceRef instance, Object event, RejectionReason reason, String detail) {
        List<Step> list = steps.computeIfAbsent(instance, i -> new ArrayList<>());
        synchronized (list) {
            String state = list.isEmpty() || reason == RejectionReason.NO_INSTANCE ? "-" : list.get(list.size() - 1).to();
            list.add(new Step.Rejected(state, Rejections.describe(event), reason));
        }
    }

    /** What {@code instance} did so far (across restarts of its key: a new start appends). */
    public TransitionTrace trace(InstanceRef instance) {
        List<Step> list = steps.get(instance);
        if (list == null) {
            return new TransitionTrace(List.of());
        }
        synchronized (list) {
            return new TransitionTrace(list);
        }
    }

    /** Every instance seen so far. */
    public List<InstanceRef> instances() {
        return List.copyOf(steps.keySet());
    }

    /** Forgets everything recorded. */
    public void clear() {
        steps.clear();
    }
}
