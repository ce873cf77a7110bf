package org.mbmskeys.adapters.jdbc;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * The values a stored instance record may hold: null, {@code String}, {@code Integer}, {@code Long},
 * {@code Boolean}, {@code Duration}, {@code Instant}, {@link Bytes} and lists of these, plus the
 * {@link InstanceValueType}s added with {@link #with}. Each value is written as a one-byte tag (or the name of its
 * added type) followed by its content. {@link SecretBytes} are refused outright: an instance record is no place
 * for key material.
 *
 * <p>Immutable; {@link #with} returns a new set.
 */
public final class InstanceValues {

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte INTEGER = 2;
    private static final byte LONG = 3;
    private static final byte BOOLEAN = 4;
    private static final byte DURATION = 5;
    private static final byte INSTANT = 6;
    private static final byte BYTES = 7;
    private static final byte LIST = 8;
    private static final byte ADDED = 9;

    /** Longest list, byte string or text read back: a corrupt length must not allocate gigabytes. */
    static final int MAX_LENGTH = 1 << 20;

    private final Map<Class<?>, InstanceValueType<?>> byClass;
    private final Map<String, InstanceValueType<?>> byName;

    private InstanceValues(Map<Class<?>, InstanceValueType<?>> byClass, Map<String, InstanceValueType<?>> byName) {
        this.byClass = byClass;
        this.byName = byName;
    }

    /** The built-in values only. */
    public static InstanceValues standard() {
        return new InstanceValues(Map.of(), Map.of());
    }

    /** The built-in values and what the BM-SC's shipped scripts keep: a {@code bmsc.msk-push}'s push. */
    public static InstanceValues bmsc() {
        return standard().with(new PreparedPushValue());
    }

    /** These values and those of {@code added}. */
    public InstanceValues with(InstanceValueType<?> added) {
        Objects.requireNonNull(added, "added");
        if (byClass.containsKey(added.type()) || byName.containsKey(added.name())) {
            throw new IllegalArgumentException("instance value type " + added.name() + " for " + added.type().getName()
                    + " clashes with one already added");
        }
        Map<Class<?>, InstanceValueType<?>> classes = new HashMap<>(byClass);
        Map<String, InstanceValueType<?>> names = new HashMap<>(byName);
        classes.put(added.type(), added);
        names.put(added.name(), added);
        return new InstanceValues(Map.copyOf(classes), Map.copyOf(names));
    }

    /** Whether values of {@code type} can be stored. */
    public boolean supports(Class<?> type) {
        return type == String.class || type == Integer.class || type == Long.class || type == Boolean.class
                || type == Duration.class || type == Instant.class || type == Bytes.class || List.class.isAssignableFrom(type)
                || byClass.containsKey(type);
    }

    /**
     * Writes {@code value}.
     *
     * @throws UnstorableValueException if it (or an element of it) is of a type these values do not know
     */
    void write(Object value, DataOutput out) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            writeText(s, out);
        } else if (value instanceof Integer i) {
            out.writeByte(INTEGER);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof Duration d) {
            out.writeByte(DURATION);
            out.writeLong(d.getSeconds());
            out.writeInt(d.getNano());
        } else if (value instanceof Instant t) {
            out.writeByte(INSTANT);
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        } else if (value instanceof SecretBytes) {
            throw new UnstorableValueException("key material (SecretBytes) is never stored in an instance record");
        } else if (value instanceof Bytes b) {
            out.writeByte(BYTES);
            writeBytes(b, out);
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object element : list) {
                write(element, out);
            }
        } else {
            writeAdded(value, out);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> void writeAdded(T value, DataOutput out) throws IOException {
        InstanceValueType<T> type = (InstanceValueType<T>) byClass.get(value.getClass());
        if (type == null) {
            throw new UnstorableValueException("no instance value type for " + value.getClass().getName()
                    + "; storable: String, Integer, Long, Boolean, Duration, Instant, Bytes, lists of these"
                    + (byClass.isEmpty() ? "" : ", " + byName.keySet()));
        }
        out.writeByte(ADDED);
        writeText(type.name(), out);
        type.write(value, out);
    }

    /**
     * Reads a value written by {@link #write}.
     *
     * @throws IOException if the content is malformed, or names a type these values do not know
     */
    Object read(DataInput in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case STRING -> readText(in);
            case INTEGER -> in.readInt();
            case LONG -> in.readLong();
            case BOOLEAN -> in.readBoolean();
            case DURATION -> Duration.ofSeconds(in.readLong(), in.readInt());
            case INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            case BYTES -> readBytes(in);
            case LIST -> {
                int n = length(in.readInt());
                List<Object> list = new ArrayList<>(Math.min(n, 64));
                for (int i = 0; i < n; i++) {
                    list.add(read(in));
                }
                yield Collections.unmodifiableList(list);
            }
            case ADDED -> {
                String name = readText(in);
                InstanceValueType<?> type = byName.get(name);
                if (type == null) {
                    throw new IOException("stored value of type '" + name + "', which this process does not know; known: "
                            + byName.keySet());
                }
                yield type.read(in);
            }
            default -> throw new IOException("unknown value tag " + tag);
        };
    }

    /** Writes {@code text} as its UTF-8 length and bytes (not {@code writeUTF}, which stops at 64 KiB). */
    public static void writeText(String text, DataOutput out) throws IOException {
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    public static String readText(DataInput in) throws IOException {
        byte[] utf8 = new byte[length(in.readInt())];
        in.readFully(utf8);
        return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }

    public static void writeBytes(Bytes bytes, DataOutput out) throws IOException {
        out.writeInt(bytes.length());
        out.write(bytes.toByteArray());
    }

    public static Bytes readBytes(DataInput in) throws IOException {
        byte[] data = new byte[length(in.readInt())];
        in.readFully(data);
        return Bytes.wrap(data);
    }

    private static int length(int n) throws IOException {
        if (n < 0 || n > MAX_LENGTH) {
            throw new IOException("stored length " + n + " is outside 0.." + MAX_LENGTH);
        }
        return n;
    }
}
