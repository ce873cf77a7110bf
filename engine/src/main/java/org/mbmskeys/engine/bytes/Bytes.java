package org.mbmskeys.engine.bytes;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable byte string with content equality and a hex {@code toString}.
 *
 * <p>Used for every non-secret octet string that crosses an API (message bytes, RAND, CSB ID, MACs,
 * identifiers). Records never hold a {@code byte[]} because arrays compare by identity; they hold
 * {@code Bytes}. Secrets use {@link SecretBytes}, which never prints its content.
 *
 * <pre>{@code
 * Bytes rand = Bytes.ofHex("101112131415161718191a1b1c1d1e1f");
 * rand.length();          // 16
 * rand.slice(0, 4);       // 10111213
 * }</pre>
 */
public final class Bytes implements Comparable<Bytes> {

    private static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** The empty byte string. */
    public static Bytes empty() {
        return EMPTY;
    }

    /** A copy of {@code data}; later changes to the array do not show. */
    public static Bytes of(byte... data) {
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    /** A copy of {@code length} bytes of {@code data} from {@code offset}. */
    public static Bytes of(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(data, offset, offset + length));
    }

    /**
     * Takes ownership of {@code data} without copying. Only for code that created the array and drops
     * every reference to it.
     */
    public static Bytes wrap(byte[] data) {
        return data.length == 0 ? EMPTY : new Bytes(data);
    }

    /** Parses hex digits (either case); white space is ignored. */
    public static Bytes ofHex(CharSequence hex) {
        return wrap(Hex.decode(hex));
    }

    /** The remaining bytes of {@code buffer}, copied; the buffer's position is not moved. */
    public static Bytes of(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return wrap(copy);
    }

    public int length() {
        return data.length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    /** The byte at {@code index} as an unsigned value 0..255. */
    public int u8(int index) {
        return data[index] & 0xFF;
    }

    /** {@code length} bytes from {@code offset}, shared with nothing. */
    public Bytes slice(int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (offset == 0 && length == data.length) {
            return this;
        }
        return of(data, offset, length);
    }

    /** This followed by {@code other}. */
    public Bytes concat(Bytes other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        byte[] joined = Arrays.copyOf(data, data.length + other.data.length);
        System.arraycopy(other.data, 0, joined, data.length, other.data.length);
        return wrap(joined);
    }

    /** A copy with the byte at {@code index} XORed with {@code mask}: one-byte mutations in tests. */
    public Bytes withByteXored(int index, int mask) {
        byte[] copy = data.clone();
        copy[index] ^= (byte) mask;
        return wrap(copy);
    }

    /** A fresh copy of the content. */
    public byte[] toByteArray() {
        return data.clone();
    }

    /** Copies the content into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(data, 0, target, offset, data.length);
    }

    /** A read-only view of the content. */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** Lower-case hex, no separators. */
    public String toHex() {
        return Hex.encode(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(data, other.data);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
