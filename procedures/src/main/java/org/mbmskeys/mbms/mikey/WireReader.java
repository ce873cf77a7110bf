package org.mbmskeys.mbms.mikey;

import java.util.Arrays;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * Big-endian reads over a byte range, each naming its field so a short or bad input becomes a
 * {@link MikeyDecodeException} saying where and what. Never reads past {@code end}; never throws
 * anything else. Offsets in errors are absolute positions in the array.
 */
final class WireReader {

    private final byte[] data;
    private final int end;
    private int pos;
    private int fieldOffset;

    private WireReader(byte[] data, int start, int end) {
        this.data = data;
        this.pos = start;
        this.end = end;
        this.fieldOffset = start;
    }

    /** Reads {@code data} without copying; the caller must not change it while reading. */
    static WireReader over(byte[] data) {
        return new WireReader(data, 0, data.length);
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    boolean atEnd() {
        return pos == end;
    }

    /** Offset of the field read last: errors found after reading a value point at it. */
    int fieldOffset() {
        return fieldOffset;
    }

    int u8(String field) {
        need(1, field);
        return data[pos++] & 0xFF;
    }

    int u16(String field) {
        need(2, field);
        int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    long u32(String field) {
        need(4, field);
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (data[pos + i] & 0xFF);
        }
        pos += 4;
        return v;
    }

    long u64(String field) {
        need(8, field);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (data[pos + i] & 0xFF);
        }
        pos += 8;
        return v;
    }

    /** A 1-byte length that must not exceed what remains. */
    int u8Length(String field) {
        return checkDeclared(u8(field), field);
    }

    /** A 2-byte length that must not exceed what remains. */
    int u16Length(String field) {
        return checkDeclared(u16(field), field);
    }

    Bytes bytes(int length, String field) {
        need(length, field);
        Bytes b = Bytes.of(data, pos, length);
        pos += length;
        return b;
    }

    SecretBytes secret(int length, String field) {
        need(length, field);
        SecretBytes s = SecretBytes.wrap(Arrays.copyOfRange(data, pos, pos + length));
        pos += length;
        return s;
    }

    /**
     * A reader over the next {@code length} bytes (which must be there); this reader skips them. For
     * fields whose content has its own structure inside a declared length (SP parameters, Key ID data).
     */
    WireReader sub(int length, String field) {
        need(length, field);
        WireReader inner = new WireReader(data, pos, pos + length);
        pos += length;
        return inner;
    }

    /** An independent reader over the same remaining bytes, for validating a field before taking it. */
    WireReader duplicate() {
        return new WireReader(data, pos, end);
    }

    /** An error at the field read last. */
    MikeyDecodeException malformed(String field, String problem) {
        return new MikeyDecodeException(fieldOffset, field, problem);
    }

    /** An error at an offset remembered earlier. */
    MikeyDecodeException malformedAt(int offset, String field, String problem) {
        return new MikeyDecodeException(offset, field, problem);
    }

    /** An error at the current position (for problems with what comes next, e.g. trailing bytes). */
    MikeyDecodeException malformedHere(String field, String problem) {
        return new MikeyDecodeException(pos, field, problem);
    }

    private int checkDeclared(int declared, String field) {
        if (declared > remaining()) {
            throw malformed(field, "declares " + bytes(declared) + ", " + remaining() + " remain");
        }
        return declared;
    }

    private void need(int length, String field) {
        fieldOffset = pos;
        if (length > end - pos) {
            throw new MikeyDecodeException(pos, field, "needs " + bytes(length) + ", " + (end - pos) + " remain");
        }
    }

    private static String bytes(int n) {
        return n == 1 ? "1 byte" : n + " bytes";
    }
}
