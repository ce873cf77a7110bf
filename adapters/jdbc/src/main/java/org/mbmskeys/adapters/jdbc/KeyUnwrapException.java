package org.mbmskeys.adapters.jdbc;

/**
 * A stored wrapped key could not be unwrapped: the configured key-encryption key is not the one that wrapped it,
 * or the stored value was altered or copied from another row. Names the row, never key material.
 */
public final class KeyUnwrapException extends StorageException {

    private final String row;

    KeyUnwrapException(String row, String why) {
        super("the stored key of " + row + " cannot be unwrapped: " + why);
        this.row = row;
    }

    /** The identity of the row whose key was refused. */
    public String row() {
        return row;
    }
}
