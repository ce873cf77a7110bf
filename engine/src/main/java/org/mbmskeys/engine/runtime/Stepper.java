package org.mbmskeys.engine.runtime;

import java.util.List;
import java.util.Optional;
import org.mbmskeys.engine.backend.Rejections;
import org.mbmskeys.engine.backend.StateTree;
import org.mbmskeys.engine.model.Action;
import org.mbmskeys.engine.model.ActionFailure;
import org.mbmskeys.engine.spi.Channel;
import org.mbmskeys.engine.spi.ChannelMessage;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.RejectionReason;
import org.mbmskeys.engine.spi.ReplyHandle;
import org.mbmskeys.engine.spi.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a lane does with one unit of work: start an instance, hand it an event, fire due timers, re-arm a
 * recovered record. Each step runs in this order: load the record; let the backend run the step; then,
 * if it completed, save the record (or remove it when the instance reached a top-level final state),
 * tell the listeners, carry out the collected effects, and report the end.
 *
 * <p>Failures: a guard or action that throws fails the whole step. Its effects are discarded, every
 * timer is cancelled, the cause is written into the record (for a script's action or guard, with the block
 * and the script line: {@code action of transition 'a' -[Go]-> 'b' at p.groovy:12 threw
 * IllegalStateException: boom}; listeners get the exception the block threw), and the instance moves to the error state,
 * whose entry actions run (their effects are carried out; if they throw too, the second exception is
 * added to the cause as suppressed and their effects are dropped). The exit actions of the states the
 * instance is still in when the exception is thrown are <em>not</em> run (those the step had already
 * exited did run): the instance is already broken, and running more of its code could only fail again or
 * act on half-done work. A failed instance ends. Nothing that happens here
 * escapes to the lane: other instances carry on.
 *
 * <p>Timers: a deadline that falls due is spent before its event is handled, so a timer whose transition
 * is rejected (its guard says no) does not fire again unless the state is re-entered or the timer
 * restarted. That spent deadline is the only change a rejected step makes, and it is saved so that every store
 * agrees on it; guards see the step read-only ({@link GuardView}), so nothing else can change.
 */
final class Stepper {

    private static final Logger LOG = LoggerFactory.getLogger(Stepper.class);

    private final DefaultEngine engine;
    private final Lane lane;
    private final StepScope scope;

    Stepper(DefaultEngine engine, Lane lane) {
        this.engine = engine;
        this.lane = lane;
        this.scope = new StepScope(engine, lane);
    }

    /** Starts an instance; with {@code firstEvent}, then delivers it (to the existing instance if there is one). */
    void start(Deployed procedure, Object key, Object[] inputs, Object firstEvent, ReplyHandle reply) {
        LiveInstance existing = find(procedure.name, key);
        if (existing != null) {
            if (firstEvent != null) {
                handle(existing, firstEvent, reply, StateTree.NONE);
            } else {
                reject(new InstanceRef(procedure.name, key), null, RejectionReason.ALREADY_RUNNING, existing
                        + " is already running; send or signal to it, or start again after it ended");
            }
            return;
        }
        LiveInstance rec = new LiveInstance(procedure, key, procedure.initialValues(inputs));
        rec.state = procedure.tree.initial();
        scope.begin(rec, null, null, StateTree.NONE, StepScope.Kind.START);
        boolean running;
        try {
            procedure.executable.start(scope);
            running = true;
        } catch (Throwable t) {
            fail(t);
            running = false;
        }
        if (running) {
            running = commit();
        }
        if (firstEvent == null) {
            return;
        }
        if (running) {
            handle(rec, firstEvent, reply, StateTree.NONE);
        } else {
            reject(new InstanceRef(procedure.name, key), firstEvent, RejectionReason.NO_INSTANCE, "the instance this "
                    + "message started ended (or failed) while starting, in state '" + rec.state() + "'");
        }
    }

    /** Delivers {@code event} to a running instance. */
    void deliver(String procedure, Object key, Object event, ReplyHandle reply) {
        LiveInstance rec = find(procedure, key);
        if (rec == null) {
            Optional<String> unbound = engine.store.load(procedure, key).flatMap(InstanceRecord::failure);
            reject(new InstanceRef(procedure, key), event, RejectionReason.NO_INSTANCE, unbound.isPresent()
                    ? "the stored instance of '" + procedure + "' with key " + key + " does not run: " + unbound.get()
                    : "no instance of '" + procedure + "' with key " + key + " is running (it never started, or it ended)");
            return;
        }
        handle(rec, event, reply, StateTree.NONE);
    }

    /**
     * Delivers {@code event} to a running instance of an undeployed procedure; with none running, nothing
     * may be created, and the event is refused as {@link RejectionReason#UNKNOWN_PROCEDURE}.
     */
    void deliverIfRunning(String procedure, Object key, Object event, ReplyHandle reply, String refusal) {
        LiveInstance rec = find(procedure, key);
        if (rec == null) {
            reject(new InstanceRef(procedure, key), event, RejectionReason.UNKNOWN_PROCEDURE, refusal);
            return;
        }
        handle(rec, event, reply, StateTree.NONE);
    }

