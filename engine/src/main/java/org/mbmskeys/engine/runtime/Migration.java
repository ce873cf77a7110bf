package org.mbmskeys.engine.runtime;

import java.util.List;
import java.util.Optional;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.InstanceRecord;

/**
 * Decides what happens to a stored instance whose definition (by fingerprint) is not deployed, instead of
 * failing it: the only way an instance moves to another definition than the one it started on. Register
 * it with {@link EngineBuilder#migration(Migration)}; it is called on the instance's lane when the engine
 * takes the record over.
 *
 * <pre>{@code
 * Engine.builder().procedures(repository)
 *         .migration((stored, deployed) -> deployed.stream()
 *                 .filter(d -> d.hasState(stored.state()))
 *                 .reduce((first, second) -> second)             // the newest that has the state
 *                 .map(d -> InstanceRecord.of(d.name(), d.version(), d.fingerprint(), stored.key(), stored.state(),
 *                         stored.inputs(), stored.variables(), stored.deadlines(), stored.attempts(), Optional.empty())));
 * }</pre>
 */
@FunctionalInterface
public interface Migration {

    /**
     * @param stored   the record as stored; its fingerprint names no deployed definition
     * @param deployed every deployed definition of {@code stored.procedure()}, current last (empty if none)
     * @return the record to continue with, naming the version and fingerprint of one of {@code deployed};
     *         or empty to fail the instance as if there were no migration
     */
    Optional<InstanceRecord> migrate(InstanceRecord stored, List<ProcedureDefinition> deployed);
}
