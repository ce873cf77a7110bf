package org.mbmskeys.engine.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a record this engine did not create (read back by a durable store, or left in an in-memory store
 * by an earlier engine) into a {@link LiveInstance} of the deployed definition the instance started on:
 * the one with the record's fingerprint, whatever its version number (numbers restart at 1 when a
 * repository is built anew). A record without a fingerprint is bound by its version number, with a
 * warning. When no deployed definition matches, the registered {@link Migration} may move the record to
 * one; otherwise binding fails with an {@link UnboundRecordException}: an instance never continues on
 * another definition unless a migration says so.
 */
final class Binder {

    private static final Logger LOG = LoggerFactory.getLogger(Binder.class);

    private Binder() {
    }

    /** The deployed definition {@code record} started on, or null. */
    private static Deployed started(Registry registry, InstanceRecord record) {
        String name = record.procedure();
        if (record.fingerprint().isPresent()) {
            return registry.withFingerprint(name, record.fingerprint().get(), record.version());
        }
        Deployed numbered = registry.version(name, record.version());
        if (numbered != null) {
            LOG.warn("{}[{}] was saved without a fingerprint; bound by its version number alone to v{} (fingerprint {}), "
                    + "which may not be the definition it started on", name, record.key(), numbered.version,
                    numbered.definition.fingerprint());
        }
        return numbered;
    }

    private static String unbound(Registry registry, InstanceRecord record) {
        String name = record.procedure();
        return name + "[" + record.key() + "] started on v" + record.version() + " (fingerprint "
                + record.fingerprint().orElse("unknown") + "), which is not deployed; " + registry.describe(name)
                + ". It does not continue on another definition: deploy the one it started on (EngineBuilder.retired), "
                + "or move it with a migration (EngineBuilder.migration)";
    }

    /** A deployed definition and the record to bind to it. */
    private record Target(Deployed procedure, InstanceRecord record) {
    }

    private static Target resolve(Registry registry, InstanceRecord record, Migration migration) {
        Deployed exact = started(registry, record);
        if (exact != null) {
            return new Target(exact, record);
        }
        String why = unbound(registry, record);
        if (migration == null) {
            throw new UnboundRecordException(why);
        }
        Optional<InstanceRecord> migrated = migration.migrate(InstanceRecord.copyOf(record), deployed(registry, record.procedure()));
        if (migrated.isEmpty()) {
            throw new UnboundRecordException(why + "; the migration declined it");
        }
        InstanceRecord target = migrated.get();
        Deployed to = target.procedure().equals(record.procedure()) && target.fingerprint().isPresent()
                ? registry.withFingerprint(target.procedure(), target.fingerprint().get(), target.version()) : null;
        if (to == null) {
            throw new UnboundRecordException(why + "; the migration returned a record of " + target.procedure() + " v"
                    + target.version() + " (fingerprint " + target.fingerprint().orElse("unknown")
                    + "), which is not deployed either");
        }
        LOG.warn("{}[{}] migrated from v{} (fingerprint {}) to v{} (fingerprint {}) by the registered migration",
                record.procedure(), record.key(), record.version(), record.fingerprint().orElse("unknown"), to.version,
                to.definition.fingerprint());
        return new Target(to, target);
    }

    /** Every deployed definition of {@code name}, the current one last. */
    private static List<ProcedureDefinition> deployed(Registry registry, String name) {
        Deployed current = registry.current(name);
        List<ProcedureDefinition> out = new ArrayList<>();
        for (Deployed d : registry.all(name)) {
            if (d != current) {
                out.add(d.definition);
            }
        }
        if (current != null) {
            out.add(current.definition);
        }
        return out;
    }

    /**
     * Binds {@code record} (or what {@code migration}, which may be null, makes of it).
     *
     * @throws UnboundRecordException if no deployed definition may take the record, saying why
     * @throws IllegalStateException  if the record is in a state its definition does not have
     */
    static LiveInstance bind(Registry registry, InstanceRecord record, Migration migration) {
        Target target = resolve(registry, record, migration);
        return bind(target.procedure(), target.record());
    }

    private static LiveInstance bind(Deployed procedure, InstanceRecord record) {
        String name = record.procedure();
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
        // A record in the store with a failure is one that could not be bound before; now it can, and runs on.
        record.failure().ifPresent(f -> LOG.info("{}[{}] is bound to v{} and runs on; it was left in the store: {}", name,
                record.key(), procedure.version, f));
        return live;
    }
}
