package org.mbmskeys.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.bmsc.keys.KeyGroupRecord;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistry;
import org.mbmskeys.mbms.bmsc.registrations.Registration;
import org.mbmskeys.mbms.keys.KeyMaterialSource;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * Two BM-SC nodes (two {@link Database} pools) on one PostgreSQL database: a compare-and-set that lost to the
 * other node answers false, and counters issued by both nodes at once are all distinct and only go up.
 */
class TwoNodesOnOnePostgresTest {

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    private Database nodeA;
    private Database nodeB;

    @BeforeEach
    void openTwoNodes() {
        Backend shared = PG.freshDatabase();
        nodeA = shared.open();
        nodeB = shared.open();
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void aRegistrationChangeThatLostToTheOtherNodeAnswersFalse() {
        JdbcRegistrationStorage a = new JdbcRegistrationStorage(nodeA);
        JdbcRegistrationStorage b = new JdbcRegistrationStorage(nodeB);
        Registration first = RegistrationStorageContract.of(1, RegistrationStorageContract.BTID_1,
                RegistrationStorageContract.NEWS);
        assertThat(a.insert(first)).isTrue();
        assertThat(b.insert(first)).as("B inserts the IMPI A has").isFalse();
        Registration seenByB = b.find(first.impi()).orElseThrow();

        assertThat(a.replace(first, RegistrationStorageContract.of(1, RegistrationStorageContract.BTID_2,
                RegistrationStorageContract.NEWS))).isTrue();
        assertThat(b.replace(seenByB, RegistrationStorageContract.of(1, RegistrationStorageContract.BTID_1,
                RegistrationStorageContract.SPORT))).isFalse();
        assertThat(b.remove(seenByB)).isFalse();

        assertThat(b.find(first.impi()).orElseThrow().bTid()).isEqualTo(RegistrationStorageContract.BTID_2);
        assertThat(b.registeredTo(RegistrationStorageContract.SPORT, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void aKeyGroupChangeThatLostToTheOtherNodeAnswersFalse() {
        JdbcKeyRegistryStorage a = new JdbcKeyRegistryStorage(nodeA, Keks.kek());
        JdbcKeyRegistryStorage b = new JdbcKeyRegistryStorage(nodeB, Keks.kek());
        KeyGroupRecord empty = KeyGroupRecord.empty(KeyRegistryStorageContract.DOMAIN, KeyRegistryStorageContract.GROUP,
                ServiceType.STREAMING);
        a.insertGroup(empty);
        KeyGroupRecord readByB = b.group(empty.keyDomain(), empty.keyGroup()).orElseThrow();
        KeyGroupRecord byA = new KeyGroupRecord(empty.keyDomain(), empty.keyGroup(), ServiceType.STREAMING, 1,
                Optional.of(KeyRegistryStorageContract.ref(1)), Optional.empty());
        KeyGroupRecord byB = new KeyGroupRecord(empty.keyDomain(), empty.keyGroup(), ServiceType.STREAMING, 1,
                Optional.of(KeyRegistryStorageContract.ref(1)), Optional.empty());

        assertThat(a.replaceGroup(empty, byA)).isTrue();
        assertThat(b.replaceGroup(readByB, byB)).isFalse();
    }

    @Test
    void countersIssuedByBothNodesAtOnceAreDistinctAndOnlyGoUp() throws Exception {
        KeyRegistry a = KeyRegistry.create(new JdbcKeyRegistryStorage(nodeA, Keks.kek()), randomKeys());
        KeyRegistry b = KeyRegistry.create(new JdbcKeyRegistryStorage(nodeB, Keks.kek()), randomKeys());
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> runs = new ArrayList<>();
            for (KeyRegistry node : List.of(a, b, a, b)) {
                Callable<List<Long>> issue = () -> {
                    List<Long> seen = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        seen.add(node.nextCounter(KeyRegistryStorageContract.MUK).value());
                    }
                    return seen;
                };
                runs.add(pool.submit(issue));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> run : runs) {
                List<Long> seen = run.get(60, TimeUnit.SECONDS);
                assertThat(seen).as("one thread's counters").isSorted().doesNotHaveDuplicates();
                all.addAll(seen);
            }
            assertThat(all).hasSize(4 * perThread).doesNotHaveDuplicates();
            TimestampCounter last = b.lastCounter(KeyRegistryStorageContract.MUK).orElseThrow();
            assertThat(last.value()).isEqualTo(all.stream().mapToLong(Long::longValue).max().orElseThrow());
        } finally {
            pool.shutdownNow();
        }
    }

    private static KeyMaterialSource randomKeys() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        return length -> {
            byte[] key = new byte[length];
            random.nextBytes(key);
            return SecretBytes.wrap(key);
        };
    }
}
