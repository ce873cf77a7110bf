package org.mbmskeys.engine.model;

import java.time.Instant;
import java.util.Map;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * What actions and guards see of their instance and may do. Effects (send, reply, start, signal, emit)
 * are collected and carried out by the runtime after the step completes, in order, so a failing step
 * has no effects.
 */
public interface ActionContext {

    /** The procedure's name. */
    String procedure();

    /** The instance's correlation key. */
    Object key();

    /** The current (leaf) state. */
    String state();

    /** The event being processed: an event object, a {@link Signal}, a {@link TimerFired}, or null on start. */
    Object event();

    /** An input given when the instance started. */
    Object input(String name);

    /** A procedure variable. */
    Object get(String variable);

    /** Sets a procedure variable; the type must fit its declaration. */
    void set(String variable, Object value);

    /** Now, from the engine's scheduler. */
    Instant now();

    /** Random bytes from the engine's source. */
    Bytes random(int length);

    /** Sends {@code payload} on the named channel (e.g. a transport endpoint the embedder registered). */
    void send(String channel, Object payload);

    /** Answers the request that the current event came with. */
    void reply(Object payload);

    /** Starts another procedure with correlation key {@code key} and {@code inputs}. */
    void start(String procedure, Object key, Map<String, ?> inputs);

    /** Sends the signal {@code name} to another instance. */
    void signal(String procedure, Object key, String name, Object payload);

    /** Reports an outcome to listeners (the procedure goes on; reaching a final state ends it). */
    void emit(Object outcome);

    /** Restarts a timer of the current state (or an enclosing one) from now. */
    void restartTimer(String timer);

    /** How many times the current state has been retried by a bounded retry (0 on first entry). */
    int attempt();

    /**
     * The role service of that type the embedder registered with {@code EngineBuilder.service(type, service)}:
     * the Java code a script calls for what is not flow (key stores, crypto, message building). A guard may
     * call it too, to read.
     *
     * @throws IllegalArgumentException if no service of that type was registered; the message lists those that were
     */
    <T> T service(Class<T> type);
}
