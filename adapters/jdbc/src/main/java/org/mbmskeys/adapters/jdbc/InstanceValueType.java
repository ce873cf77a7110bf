package org.mbmskeys.adapters.jdbc;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * How values of one class, held in a procedure instance's inputs or variables, are written into its stored record
 * and read back. The {@link #name()} is written with every value and must never change once records exist; the
 * format behind it may only change under a new name. A type whose values hold key material must not be given one:
 * instance records are stored as they are, not wrapped under the key-encryption key.
 *
 * <pre>{@code
 * InstanceValues values = InstanceValues.standard().with(new PreparedPushValue());   // = InstanceValues.bmsc()
 * }</pre>
 *
 * @param <T> the class of the values
 */
public interface InstanceValueType<T> {

    /** The exact class of the values (no subclasses). */
    Class<T> type();

    /** The stable name written with each value, e.g. {@code "bmsc.PreparedPush/1"}. */
    String name();

    void write(T value, DataOutput out) throws IOException;

    T read(DataInput in) throws IOException;
}
