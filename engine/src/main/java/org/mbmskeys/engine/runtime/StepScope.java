package org.mbmskeys.engine.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mbmskeys.engine.backend.Rejections;
import org.mbmskeys.engine.backend.StateTree;
import org.mbmskeys.engine.backend.StepContext;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.model.ActionContext;
import org.mbmskeys.engine.model.Signal;
import org.mbmskeys.engine.model.TimerDefinition;
import org.mbmskeys.engine.model.TransitionDefinition;
import org.mbmskeys.engine.model.VariableDefinition;
import org.mbmskeys.engine.spi.RejectionReason;
import org.mbmskeys.engine.spi.ReplyHandle;
import org.mbmskeys.engine.spi.Step;

/**
 * One lane's view of the step in progress: the backend's {@link StepContext} and the actions'
 * {@link ActionContext} in one object, reused for every step of the lane (a lane runs one step at a time,
 * so nothing is allocated per step here). Structural calls from the backend update the record as they
 * come: entering a state resets (or, for a retry, bumps) its retry counter and arms its timers (a timer whose
 * retry backs off with the delay of that attempt); exiting
 * cancels its timers. Effects are only collected. Time is read once per step, so a step is instantaneous.
 */
final class StepScope implements StepContext, ActionContext {

    enum Kind { NONE, START, TRANSITION, INTERNAL, RETRY }

    private final DefaultEngine engine;
    private final Lane lane;
    final List<Effect> effects = new ArrayList<>();
    private final GuardView guardView = new GuardView(this);
    private int[] exited = new int[8];
    private int exitedCount;
    private int[] entered = new int[8];
    private int enteredCount;

    LiveInstance rec;
    private Deployed procedure;
    Object event;
    private ReplyHandle reply;
    private int timerState;
    int from;
    Kind kind;
    private int source;
    private TransitionDefinition transition;
    RejectionReason rejected;
    String rejectedDetail;
    private Instant now;
    private long nowMillis;

    StepScope(DefaultEngine engine, Lane lane) {
        this.engine = engine;
        this.lane = lane;
    }

    void begin(LiveInstance rec, Object event, ReplyHandle reply, int timerState, Kind kind) {
        this.rec = rec;
        this.procedure = rec.procedure;
        this.event = event;
        this.reply = reply;
        this.timerState = timerState;
        this.from = rec.state;
        this.kind = kind;
        this.source = StateTree.NONE;
        this.transition = null;
        this.rejected = null;
        this.rejectedDetail = null;
        this.exitedCount = 0;
        this.enteredCount = 0;
        this.now = null;
    }

    /** Drops the references of the finished step (so a lane does not keep an ended instance alive). */
    void end() {
        rec = null;
        procedure = null;
        event = null;
        reply = null;
        transition = null;
        effects.clear();
    }

    // --- StepContext: the backend's calls ---

    @Override
    public int lane() {
        return lane.index;
    }

    @Override
    public int stateIndex() {
        return rec.state;
    }

    @Override
    public Object event() {
        return event;
    }

    @Override
    public int timerState() {
        return timerState;
    }

    @Override
    public int attempts(int state) {
        int slot = procedure.retrySlot[state];
        return slot < 0 ? 0 : rec.attempts[slot];
    }

    @Override
    public ActionContext actions() {
        return this;
    }

    @Override
    public ActionContext guards() {
        return guardView;
    }

    @Override
    public void taking(int source, TransitionDefinition transition) {
        this.kind = transition.target().isEmpty() ? Kind.INTERNAL : Kind.TRANSITION;
        this.source = source;
        this.transition = transition;
    }

    @Override
    public void retrying(int state, TransitionDefinition transition) {
        this.kind = Kind.RETRY;
        this.source = state;
        this.transition = transition;
    }

    @Override
    public void exited(int state) {
        if (exitedCount == exited.length) {
            exited = Arrays.copyOf(exited, exitedCount * 2);
        }
        exited[exitedCount++] = state;
        for (int slot : procedure.timersOfState[state]) {
            if (rec.deadlines[slot] != 0) {
                rec.deadlines[slot] = 0;
                lane.timers.markStale();
            }
        }
    }

    @Override
    public void entered(int state) {
        if (enteredCount == entered.length) {
            entered = Arrays.copyOf(entered, enteredCount * 2);
        }
        entered[enteredCount++] = state;
        rec.state = state;
        int slot = procedure.retrySlot[state];
        if (slot >= 0) {
            rec.attempts[slot] = kind == Kind.RETRY && state == source ? rec.attempts[slot] + 1 : 0;
        }
        for (int timer : procedure.timersOfState[state]) {
            arm(timer);
        }
    }

    @Override
    public void rejected(RejectionReason reason, String detail) {
        this.rejected = Objects.requireNonNull(reason, "reason");
        this.rejectedDetail = Objects.requireNonNull(detail, "detail");
    }

    private void arm(int slot) {
        TimerSlot timer = procedure.timers[slot];
        int retrySlot = procedure.retrySlot[timer.state];
        long delay = timer.delayMillis(retrySlot < 0 ? 0 : rec.attempts[retrySlot], engine.random, guards());
        long now = nowMillis();
        // an unbounded back-off can grow past the range of a long: such a timer is due never, not at once
        long at = delay > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + delay;
        if (rec.deadlines[slot] != 0) {
            lane.timers.markStale();
        }
        rec.deadlines[slot] = at;
        lane.timers.push(at, rec.key, timer);
    }

