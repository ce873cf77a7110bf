package org.mbmskeys.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.mbmskeys.engine.Harness;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.dsl.ProcedureCompiler;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceStore;
import org.mbmskeys.engine.spi.ManualScheduler;

/**
 * Issue 6.1: a stored instance finishes on the definition it started on, also when the engine restarts
 * with an edited script that a new repository numbers version 1 again; when that definition is not
 * deployed the instance fails with a reason naming both, or a registered migration moves it. Never a
 * silent switch.
 */
@OnBothBackends
class RestartWithEditedScriptTest {

    @Parameter
    String backend;

    private static ProcedureDefinition lease(int seconds, String payload) {
        return ProcedureCompiler.standard().compile("lease.groovy", """
                procedure('lease') {
                    initial 'active'
                    state('active') {
                        after(seconds(%d), 'renew') { action { send 'out', '%s' }; goTo 'done' }
                    }
                    finalState 'done'
                    errorState 'failed'
                }
                """.formatted(seconds, payload)).orThrow();
    }

    private static final ProcedureDefinition ORIGINAL = lease(30, "renewed by the original");
    private static final ProcedureDefinition OTHER_TIMER = lease(5, "renewed by the edit");
    private static final ProcedureDefinition OTHER_PAYLOAD = lease(30, "renewed by the edit");

    private Harness startedOnTheOriginal(InstanceStore store) {
        Harness before = Harness.on(backend, new ManualScheduler(), store, ORIGINAL);
        before.engine.start("lease", "ue-1", Map.of());
        before.time.advance(Duration.ofSeconds(1));
        return before;
    }

    @Test
    void anEditedScriptIsVersion1AgainButHasAnotherFingerprint() {
        assertThat(OTHER_TIMER.version()).isEqualTo(ORIGINAL.version());
        assertThat(OTHER_PAYLOAD.fingerprint()).isNotEqualTo(ORIGINAL.fingerprint()).hasSize(16);
        assertThat(lease(30, "renewed by the original").fingerprint()).isEqualTo(ORIGINAL.fingerprint());
    }

    @Test
    void withOnlyTheEditedScriptDeployedTheStoredInstanceFailsWithTheReasonInsteadOfRunningTheEdit() {
        for (InstanceStore store : List.of(InstanceStore.inMemory(), new RecoveryTest.CopyingStore())) {
            Harness after = Harness.restartOn(startedOnTheOriginal(store), OTHER_PAYLOAD);
            after.time.advance(Duration.ofSeconds(40));

            assertThat(after.sent("out")).as("sends on %s", store).isEmpty();
            String reason = "lease[ue-1] started on v1 (fingerprint " + ORIGINAL.fingerprint() + "), which is not deployed; "
                    + "deployed are v1 (fingerprint " + OTHER_PAYLOAD.fingerprint() + "). It does not continue on another "
                    + "definition: deploy the one it started on (EngineBuilder.retired), or move it with a migration "
                    + "(EngineBuilder.migration)";
            assertThat(after.journal.failed).as("failures on %s", store).extracting(f -> f.instance() + ": " + f.cause())
                    .containsExactly("lease[ue-1]: " + reason);
            assertThat(store.load("lease", "ue-1").flatMap(InstanceRecord::failure)).contains(reason);
            assertThat(after.engine.instance("lease", "ue-1")).isEmpty();
        }
    }

    @Test
    void withTheOriginalRetiredBesideTheEditTheStoredInstanceFinishesOnTheOriginalAndNewOnesRunTheEdit() {
        for (InstanceStore store : List.of(InstanceStore.inMemory(), new RecoveryTest.CopyingStore())) {
            Harness after = Harness.restartOn(startedOnTheOriginal(store), b -> b.retired(ORIGINAL), OTHER_TIMER);
            after.engine.start("lease", "ue-2", Map.of());

            after.time.advance(Duration.ofSeconds(10));
            assertThat(after.sent("out")).as("sends on %s", store).containsExactly("renewed by the edit");
            assertThat(after.engine.instance("lease", "ue-1").orElseThrow().fingerprint()).contains(ORIGINAL.fingerprint());

            after.time.advance(Duration.ofSeconds(30));
            assertThat(after.sent("out")).containsExactly("renewed by the edit", "renewed by the original");
            assertThat(after.journal.failed).isEmpty();
            assertThat(after.engine.definition("lease")).contains(OTHER_TIMER);
        }
    }

    @Test
    void aRecordLeftUnboundRunsOnOnceAnEngineHasItsDefinitionAgain() {
        InstanceStore store = new RecoveryTest.CopyingStore();
        Harness failed = Harness.restartOn(startedOnTheOriginal(store), OTHER_PAYLOAD);
        assertThat(failed.journal.failed).hasSize(1);

        Harness after = Harness.restartOn(failed, b -> b.retired(ORIGINAL), OTHER_PAYLOAD);
        after.time.advance(Duration.ofSeconds(40));

        assertThat(after.sent("out")).containsExactly("renewed by the original");
        assertThat(after.journal.ended).extracting(e -> e.last().state() + " " + e.last().failure()).containsExactly(
                "done Optional.empty");
    }

    @Test
    void aMigrationIsTheOnlyWayOntoAnotherDefinition() {
        Harness after = Harness.restartOn(startedOnTheOriginal(new RecoveryTest.CopyingStore()), b -> b.migration(
                (stored, deployed) -> Optional.of(InstanceRecord.of(stored.procedure(), deployed.get(0).version(),
                        deployed.get(0).fingerprint(), stored.key(), stored.state(), stored.inputs(), stored.variables(),
                        stored.deadlines(), stored.attempts(), Optional.empty()))), OTHER_PAYLOAD);
        after.time.advance(Duration.ofSeconds(40));

        assertThat(after.sent("out")).containsExactly("renewed by the edit");
        assertThat(after.journal.failed).isEmpty();
    }

    @Test
    void aMigrationThatDeclinesLeavesTheInstanceFailedWithTheReason() {
        Harness after = Harness.restartOn(startedOnTheOriginal(new RecoveryTest.CopyingStore()),
                b -> b.migration((stored, deployed) -> Optional.empty()), OTHER_PAYLOAD);
        after.time.advance(Duration.ofSeconds(40));

        assertThat(after.sent("out")).isEmpty();
        assertThat(after.journal.failed).extracting(f -> f.cause().getMessage()).singleElement().asString()
                .endsWith("(EngineBuilder.migration); the migration declined it");
    }
}
