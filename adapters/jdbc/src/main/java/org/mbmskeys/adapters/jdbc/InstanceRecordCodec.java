package org.mbmskeys.adapters.jdbc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mbmskeys.engine.spi.InstanceRecord;

/**
 * An {@link InstanceRecord} as bytes, through its name-based accessors: a format version, then the procedure, its
 * version and fingerprint, the key, the state, inputs and variables by name ({@link InstanceValues}), the armed
 * deadlines, the retry counters and the failure. Read back with {@link InstanceRecord#of}, which the engine binds to
 * the deployed definition by its fingerprint.
 */
final class InstanceRecordCodec {

    private static final byte FORMAT = 1;

    private final InstanceValues values;

    InstanceRecordCodec(InstanceValues values) {
        this.values = values;
    }

    /** @throws UnstorableValueException naming the input or variable whose value cannot be written */
    byte[] encode(InstanceRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.writeByte(FORMAT);
            InstanceValues.writeText(record.procedure(), out);
            out.writeInt(record.version());
            values.write(record.fingerprint().orElse(null), out);
            values.write(record.key(), out);
            InstanceValues.writeText(record.state(), out);
            writeNamed(record, "input", record.inputs(), out);
            writeNamed(record, "variable", record.variables(), out);
            List<InstanceRecord.Deadline> deadlines = record.deadlines();
            out.writeInt(deadlines.size());
            for (InstanceRecord.Deadline d : deadlines) {
                InstanceValues.writeText(d.state(), out);
                InstanceValues.writeText(d.timer(), out);
                out.writeLong(d.at().getEpochSecond());
                out.writeInt(d.at().getNano());
            }
            Map<String, Integer> attempts = record.attempts();
            out.writeInt(attempts.size());
            for (Map.Entry<String, Integer> a : attempts.entrySet()) {
                InstanceValues.writeText(a.getKey(), out);
                out.writeInt(a.getValue());
            }
            values.write(record.failure().orElse(null), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    private void writeNamed(InstanceRecord record, String kind, Map<String, Object> named, DataOutputStream out)
            throws IOException {
        out.writeInt(named.size());
        for (Map.Entry<String, Object> e : named.entrySet()) {
            InstanceValues.writeText(e.getKey(), out);
            try {
                values.write(e.getValue(), out);
            } catch (UnstorableValueException why) {
                throw new UnstorableValueException(record.procedure() + "[" + record.key() + "]: " + kind + " '"
                        + e.getKey() + "': " + why.getMessage());
            }
        }
    }

    /** @throws IOException if {@code data} is not a record this codec wrote (truncated, corrupt, unknown type) */
    InstanceRecord decode(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("instance record format " + format + "; this process reads format " + FORMAT);
        }
        String procedure = InstanceValues.readText(in);
        int version = in.readInt();
        String fingerprint = text(values.read(in), "fingerprint");
        Object key = values.read(in);
        if (key == null) {
            throw new IOException("instance record without a key");
        }
        String state = InstanceValues.readText(in);
        Map<String, Object> inputs = readNamed(in);
        Map<String, Object> variables = readNamed(in);
        int n = count(in.readInt());
        List<InstanceRecord.Deadline> deadlines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            deadlines.add(new InstanceRecord.Deadline(InstanceValues.readText(in), InstanceValues.readText(in),
                    Instant.ofEpochSecond(in.readLong(), in.readInt())));
        }
        n = count(in.readInt());
        Map<String, Integer> attempts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            attempts.put(InstanceValues.readText(in), in.readInt());
        }
        String failure = text(values.read(in), "failure");
        if (in.available() > 0) {
            throw new IOException(in.available() + " bytes after the end of the instance record");
        }
        return InstanceRecord.of(procedure, version, fingerprint, key, state, inputs, variables, deadlines, attempts,
                Optional.ofNullable(failure));
    }

    private Map<String, Object> readNamed(DataInputStream in) throws IOException {
        int n = count(in.readInt());
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            named.put(InstanceValues.readText(in), values.read(in));
        }
        return named;
    }

    private static String text(Object value, String what) throws IOException {
        if (value != null && !(value instanceof String)) {
            throw new IOException("stored " + what + " is a " + value.getClass().getSimpleName() + ", not text");
        }
        return (String) value;
    }

    private static int count(int n) throws IOException {
        if (n < 0 || n > 10_000) {
            throw new IOException("stored count " + n + " is outside 0..10000");
        }
        return n;
    }
}
