package org.mbmskeys.engine.dsl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.model.ActionContext;

/** An {@link ActionContext} for tests: fixed inputs and event, variables in a map, effects recorded as text. */
class RecordingContext implements ActionContext {

    final Map<String, Object> inputs = new HashMap<>();
    final Map<String, Object> variables = new HashMap<>();
    final Map<Class<?>, Object> services = new HashMap<>();
    final List<String> effects = new ArrayList<>();
    /** Whether any variable read or write came through Groovy's property look-up (the closure's metaclass). */
    boolean variableByPropertyLookUp;
    Object event;
    int attempt;
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    RecordingContext event(Object e) {
        this.event = e;
        return this;
    }

    RecordingContext input(String name, Object value) {
        inputs.put(name, value);
        return this;
    }

    RecordingContext variable(String name, Object value) {
        variables.put(name, value);
        return this;
    }

    @Override
    public String procedure() {
        return "test.procedure";
    }

    @Override
    public Object key() {
        return "key-1";
    }

    @Override
    public String state() {
        return "s";
    }

    @Override
    public Object event() {
        return event;
    }

    @Override
    public Object input(String name) {
        if (!inputs.containsKey(name)) {
            throw new IllegalArgumentException("no input " + name);
        }
        return inputs.get(name);
    }

    @Override
    public Object get(String variable) {
        noteHowVariablesAreReached();
        if (!variables.containsKey(variable)) {
            throw new IllegalArgumentException("no variable " + variable);
        }
        return variables.get(variable);
    }

    @Override
    public void set(String variable, Object value) {
        noteHowVariablesAreReached();
        variables.put(variable, value);
    }

    private void noteHowVariablesAreReached() {
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            if (e.getClassName().equals(ActionScopeMetaClass.class.getName())) {
                variableByPropertyLookUp = true;
            }
        }
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public <T> T service(Class<T> type) {
        return type.cast(services.get(type));
    }

    @Override
    public Bytes random(int length) {
        return Bytes.of(new byte[length]);
    }

    @Override
    public void send(String channel, Object payload) {
        effects.add("send " + channel + " " + payload + (payload == null ? "" : " (" + payload.getClass().getSimpleName() + ")"));
    }

    @Override
    public void reply(Object payload) {
        effects.add("reply " + payload);
    }

    @Override
    public void start(String procedure, Object key, Map<String, ?> inputs) {
        effects.add("start " + procedure + " " + key + " " + inputs);
    }

    @Override
    public void signal(String procedure, Object key, String name, Object payload) {
        effects.add("signal " + procedure + " " + key + " " + name + " " + payload);
    }

    @Override
    public void emit(Object outcome) {
        effects.add("emit " + outcome);
    }

    @Override
    public void restartTimer(String timer) {
        effects.add("restartTimer " + timer);
    }

    @Override
    public int attempt() {
        return attempt;
    }
}
