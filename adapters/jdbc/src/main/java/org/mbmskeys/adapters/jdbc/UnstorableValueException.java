package org.mbmskeys.adapters.jdbc;

/** An instance holds a value its store cannot write; names the type, never the value. */
public final class UnstorableValueException extends RuntimeException {

    public UnstorableValueException(String message) {
        super(message);
    }
}