    private long nowMillis() {
        if (now == null) {
            now = engine.scheduler.now();
            nowMillis = now.toEpochMilli();
        }
        return nowMillis;
    }

    /** The step as listeners see it; only for completed, non-rejected steps. */
    Step step() {
        StateTree tree = procedure.tree;
        String to = tree.name(rec.state);
        switch (kind) {
            case START:
                return new Step.Started(names(entered, enteredCount), to);
            case TRANSITION:
                return new Step.Transitioned(tree.name(from), tree.name(source), transition.trigger().toString(),
                        names(exited, exitedCount), names(entered, enteredCount), to);
            case INTERNAL:
                return new Step.Internal(to, tree.name(source), transition.trigger().toString());
            case RETRY:
                return new Step.Retried(tree.name(from), tree.name(source), transition.trigger().toString(),
                        attempts(source), names(exited, exitedCount), names(entered, enteredCount), to);
            default:
                throw new IllegalStateException("backend " + engine.registry.backend().name() + " completed a step of "
                        + rec + " on " + Rejections.describe(event) + " without taking, retrying or rejecting");
        }
    }

    private List<String> names(int[] states, int count) {
        return procedure.tree.names(Arrays.copyOf(states, count));
    }

    // --- ActionContext: what guards and actions see ---

    @Override
    public String procedure() {
        return procedure.name;
    }

    @Override
    public Object key() {
        return rec.key;
    }

    @Override
    public String state() {
        return procedure.tree.name(rec.state);
    }

    @Override
    public Object input(String name) {
        Integer idx = procedure.valueIndex.get(name);
        if (idx == null || idx >= procedure.inputCount) {
            throw new IllegalArgumentException("procedure '" + procedure.name + "' has no input '" + name + "'; inputs are "
                    + procedure.inputNames() + (idx != null ? " ('" + name + "' is a variable: read it with get)" : ""));
        }
        return rec.values[idx];
    }

    @Override
    public Object get(String variable) {
        return rec.values[variableIndex(variable)];
    }

    @Override
    public void set(String variable, Object value) {
        int idx = variableIndex(variable);
        VariableDefinition declared = procedure.variables[idx - procedure.inputCount];
        if (!declared.accepts(value)) {
            throw new IllegalArgumentException("variable '" + variable + "' of procedure '" + procedure.name + "' holds a "
                    + declared.type().getSimpleName() + " (declared at " + declared.declaredAt() + "); cannot set it to "
                    + (value == null ? "null" : "a " + value.getClass().getSimpleName()));
        }
        rec.values[idx] = value;
    }

    private int variableIndex(String variable) {
        Integer idx = procedure.valueIndex.get(variable);
        if (idx == null || idx < procedure.inputCount) {
            throw new IllegalArgumentException("procedure '" + procedure.name + "' has no variable '" + variable
                    + "'; variables are " + procedure.variableNames()
                    + (idx != null ? " ('" + variable + "' is an input: read it with input)" : ""));
        }
        return idx;
    }

    @Override
    public Instant now() {
        nowMillis();
        return now;
    }

    @Override
    public <T> T service(Class<T> type) {
        return engine.services.get(type);
    }

    @Override
    public Bytes random(int length) {
        return engine.random.next(length);
    }

    @Override
    public void send(String channel, Object payload) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(payload, "payload");
        engine.checkSendable(channel, payload);
        effects.add(new Effect.Send(channel, payload));
    }

    @Override
    public void reply(Object payload) {
        Objects.requireNonNull(payload, "payload");
        if (reply == null) {
            throw new IllegalStateException(rec + " cannot reply: " + Rejections.describe(event)
                    + " did not come as a request; only Engine.request(...) and envelopes with a reply handle can be answered");
        }
        effects.add(new Effect.Reply(reply, payload));
    }

    @Override
    public void start(String procedure, Object key, Map<String, ?> inputs) {
        Deployed target = engine.registry.require(procedure);
        Objects.requireNonNull(key, "key");
        effects.add(new Effect.Start(target, key, engine.inputValues(target, key, inputs)));
    }

    @Override
    public void signal(String procedure, Object key, String name, Object payload) {
        engine.registry.requireKnown(procedure);
        Objects.requireNonNull(key, "key");
        effects.add(new Effect.SignalTo(procedure, key, new Signal(name, payload)));
    }

    @Override
    public void emit(Object outcome) {
        effects.add(new Effect.Emit(Objects.requireNonNull(outcome, "outcome")));
    }

    @Override
    public void restartTimer(String timer) {
        for (int s = rec.state; s != StateTree.NONE; s = procedure.tree.parent(s)) {
            int slot = procedure.timerSlot(s, timer);
            if (slot >= 0) {
                arm(slot);
                return;
            }
        }
        List<String> around = new ArrayList<>();
        for (int s = rec.state; s != StateTree.NONE; s = procedure.tree.parent(s)) {
            for (TimerDefinition t : procedure.tree.state(s).timers()) {
                around.add(procedure.tree.name(s) + "." + t.name());
            }
        }
        throw new IllegalArgumentException("state '" + state() + "' and the states enclosing it have no timer '" + timer
                + "'; timers there are " + around);
    }

    @Override
    public int attempt() {
        for (int s = rec.state; s != StateTree.NONE; s = procedure.tree.parent(s)) {
            int slot = procedure.retrySlot[s];
            if (slot >= 0) {
                return rec.attempts[slot];
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return rec == null ? "idle step scope of lane " + lane.index : "step of " + rec + " on " + Rejections.describe(event);
    }
}
