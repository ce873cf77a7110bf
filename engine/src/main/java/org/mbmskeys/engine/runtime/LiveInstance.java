package org.mbmskeys.engine.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mbmskeys.engine.spi.InstanceRecord;

/**
 * The engine's own instance record, written for size: the definition (shared), the key, the leaf state as
 * an index, values (inputs then variables) in one array, deadlines as epoch milliseconds in a
 * {@code long[]} by timer slot (0 = not armed), retry counters by slot, and a failure text. About 40 bytes
 * of object plus its arrays; the arrays are absent when the definition has no values, timers or retries.
 * Only the lane that owns the key writes it.
 */
final class LiveInstance implements InstanceRecord {

    final Deployed procedure;
    final Object key;
    int state;
    final Object[] values;
    final long[] deadlines;
    final int[] attempts;
    String failure;

    LiveInstance(Deployed procedure, Object key, Object[] values) {
        this.procedure = procedure;
        this.key = key;
        this.values = values;
        this.deadlines = procedure.timers.length == 0 ? null : new long[procedure.timers.length];
        this.attempts = procedure.retryState.length == 0 ? null : new int[procedure.retryState.length];
    }

    @Override
    public String procedure() {
        return procedure.name;
    }

    @Override
    public int version() {
        return procedure.version;
    }

    @Override
    public Optional<String> fingerprint() {
        return Optional.of(procedure.definition.fingerprint());
    }

    @Override
    public Object key() {
        return key;
    }

    @Override
    public String state() {
        return procedure.tree.name(state);
    }

    @Override
    public Map<String, Object> inputs() {
        return values(0, procedure.inputCount);
    }

    @Override
    public Map<String, Object> variables() {
        return values(procedure.inputCount, procedure.valueNames.length);
    }

    private Map<String, Object> values(int from, int to) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = from; i < to; i++) {
            out.put(procedure.valueNames[i], values[i]);
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public List<Deadline> deadlines() {
        if (deadlines == null) {
            return List.of();
        }
        List<Deadline> out = new ArrayList<>();
        for (int slot = 0; slot < deadlines.length; slot++) {
            if (deadlines[slot] != 0) {
                TimerSlot t = procedure.timers[slot];
                out.add(new Deadline(procedure.tree.name(t.state), t.timer.name(), Instant.ofEpochMilli(deadlines[slot])));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public Map<String, Integer> attempts() {
        if (attempts == null) {
            return Map.of();
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int slot = 0; slot < attempts.length; slot++) {
            if (attempts[slot] != 0) {
                out.put(procedure.tree.name(procedure.retryState[slot]), attempts[slot]);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Clears every armed deadline; returns how many were armed (their heap entries are now stale). */
    int disarmAll() {
        int armed = 0;
        if (deadlines != null) {
            for (int slot = 0; slot < deadlines.length; slot++) {
                if (deadlines[slot] != 0) {
                    deadlines[slot] = 0;
                    armed++;
                }
            }
        }
        return armed;
    }

    @Override
    public String toString() {
        return procedure.name + " v" + procedure.version + " [" + key + "] in " + state();
    }
}
