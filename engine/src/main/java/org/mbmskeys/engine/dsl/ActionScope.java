package org.mbmskeys.engine.dsl;

import groovy.lang.GString;
import groovy.lang.GroovyObject;
import groovy.lang.MetaClass;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.model.ActionContext;
import org.mbmskeys.engine.model.NameSuggestions;

/**
 * What the body of an {@code onEntry}, {@code onExit}, {@code action} or {@code guard} block sees: the
 * {@link ActionContext} of the instance being stepped, as keywords. A fresh scope is made for every call,
 * so two instances running the same closure at the same time each see their own event, inputs and
 * variables.
 *
 * <p>Procedure variables read and write as plain names ({@code attempts = attempts + 1}) or through
 * {@link #get(String)} / {@link #set(String, Object)}. GStrings given as payloads, keys, outcomes or
 * variable values are turned into Strings first, so a lazily evaluated GString never leaves the action.
 *
 * <pre>{@code
 * on(Ack) {
 *     guard { event.ok() && attempt < 3 }
 *     action {
 *         send 'mikey', "key for ${input('ue')}"
 *         attempts = attempts + 1
 *         emit 'delivered'
 *     }
 *     goTo 'done'
 * }
 * }</pre>
 *
 * <p>Effects ({@code send}, {@code reply}, {@code start}, {@code signal}, {@code emit}) are collected by
 * the runtime and carried out after the step completes; an exception thrown here moves the instance to
 * the procedure's error state. In a {@code guard} the scope reads a read-only context: every call that
 * would change the instance or act throws there.
 */
public final class ActionScope implements GroovyObject {

    // $: a bare word in an action must never resolve to this field (Groovy resolves words to fields first)
    private final ActionContext $context;

    ActionScope(ActionContext context) {
        this.$context = Objects.requireNonNull(context, "context");
    }

    /** The event being processed: the event object, a {@code Signal}, a {@code TimerFired}, or null on start. */
    public Object getEvent() {
        return $context.event();
    }

    /** The input {@code name} the instance was started with. */
    public Object input(String name) {
        return $context.input(name);
    }

    /** The procedure variable {@code name}; a bare name ({@code attempts}) reads it too. */
    public Object get(CharSequence variable) {
        return $context.get(variable.toString());
    }

    /**
     * Sets the procedure variable {@code name}; the value must fit the variable's declared type. Assigning
     * a bare name ({@code attempts = 2}) sets it too.
     */
    public void set(CharSequence variable, Object value) {
        $context.set(variable.toString(), plain(value));
    }

    /** Now, from the engine's scheduler. */
    public Instant getNow() {
        return $context.now();
    }

    /** How many times a bounded retry has re-entered the current state (0 on first entry). */
    public int getAttempt() {
        return $context.attempt();
    }

    /** The instance's correlation key. */
    public Object getKey() {
        return $context.key();
    }

    /** The instance's current (leaf) state. */
    public String getState() {
        return $context.state();
    }

    /** The procedure's name. */
    public String getProcedure() {
        return $context.procedure();
    }

    /** The raw context, for Java helpers that take one. */
    public ActionContext getContext() {
        return $context;
    }

    /**
     * The role service of {@code type} the embedder registered with the engine, for what a script does not
     * do itself: {@code service(KeyDistribution).push(key, msk)}.
     */
    public <T> T service(Class<T> type) {
        return $context.service(type);
    }

    /** A duration of {@code n} milliseconds (for a computed delay, or to compare times). */
    public java.time.Duration millis(long n) {
        return java.time.Duration.ofMillis(n);
    }

    /** A duration of {@code n} seconds. */
    public java.time.Duration seconds(long n) {
        return java.time.Duration.ofSeconds(n);
    }

    /** A duration of {@code n} minutes. */
    public java.time.Duration minutes(long n) {
        return java.time.Duration.ofMinutes(n);
    }

    /** A duration of {@code n} hours. */
    public java.time.Duration hours(long n) {
        return java.time.Duration.ofHours(n);
    }

    /** {@code length} random bytes from the engine's source. */
    public Bytes random(int length) {
        return $context.random(length);
    }

    /** Sends {@code payload} on the named channel. */
    public void send(String channel, Object payload) {
        $context.send(channel, plain(payload));
    }

    /** Answers the request the current event came with. */
    public void reply(Object payload) {
        $context.reply(plain(payload));
    }

    /** Starts procedure {@code procedure} with correlation key {@code key} and no inputs. */
    public void start(String procedure, Object key) {
        $context.start(procedure, plain(key), Map.of());
    }

    /** Starts procedure {@code procedure} with correlation key {@code key} and {@code inputs}. */
    public void start(String procedure, Object key, Map<String, ?> inputs) {
        Map<String, Object> plainInputs = new LinkedHashMap<>();
        inputs.forEach((k, v) -> plainInputs.put(k, plain(v)));
        $context.start(procedure, plain(key), plainInputs);
    }

    /** Sends signal {@code name} without payload to the instance {@code key} of {@code procedure}. */
    public void signal(String procedure, Object key, String name) {
        $context.signal(procedure, plain(key), name, null);
    }

    /** Sends signal {@code name} with {@code payload} to the instance {@code key} of {@code procedure}. */
    public void signal(String procedure, Object key, String name, Object payload) {
        $context.signal(procedure, plain(key), name, plain(payload));
    }

    /** Reports {@code outcome} to listeners; the procedure goes on. */
    public void emit(Object outcome) {
        $context.emit(plain(outcome));
    }

    /** Restarts timer {@code timer} of the current state (or an enclosing one) from now. */
    public void restartTimer(String timer) {
        $context.restartTimer(timer);
    }

    /** Scopes share one meta class, which reads and writes procedure variables by bare name. */
    @Override
    public MetaClass getMetaClass() {
        return ActionScopeMetaClass.INSTANCE;
    }

    @Override
    public void setMetaClass(MetaClass metaClass) {
        throw new UnsupportedOperationException("an action scope's meta class is fixed");
    }

    /** A call that is no action keyword; statically compiled scripts report it at load time instead. */
    public Object methodMissing(String name, Object args) {
        throw new IllegalStateException("unknown action keyword '" + name + "' in procedure '" + $context.procedure()
                + "'; " + NameSuggestions.hint(name, Keywords.of(BlockKind.ACTION), "action keywords"));
    }

    private static Object plain(Object value) {
        return value instanceof GString ? value.toString() : value;
    }
}
