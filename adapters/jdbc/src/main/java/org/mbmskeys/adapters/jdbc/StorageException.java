package org.mbmskeys.adapters.jdbc;

/**
 * The database failed (unreachable, timeout, unexpected constraint). Carries the driver's message, which may quote
 * an identifier (an IMPI, an MSK reference) but never key material: keys are only ever bound to SQL wrapped.
 */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
