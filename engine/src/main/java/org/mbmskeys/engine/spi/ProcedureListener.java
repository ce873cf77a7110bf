package org.mbmskeys.engine.spi;

/**
 * What the engine tells the outside about its instances: every step, every event it did not act on and
 * why, every outcome a procedure emits, failures and ends. All methods have empty defaults, so a listener
 * implements only what it needs.
 *
 * <p>Calls come from the lane that runs the instance: one thread at a time per instance, in the order
 * things happened, but from several threads at once across instances (listeners must be thread-safe). A
 * listener must not block: it holds up every instance of its lane. An exception thrown by a listener is
 * logged and otherwise ignored.
 *
 * <pre>{@code
 * Engine.builder().listener(new ProcedureListener() {
 *     public void eventRejected(InstanceRef instance, Object event, RejectionReason reason, String detail) {
 *         log.info("{} ignored {}: {} ({})", instance, event, reason, detail);
 *     }
 * });
 * }</pre>
 */
public interface ProcedureListener {

    /**
     * An instance took a step: it started, made a transition (external, internal or a retry) or failed
     * into its error state.
     */
    default void transitioned(InstanceRef instance, Step step) {
    }

    /**
     * An event was not acted on; nothing changed.
     *
     * @param detail where the instance was and what it would have accepted, or why there was no instance
     */
    default void eventRejected(InstanceRef instance, Object event, RejectionReason reason, String detail) {
    }

    /** The instance emitted an outcome (it goes on until it reaches a final state). */
    default void outcome(InstanceRef instance, Object outcome) {
    }

    /**
     * A guard or action of the instance threw in {@code state}. The step's effects were discarded and the
     * instance moved to the procedure's error state; {@link #ended} follows. Also called, without
     * {@code ended}, for a stored instance the engine cannot bind because the definition it started on is
     * not deployed ({@code cause} is an {@code UnboundRecordException} naming both); its record stays in
     * the store with that failure.
     */
    default void failed(InstanceRef instance, String state, Throwable cause) {
    }

    /**
     * The instance reached a top-level final or error state (or failed) and was removed from the store.
     * {@code last} is its final record, with {@link InstanceRecord#failure()} set if it failed; it is no
     * longer changed and may be kept.
     */
    default void ended(InstanceRef instance, InstanceRecord last) {
    }

    /**
     * An effect of a completed step could not be carried out (for example a channel handler threw, or no
     * channel has that name). The instance's state is not affected: the step had already completed.
     *
     * @param effect what was to be done, e.g. {@code send on 'mikey'}
     */
    default void effectFailed(InstanceRef instance, String effect, Throwable cause) {
    }

    /** No routing rule took the envelope (or a rule threw); nothing was delivered. */
    default void unrouted(Envelope envelope, String detail) {
    }
}
