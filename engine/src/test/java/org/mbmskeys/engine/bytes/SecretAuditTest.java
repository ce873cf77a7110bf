package org.mbmskeys.engine.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SecretAuditTest {

    @Test
    void listsTheSecretsLeftUndestroyedWithWhereTheyWereCreated() {
        SecretBytes kept;
        try (SecretAudit audit = SecretAudit.begin()) {
            SecretBytes wiped = SecretBytes.ofHex("010203");
            kept = SecretBytes.ofHex("00112233");
            wiped.destroy();

            assertThat(audit.createdCount()).isEqualTo(2);
            assertThat(audit.undestroyed()).extracting(SecretAudit.Created::secret).containsExactly(kept);
            assertThat(audit.undestroyed().get(0).site())
                    .isEqualTo("SecretAuditTest.listsTheSecretsLeftUndestroyedWithWhereTheyWereCreated:16");
            assertThat(audit.undestroyed().get(0)).hasToString(
                    "4 bytes from SecretAuditTest.listsTheSecretsLeftUndestroyedWithWhereTheyWereCreated:16");
            assertThat(audit.recorded(kept)).isTrue();
            assertThat(audit.recorded(SecretBytes.ofHex("00112233"))).as("another secret of the same content")
                    .isTrue();
        }
        kept.destroy();
    }

    @Test
    void answersAfterItIsClosedButRecordsNothingMore() {
        SecretAudit audit = SecretAudit.begin();
        SecretBytes during = SecretBytes.ofHex("01");
        audit.close();
        SecretBytes after = SecretBytes.ofHex("02");

        assertThat(audit.createdCount()).isEqualTo(1);
        assertThat(audit.recorded(during)).isTrue();
        assertThat(audit.recorded(after)).isFalse();
        during.destroy();
        assertThat(audit.undestroyed()).isEmpty();
        audit.close();
    }

    @Test
    void recordsOnlyTheThreadThatBeganIt() throws Exception {
        try (SecretAudit audit = SecretAudit.begin()) {
            SecretBytes elsewhere = CompletableFuture.supplyAsync(() -> SecretBytes.ofHex("09")).get();

            assertThat(audit.recorded(elsewhere)).isFalse();
            assertThat(audit.createdCount()).isZero();
        }
    }

    @Test
    void aNestedAuditHandsItsSecretsToTheOneAroundIt() {
        try (SecretAudit outer = SecretAudit.begin()) {
            SecretBytes first = SecretBytes.ofHex("01");
            SecretBytes inner;
            try (SecretAudit nested = SecretAudit.begin()) {
                inner = SecretBytes.ofHex("02");
                assertThat(nested.undestroyed()).extracting(SecretAudit.Created::secret).containsExactly(inner);
                assertThat(outer.recorded(inner)).as("not before the inner audit closes").isFalse();
            }
            SecretBytes last = SecretBytes.ofHex("03");

            assertThat(outer.undestroyed()).extracting(SecretAudit.Created::secret)
                    .containsExactly(first, inner, last);
        }
        try (SecretAudit fresh = SecretAudit.begin()) {
            assertThat(fresh.createdCount()).as("nothing carried over from closed audits").isZero();
        }
    }

    @Test
    void slicesAndCopiesAreSecretsOfTheirOwn() {
        try (SecretAudit audit = SecretAudit.begin()) {
            SecretBytes whole = SecretBytes.ofHex("01020304");
            SecretBytes half = whole.slice(0, 2);
            whole.destroy();

            assertThat(audit.undestroyed()).extracting(SecretAudit.Created::secret).containsExactly(half);
        }
    }

    @Test
    void closingOutOfOrderOrOnAnotherThreadIsRefused() throws Exception {
        try (SecretAudit outer = SecretAudit.begin()) {
            SecretAudit nested = SecretAudit.begin();
            assertThatThrownBy(outer::close).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("inside this one first");
            Throwable onOtherThread = CompletableFuture.runAsync(nested::close).handle((v, t) -> t).get();
            assertThat(onOtherThread).hasCauseInstanceOf(IllegalStateException.class);
            nested.close();
        }
    }
}