    /** The lane's wake-up: fires every deadline that is due, in deadline order. */
    void fireDue() {
        lane.woke();
        TimerQueue timers = lane.timers;
        long now = engine.scheduler.now().toEpochMilli();
        while (!timers.isEmpty() && timers.peekAt() <= now) {
            long at = timers.peekAt();
            Object key = timers.peekKey();
            TimerSlot slot = timers.peekSlot();
            timers.pop();
            LiveInstance rec = find(slot.procedure.name, key);
            if (rec == null || rec.procedure != slot.procedure || rec.deadlines[slot.index] != at) {
                timers.staleRemoved();
                continue;
            }
            rec.deadlines[slot.index] = 0;
            handle(rec, slot.event, null, slot.state);
        }
    }

    /** Whether a heap entry is still its instance's deadline (the lane compacts with this). */
    boolean isLive(long at, Object key, TimerSlot slot) {
        Optional<InstanceRecord> stored = engine.store.load(slot.procedure.name, key);
        if (stored.isEmpty()) {
            return false;
        }
        // A record this engine has not bound yet cannot be checked cheaply; keep its entry.
        return !(stored.get() instanceof LiveInstance rec) || rec.procedure != slot.procedure
                || rec.deadlines[slot.index] == at;
    }

    /** Takes over a stored record at engine start: binds it if needed and arms its deadlines. */
    void recover(InstanceRecord stored) {
        LiveInstance rec;
        try {
            rec = adopt(stored);
        } catch (UnboundRecordException e) {
            leaveUnbound(stored, e);
            return;
        } catch (RuntimeException e) {
            LOG.warn("left {}[{}] in the store untouched: {}", stored.procedure(), stored.key(), e.getMessage());
            return;
        }
        if (rec.deadlines != null) {
            for (int slot = 0; slot < rec.deadlines.length; slot++) {
                if (rec.deadlines[slot] != 0) {
                    lane.timers.push(rec.deadlines[slot], rec.key, rec.procedure.timers[slot]);
                }
            }
        }
    }

    /** An immutable copy of the instance's record, if it is running. */
    Optional<InstanceRecord> snapshot(String procedure, Object key) {
        LiveInstance rec = find(procedure, key);
        return rec == null ? Optional.empty() : Optional.of(InstanceRecord.copyOf(rec));
    }

    private LiveInstance find(String procedure, Object key) {
        Optional<InstanceRecord> stored = engine.store.load(procedure, key);
        if (stored.isEmpty()) {
            return null;
        }
        try {
            return adopt(stored.get());
        } catch (UnboundRecordException e) {
            leaveUnbound(stored.get(), e);
            return null;
        } catch (RuntimeException e) {
            LOG.warn("cannot run {}[{}]: {}", procedure, key, e.getMessage());
            return null;
        }
    }

    private LiveInstance adopt(InstanceRecord stored) {
        if (stored instanceof LiveInstance live && live.procedure.registry == engine.registry) {
            return live;
        }
        LiveInstance bound = Binder.bind(engine.registry, stored, engine.migration);
        engine.store.save(bound);
        return bound;
    }

    /**
     * The instance's definition is not deployed: it must not run on another one. Its record stays in the
     * store with the reason as its failure (a later engine with that definition deployed runs it on), and
     * the log and the listeners are told.
     */
    private void leaveUnbound(InstanceRecord stored, UnboundRecordException why) {
        if (stored.failure().equals(Optional.of(why.getMessage()))) {
            LOG.debug("{}", why.getMessage());   // already saved, logged and reported
            return;
        }
        engine.store.save(InstanceRecord.of(stored.procedure(), stored.version(), stored.fingerprint().orElse(null),
                stored.key(), stored.state(), stored.inputs(), stored.variables(), stored.deadlines(), stored.attempts(),
                Optional.of(why.getMessage())));
        LOG.error("{}", why.getMessage());
        engine.listeners.failed(new InstanceRef(stored.procedure(), stored.key()), stored.state(), why);
    }

    private void handle(LiveInstance rec, Object event, ReplyHandle reply, int timerState) {
        scope.begin(rec, event, reply, timerState, StepScope.Kind.NONE);
        try {
            rec.procedure.executable.fire(scope);
            if (scope.rejected == null && scope.kind == StepScope.Kind.NONE) {
                throw new IllegalStateException("backend '" + engine.registry.backend().name() + "' neither took, retried "
                        + "nor rejected " + Rejections.describe(event) + " in state '" + rec.state() + "'");
            }
        } catch (Throwable t) {
            fail(t);
            return;
        }
        if (scope.rejected != null) {
            RejectionReason reason = scope.rejected;
            String detail = scope.rejectedDetail;
            scope.end();
            if (timerState != StateTree.NONE) {
                // the fired deadline is spent (see the class comment); a store that keeps copies must hear of
                // it, or a restart would fire the timer again. Nothing else changed: guards only read.
                engine.store.save(rec);
            }
            reject(new InstanceRef(rec.procedure.name, rec.key), event, reason, detail);
            return;
        }
        commit();
    }

