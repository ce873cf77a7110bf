package org.mbmskeys.mbms.mikey;

import java.util.Arrays;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * Big-endian writes into a growing array. Values are range-checked by the records before they get here;
 * the writer only truncates to the field width.
 */
final class WireWriter {

    private byte[] buf;
    private int pos;

    /**
     * @param capacity the expected size; a writer that ends exactly full hands out its array without a
     *                 copy, which keeps key material from being left behind in discarded buffers
     */
    WireWriter(int capacity) {
        this.buf = new byte[capacity];
    }

    int position() {
        return pos;
    }

    WireWriter u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    WireWriter u16(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    WireWriter u32(long v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (v >>> shift);
        }
        return this;
    }

    WireWriter u64(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (v >>> shift);
        }
        return this;
    }

    WireWriter bytes(Bytes b) {
        ensure(b.length());
        b.copyTo(buf, pos);
        pos += b.length();
        return this;
    }

    WireWriter secret(SecretBytes s) {
        byte[] raw = s.unsafeArray();
        ensure(raw.length);
        System.arraycopy(raw, 0, buf, pos, raw.length);
        pos += raw.length;
        return this;
    }

    /** Overwrites one byte already written (a next-payload code known only after the fact). */
    void setU8(int offset, int v) {
        buf[offset] = (byte) v;
    }

    /** The bytes written; the writer must not be used afterwards. */
    byte[] toArray() {
        return pos == buf.length ? buf : Arrays.copyOf(buf, pos);
    }

    private void ensure(int n) {
        if (buf.length - pos < n) {
            byte[] bigger = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            Arrays.fill(buf, (byte) 0);
            buf = bigger;
        }
    }
}
