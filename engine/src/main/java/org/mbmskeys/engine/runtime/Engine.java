package org.mbmskeys.engine.runtime;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ReplyHandle;

/**
 * The procedure engine: runs instances of deployed procedure definitions. An instance is a small record
 * (definition and version, state, variables, deadlines) in the {@link org.mbmskeys.engine.spi.InstanceStore};
 * its events are handled one at a time, in order, on the lane its key hashes to, while other lanes run
 * other instances in parallel. Build one with {@link #builder()}.
 *
 * <p>Calls are asynchronous: they validate their arguments (and throw at once on a programming error,
 * such as an unknown procedure or a wrong input), queue the work on the instance's lane and return. What
 * happened is reported to {@link org.mbmskeys.engine.spi.ProcedureListener}s. In deterministic mode
 * ({@link EngineBuilder#deterministic()}) the work is done on the calling thread before the call returns.
 *
 * <p>Rules the runtime keeps:
 * <ul>
 *   <li>Events to one instance are handled in the order they were submitted (from one thread).</li>
 *   <li>An event no transition accepts is reported with a reason and changes nothing.</li>
 *   <li>Timers are deadlines in the record: armed on entry, cancelled on exit, restartable, persisted;
 *       after a restart, deadlines that passed fire once.</li>
 *   <li>An exception in a guard or action moves the instance to the procedure's error state with the
 *       cause recorded; effects of that step are dropped; the engine and other instances carry on.</li>
 *   <li>A new definition version is used by new instances; running instances finish on theirs, also
 *       across a restart: a stored instance is bound to the deployed definition with its fingerprint, and
 *       fails with the reason (or goes to the {@link Migration}) when that definition is not deployed.</li>
 * </ul>
 *
 * <pre>{@code
 * ManualScheduler time = new ManualScheduler();
 * Engine engine = Engine.builder()
 *         .procedure(definition)
 *         .scheduler(time)
 *         .deterministic()
 *         .channel("out", message -> sent.add(message.payload()))
 *         .listener(listener)
 *         .build();
 * engine.start("p", "ue-1", Map.of());
 * engine.send("p", "ue-1", new Go());
 * time.advance(Duration.ofSeconds(30));
 * engine.instance("p", "ue-1").map(InstanceRecord::state);   // Optional[waiting]
 * }</pre>
 */
public interface Engine extends AutoCloseable {

    static EngineBuilder builder() {
        return new EngineBuilder();
    }

    /**
     * Deploys a definition (a first version, or a newer one from a reloaded script). New instances use it;
     * running instances keep the version they started on. Every definition deployed stays known to the
     * engine, so that stored records that started on it (same fingerprint) are bound to it again.
     *
     * @throws IllegalArgumentException if that version or a newer one of the procedure is deployed
     * @throws org.mbmskeys.engine.model.InvalidDefinitionException listing every problem the built-in checks and
     *         those added with {@link EngineBuilder#check} find in it
     */
    void deploy(ProcedureDefinition definition);

    /**
     * Stops new instances of {@code procedure}: {@code start}, an action's {@code start} and routes that
     * create instances are refused as for a procedure that is not deployed (the routing rejection is
     * {@link org.mbmskeys.engine.spi.RejectionReason#UNKNOWN_PROCEDURE}), with a reason that says it was
     * undeployed. Running instances finish on their version and still get their events, and stored
     * records of it are still bound. Deploying a newer version makes it startable again. Thread-safe.
     *
     * @throws IllegalArgumentException if {@code procedure} is not deployed
     */
    void undeploy(String procedure);

    /** The deployed version of {@code procedure} new instances use; empty if none (or undeployed). */
    Optional<ProcedureDefinition> definition(String procedure);

    /** Names of the deployed procedures (undeployed ones left out). */
    Set<String> procedures();

    /**
     * Starts instance {@code key} of the newest version of {@code procedure}. If the procedure declares a
     * correlation key input and {@code inputs} leaves it out, it is set to {@code key}. A start for a key
     * that is running is rejected ({@link org.mbmskeys.engine.spi.RejectionReason#ALREADY_RUNNING}).
     *
     * @throws IllegalArgumentException if the procedure is not deployed, or an input is unknown, missing or
     *                                  of the wrong type (the message lists the declared inputs)
     */
    InstanceRef start(String procedure, Object key, Map<String, ?> inputs);

    /**
     * Starts an instance keyed by the value of the procedure's correlation key input.
     *
     * @throws IllegalArgumentException as {@link #start(String, Object, Map)}, or if the procedure declares
     *                                  no correlation key or {@code inputs} lacks it
     */
    InstanceRef start(String procedure, Map<String, ?> inputs);

    /** Sends {@code event} to instance {@code key} of {@code procedure}. */
    void send(String procedure, Object key, Object event);

    /** Sends {@code event} as a request: an action may answer it with {@code reply(payload)}. */
    void request(String procedure, Object key, Object event, ReplyHandle replyTo);

    /** Sends the signal {@code name} with {@code payload} (may be null). */
    void signal(String procedure, Object key, String name, Object payload);

    /** Sends the signal {@code name} without a payload. */
    default void signal(String procedure, Object key, String name) {
        signal(procedure, key, name, null);
    }

    /**
     * Hands an inbound envelope to the routing rules (on the calling thread), then to the instance the
     * first matching rule names, as a request if the envelope carries a reply handle.
     */
    void route(Envelope envelope);

    /**
     * Takes over {@code record}, an instance this engine did not find in its store when it started: another
     * engine's, which has stopped for good (a BM-SC node whose lease lapsed, its rows now this node's). On the
     * instance's lane, as at start: the record is bound to its deployed definition, saved, and its timers armed;
     * a deadline that passed fires once. An instance this engine already runs is left as it is.
     */
    void takeOver(InstanceRecord record);

    /**
     * A copy of the instance's record, taken on its lane after everything submitted before this call
     * from this thread was handled; empty if no such instance is running. Waits for the lane.
     *
     * @throws IllegalStateException if called from a lane (a listener, channel or action), which would wait
     *                               for itself
     */
    Optional<InstanceRecord> instance(String procedure, Object key);

    /** The name of the execution backend ({@code native}, {@code spring}). */
    String backend();

    /**
     * Stops the lanes after the work already queued; records stay in the store, so a new engine on the
     * same store picks the instances up. Further calls throw {@link IllegalStateException}.
     */
    @Override
    void close();
}
