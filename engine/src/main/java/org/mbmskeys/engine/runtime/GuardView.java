package org.mbmskeys.engine.runtime;

import java.time.Instant;
import java.util.Map;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.model.ActionContext;

/**
 * What a guard sees: the step's {@link ActionContext}, read-only. A guard only decides whether its
 * transition fires, and a transition that is not taken must leave the instance exactly as it was, whatever
 * store holds it (an in-memory store hands out the engine's own record, a database a copy that is only
 * written back when a step completes). So every call that would change the instance or act on the world
 * throws here, and the step fails into the error state naming what the guard tried. Scripts get the same
 * rule at load time; this is for guards written in Java and for what a dynamic script hides from the
 * load-time check. One per lane, like the scope it reads through.
 */
final class GuardView implements ActionContext {

    private final ActionContext step;

    GuardView(ActionContext step) {
        this.step = step;
    }

    @Override
    public String procedure() {
        return step.procedure();
    }

    @Override
    public Object key() {
        return step.key();
    }

    @Override
    public String state() {
        return step.state();
    }

    @Override
    public Object event() {
        return step.event();
    }

    @Override
    public Object input(String name) {
        return step.input(name);
    }

    @Override
    public Object get(String variable) {
        return step.get(variable);
    }

    @Override
    public Instant now() {
        return step.now();
    }

    @Override
    public <T> T service(Class<T> type) {
        return step.service(type);
    }

    @Override
    public Bytes random(int length) {
        return step.random(length);
    }

    @Override
    public int attempt() {
        return step.attempt();
    }

    @Override
    public void set(String variable, Object value) {
        throw refused("set variable '" + variable + "'");
    }

    @Override
    public void send(String channel, Object payload) {
        throw refused("send on '" + channel + "'");
    }

    @Override
    public void reply(Object payload) {
        throw refused("reply");
    }

    @Override
    public void start(String procedure, Object key, Map<String, ?> inputs) {
        throw refused("start '" + procedure + "'");
    }

    @Override
    public void signal(String procedure, Object key, String name, Object payload) {
        throw refused("signal '" + name + "' to '" + procedure + "'");
    }

    @Override
    public void emit(Object outcome) {
        throw refused("emit");
    }

    @Override
    public void restartTimer(String timer) {
        throw refused("restartTimer '" + timer + "'");
    }

    private IllegalStateException refused(String what) {
        return new IllegalStateException("a guard cannot " + what + " (in state '" + step.state() + "' of procedure '"
                + step.procedure() + "'): guards only read and decide whether the transition fires; "
                + "do it in the transition's action { } instead");
    }

    @Override
    public String toString() {
        return "guard view of " + step;
    }
}
