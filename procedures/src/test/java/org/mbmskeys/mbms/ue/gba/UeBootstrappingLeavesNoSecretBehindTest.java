package org.mbmskeys.mbms.ue.gba;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretAudit;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.BootstrappingContext;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.MbmsKeyManagement;
import org.mbmskeys.mbms.gba.TestSupport;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccId;

/**
 * A bootstrapping keeps one copy of Ks (the UE's own; the Ub client keeps or wipes its own, as
 * {@link UbClient} says) and installs one MUK and one MRK per BM-SC in the key store; the NAF keys and the
 * MUK/MRK pair derived on the way are wiped, and so is the previous Ks at the next run and at a UICC change.
 * Seen with {@link SecretAudit}: the derived keys never leave {@code bootstrap}.
 */
class UeBootstrappingLeavesNoSecretBehindTest {

    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

    private final TestSupport.SettableClock clock = new TestSupport.SettableClock(START);
    private final UeKeyStore store = UeKeyStore.inMemory();
    private final Deque<BootstrappingContext> runs = new ArrayDeque<>();
    private final UeBootstrapping gba = UeBootstrapping.create(store, runs::removeFirst, GbaMode.GBA_ME, clock);

    UeBootstrappingLeavesNoSecretBehindTest() {
        store.uiccInserted(UiccId.of("8949440000001234567"));
        runs.add(context("11", "01"));
        runs.add(context("22", "02"));
        gba.keysFor("bmsc.example.org", MbmsKeyManagement.ME);
        gba.keysFor("bmsc2.example.org", MbmsKeyManagement.ME);
    }

    /** A run with Ks of 32 {@code ksByte}s and RAND of 16 {@code randByte}s (B-TID = base64(RAND)@BSF). */
    private static BootstrappingContext context(String ksByte, String randByte) {
        Bytes rand = Bytes.ofHex(randByte.repeat(16));
        return new BootstrappingContext(SecretBytes.ofHex(ksByte.repeat(32)), rand, TestSupport.IMPI,
                BTid.of(rand, "bsf.example.org"), START.plusSeconds(3600));
    }

    @Test
    void aRunKeepsItsKsAndAMukAndMrkPerBmscAndNothingElse() {
        try (SecretAudit audit = SecretAudit.begin()) {
            assertThat(gba.bootstrap()).isInstanceOf(BootstrapResult.Bootstrapped.class);

            assertThat(audit.createdCount()).as("Ks copy, NAF keys, MUK and MRK per BM-SC, store copies")
                    .isGreaterThan(5);
            assertThat(audit.undestroyed()).as("Ks, then MUK and MRK in the store for each of the two BM-SCs")
                    .extracting(c -> c.secret().length()).containsExactly(32, 32, 32, 32, 32);
        }
    }

    @Test
    void theNextRunAndAUiccChangeWipeTheKsTheyReplace() {
        try (SecretAudit audit = SecretAudit.begin()) {
            gba.bootstrap();
            SecretBytes firstKs = audit.undestroyed().get(0).secret();

            gba.bootstrap();
            assertThat(firstKs.isDestroyed()).as("the first run's Ks after the second run").isTrue();

            SecretBytes secondKs = audit.undestroyed().stream().map(SecretAudit.Created::secret)
                    .filter(s -> s.length() == 32 && s.equals(SecretBytes.ofHex("22".repeat(32)))).findFirst()
                    .orElseThrow();
            gba.discard();
            assertThat(secondKs.isDestroyed()).as("the second run's Ks after a UICC change").isTrue();
        }
    }
}