    private void reject(InstanceRef instance, Object event, RejectionReason reason, String detail) {
        LOG.debug("{} rejected {}: {} ({})", instance, Rejections.describe(event), reason, detail);
        engine.listeners.eventRejected(instance, event, reason, detail);
    }

    /** Completes a step; returns whether the instance is still running. */
    private boolean commit() {
        LiveInstance rec = scope.rec;
        Deployed procedure = rec.procedure;
        boolean ends = procedure.endsInstance[rec.state];
        if (ends) {
            disarm(rec);
            engine.store.remove(procedure.name, rec.key);
        } else {
            engine.store.save(rec);
        }
        boolean tell = !engine.listeners.isEmpty();
        // No allocation for the common quiet step: no listener, no effect.
        InstanceRef ref = tell || ends || !scope.effects.isEmpty() ? new InstanceRef(procedure.name, rec.key) : null;
        if (tell) {
            engine.listeners.transitioned(ref, scope.step());
        }
        carryOut(ref, scope.effects);
        if (ends) {
            engine.listeners.ended(ref, rec);
        }
        scope.end();
        return !ends;
    }

    private void fail(Throwable thrown) {
        // A script's action or guard says where it failed; listeners get what it threw.
        Throwable cause = thrown instanceof ActionFailure located ? located.getCause() : thrown;
        LiveInstance rec = scope.rec;
        Deployed procedure = rec.procedure;
        StateTree tree = procedure.tree;
        String from = tree.name(scope.from);
        Object event = scope.event;
        scope.effects.clear();
        disarm(rec);
        rec.failure = thrown instanceof ActionFailure ? thrown.getMessage() : cause.getClass().getName() + ": " + cause.getMessage();
        int error = tree.error();
        if (error != StateTree.NONE) {
            rec.state = error;
            runErrorEntry(tree.state(error).onEntry(), cause);
            disarm(rec);
        } else {
            rec.state = scope.from;
        }
        engine.store.remove(procedure.name, rec.key);
        InstanceRef ref = new InstanceRef(procedure.name, rec.key);
        LOG.warn("{} failed in state '{}' on {}; {}", ref, from, Rejections.describe(event), error == StateTree.NONE
                ? "the procedure declares no error state, so it ends there" : "moved to error state '" + tree.name(error) + "'",
                cause);
        engine.listeners.transitioned(ref, new Step.Failed(from, Rejections.describe(event), rec.failure, rec.state()));
        engine.listeners.failed(ref, from, cause);
        carryOut(ref, scope.effects);
        engine.listeners.ended(ref, rec);
        scope.end();
    }

    private void runErrorEntry(List<Action> actions, Throwable cause) {
        try {
            for (Action action : actions) {
                action.execute(scope);
            }
        } catch (Throwable again) {
            cause.addSuppressed(again instanceof ActionFailure located ? located.getCause() : again);
            scope.effects.clear();
        }
    }

    private void disarm(LiveInstance rec) {
        for (int n = rec.disarmAll(); n > 0; n--) {
            lane.timers.markStale();
        }
    }

    private void carryOut(InstanceRef ref, List<Effect> effects) {
        if (effects.isEmpty()) {
            return;
        }
        CarryOut handler = new CarryOut(ref);
        for (int i = 0; i < effects.size(); i++) {
            Effect effect = effects.get(i);
            try {
                effect.accept(handler);
            } catch (Throwable t) {
                LOG.warn("{}: {} failed", ref, effect.describe(), t);
                engine.listeners.effectFailed(ref, effect.describe(), t);
            }
        }
    }

    /** One method per kind of effect: a kind without one does not compile. */
    private final class CarryOut implements Effect.Handler<Void> {
        private final InstanceRef ref;

        CarryOut(InstanceRef ref) {
            this.ref = ref;
        }

        @Override
        public Void send(Effect.Send send) throws Exception {
            Channel channel = engine.channel(send.channel());
            channel.send(new ChannelMessage(ref, send.channel(), send.payload()));
            return null;
        }

        @Override
        public Void reply(Effect.Reply reply) {
            reply.handle().reply(reply.payload());
            return null;
        }

        @Override
        public Void start(Effect.Start start) {
            engine.submitStart(start.procedure(), start.key(), start.inputs());
            return null;
        }

        @Override
        public Void signal(Effect.SignalTo signal) {
            engine.submitEvent(signal.procedure(), signal.key(), signal.signal(), null);
            return null;
        }

        @Override
        public Void emit(Effect.Emit emit) {
            engine.listeners.outcome(ref, emit.outcome());
            return null;
        }
    }
}
