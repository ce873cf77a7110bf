package org.mbmskeys.engine.runtime;

/**
 * A stored instance record that no deployed definition may take: the definition it started on (by
 * fingerprint) is not deployed, and no {@link Migration} moved it to one that is. The engine never
 * switches such an instance to another definition silently: it leaves the record in the store with this
 * message as its failure, logs it and reports it to {@link org.mbmskeys.engine.spi.ProcedureListener#failed}.
 * The message names the stored procedure, version and fingerprint and what is deployed.
 */
public final class UnboundRecordException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    UnboundRecordException(String message) {
        super(message);
    }

    /** The message alone: it is written for the embedder, in the engine's terms. */
    @Override
    public String toString() {
        return getMessage();
    }
}
