package org.mbmskeys.engine.runtime;

import java.util.List;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.RejectionReason;
import org.mbmskeys.engine.spi.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans out to the registered listeners; a listener that throws is logged and does not stop the others or the lane. */
final class Listeners implements ProcedureListener {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final ProcedureListener[] listeners;

    Listeners(List<ProcedureListener> listeners) {
        this.listeners = listeners.toArray(ProcedureListener[]::new);
    }

    boolean isEmpty() {
        return listeners.length == 0;
    }

    private interface Call {
        void on(ProcedureListener listener);
    }

    private void each(String what, Call call) {
        for (ProcedureListener l : listeners) {
            try {
                call.on(l);
            } catch (RuntimeException | Error e) {
                LOG.warn("listener {} threw in {}; ignored", l, what, e);
            }
        }
    }

    @Override
    public void transitioned(InstanceRef instance, Step step) {
        each("transitioned", l -> l.transitioned(instance, step));
    }

    @Override
    public void eventRejected(InstanceRef instance, Object event, RejectionReason reason, String detail) {
        each("eventRejected", l -> l.eventRejected(instance, event, reason, detail));
    }

    @Override
    public void outcome(InstanceRef instance, Object outcome) {
        each("outcome", l -> l.outcome(instance, outcome));
    }

    @Override
    public void failed(InstanceRef instance, String state, Throwable cause) {
        each("failed", l -> l.failed(instance, state, cause));
    }

    @Override
    public void ended(InstanceRef instance, InstanceRecord last) {
        each("ended", l -> l.ended(instance, last));
    }

    @Override
    public void effectFailed(InstanceRef instance, String effect, Throwable cause) {
        each("effectFailed", l -> l.effectFailed(instance, effect, cause));
    }

    @Override
    public void unrouted(Envelope envelope, String detail) {
        each("unrouted", l -> l.unrouted(envelope, detail));
    }
}
