package org.mbmskeys.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.RejectionReason;
import org.mbmskeys.engine.spi.Step;

/** A listener that keeps everything it is told, for assertions. Thread-safe. */
public final class Journal implements ProcedureListener {

    public record Rejected(InstanceRef instance, Object event, RejectionReason reason, String detail) {
    }

    public record Failed(InstanceRef instance, String state, Throwable cause) {
    }

    public record Ended(InstanceRef instance, InstanceRecord last) {
    }

    public record Outcome(InstanceRef instance, Object outcome) {
    }

    public record EffectFailed(InstanceRef instance, String effect, Throwable cause) {
    }

    public record Unrouted(Envelope envelope, String detail) {
    }

    public final List<Step> steps = Collections.synchronizedList(new ArrayList<>());
    public final List<Rejected> rejected = Collections.synchronizedList(new ArrayList<>());
    public final List<Failed> failed = Collections.synchronizedList(new ArrayList<>());
    public final List<Ended> ended = Collections.synchronizedList(new ArrayList<>());
    public final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    public final List<EffectFailed> effectFailures = Collections.synchronizedList(new ArrayList<>());
    public final List<Unrouted> unrouted = Collections.synchronizedList(new ArrayList<>());
    /** Everything in order, as text: "step ...", "rejected ...", "outcome ...", ... */
    public final List<String> order = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void transitioned(InstanceRef instance, Step step) {
        steps.add(step);
        order.add("step " + instance + " " + step);
    }

    @Override
    public void eventRejected(InstanceRef instance, Object event, RejectionReason reason, String detail) {
        rejected.add(new Rejected(instance, event, reason, detail));
        order.add("rejected " + instance + " " + reason);
    }

    @Override
    public void outcome(InstanceRef instance, Object outcome) {
        outcomes.add(new Outcome(instance, outcome));
        order.add("outcome " + instance + " " + outcome);
    }

    @Override
    public void failed(InstanceRef instance, String state, Throwable cause) {
        failed.add(new Failed(instance, state, cause));
        order.add("failed " + instance + " in " + state);
    }

    @Override
    public void ended(InstanceRef instance, InstanceRecord last) {
        ended.add(new Ended(instance, last));
        order.add("ended " + instance + " in " + last.state());
    }

    @Override
    public void effectFailed(InstanceRef instance, String effect, Throwable cause) {
        effectFailures.add(new EffectFailed(instance, effect, cause));
        order.add("effect failed " + instance + " " + effect);
    }

    @Override
    public void unrouted(Envelope envelope, String detail) {
        unrouted.add(new Unrouted(envelope, detail));
        order.add("unrouted " + envelope);
    }
}
