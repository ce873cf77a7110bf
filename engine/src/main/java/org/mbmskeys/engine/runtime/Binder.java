package org.mbmskeys.engine.runtime;

import java.util.Map;
import java.util.Optional;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a record this engine did not create (read back by a durable store, or left in an in-memory store
 * by an earlier engine) into a {@link LiveInstance} of a deployed version, by names. The exact version is
 * used when it is deployed; otherwise the newest version, if it has the record's state (logged, since
 * the instance then continues on a definition it did not start on).
 */
final class Binder {

    private static final Logger LOG = LoggerFactory.getLogger(Binder.class);

    private Binder() {
    }

    private static Deployed resolve(Registry registry, InstanceRecord record) {
        String name = record.procedure();
        Deployed exact = registry.version(name, record.version());
        if (exact != null) {
            return exact;
        }
        Deployed newest = registry.newest(name);
        if (newest == null) {
            throw new IllegalStateException("the stored record of " + name + "[" + record.key() + "] names procedure '"
                    + name + "', which is not deployed; deployed are " + registry.names());
        }
        if (newest.tree.find(record.state()).isEmpty()) {
            throw new IllegalStateException("the stored record of " + name + "[" + record.key() + "] is in state '"
                    + record.state() + "' of v" + record.version() + ", which is not deployed, and the deployed v"
                    + newest.version + " has no such state");
        }
        LOG.warn("{}[{}] was saved on v{}, which is not deployed; it continues on v{}", name, record.key(),
                record.version(), newest.version);
        return newest;
    }

    /**
     * @throws IllegalStateException if no deployed version can take the record, saying why
     */
    static LiveInstance bind(Registry registry, InstanceRecord record) {
        String name = record.procedure();
        Deployed procedure = resolve(registry, record);
        Optional<Integer> state = procedure.tree.find(record.state());
        if (state.isEmpty()) {
            throw new IllegalStateException("the stored record of " + name + "[" + record.key() + "] is in state '"
                    + record.state() + "', which v" + procedure.version + " does not have");
        }
        Object[] inputs = new Object[procedure.inputCount];
        Map<String, Object> storedInputs = record.inputs();
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = storedInputs.get(procedure.valueNames[i]);
        }
        LiveInstance live = new LiveInstance(procedure, record.key(), procedure.initialValues(inputs));
        live.state = state.get();
        record.variables().forEach((variable, value) -> {
            Integer idx = procedure.valueIndex.get(variable);
            if (idx != null && idx >= procedure.inputCount) {
                live.values[idx] = value;
            }
        });
        for (InstanceRecord.Deadline deadline : record.deadlines()) {
            int slot = procedure.tree.find(deadline.state()).map(s -> procedure.timerSlot(s, deadline.timer())).orElse(-1);
            if (slot < 0) {
                LOG.warn("{}[{}]: stored deadline of timer '{}' in state '{}' has no timer in v{}; dropped", name,
                        record.key(), deadline.timer(), deadline.state(), procedure.version);
            } else {
                live.deadlines[slot] = deadline.at().toEpochMilli();
            }
        }
        record.attempts().forEach((stateName, count) -> procedure.tree.find(stateName)
                .map(s -> procedure.retrySlot[s])
                .filter(slot -> slot >= 0)
                .ifPresent(slot -> live.attempts[slot] = count));
        live.failure = record.failure().orElse(null);
        return live;
    }
}
