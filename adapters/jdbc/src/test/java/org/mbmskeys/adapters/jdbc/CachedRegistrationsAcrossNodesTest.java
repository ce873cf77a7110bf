package org.mbmskeys.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.mbms.bmsc.registrations.Registration;

/**
 * Two nodes, each with its own cache, over one database: a stale hit never wins a write, a failed write makes
 * the next read fresh, and a hit is served for at most the TTL.
 */
class CachedRegistrationsAcrossNodesTest {

    private static final Duration TTL = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private Database db;
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private CachedRegistrationStorage nodeA;
    private CachedRegistrationStorage nodeB;

    @BeforeEach
    void open() {
        db = Backend.h2(dir).open();
        nodeA = new CachedRegistrationStorage(new JdbcRegistrationStorage(db), TTL, 100, ticker);
        nodeB = new CachedRegistrationStorage(new JdbcRegistrationStorage(db), TTL, 100, ticker);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aStaleHitLosesItsWriteAndTheRetryReadsFresh() {
        Registration first = RegistrationStorageContract.of(1, RegistrationStorageContract.BTID_1,
                RegistrationStorageContract.NEWS);
        nodeA.insert(first);
        assertThat(nodeB.find(first.impi())).contains(first);   // cached on B
        Registration byA = RegistrationStorageContract.of(1, RegistrationStorageContract.BTID_2,
                RegistrationStorageContract.NEWS);
        assertThat(nodeA.replace(first, byA)).isTrue();

        assertThat(nodeB.find(first.impi())).as("stale hit within the TTL").contains(first);
        assertThat(nodeB.replace(first, RegistrationStorageContract.of(1, RegistrationStorageContract.BTID_1,
                RegistrationStorageContract.SPORT))).isFalse();
        assertThat(nodeB.find(first.impi())).as("after the failed write").contains(byA);
    }

    @Test
    void aHitIsServedForAtMostTheTtl() {
        Registration first = RegistrationStorageContract.of(1, RegistrationStorageContract.BTID_1,
                RegistrationStorageContract.NEWS);
        nodeA.insert(first);
        nodeB.find(first.impi());
        Registration byA = RegistrationStorageContract.of(1, RegistrationStorageContract.BTID_2,
                RegistrationStorageContract.NEWS);
        nodeA.replace(first, byA);

        nanos.addAndGet(TTL.toNanos() + 1);

        assertThat(nodeB.find(first.impi())).contains(byA);
    }

    @Test
    void aRegistrationMadeOnAnotherNodeIsFoundAtOnce() {
        assertThat(nodeB.find(RegistrationStorageContract.impi(1))).isEmpty();
        Registration first = RegistrationStorageContract.of(1, RegistrationStorageContract.BTID_1,
                RegistrationStorageContract.NEWS);
        nodeA.insert(first);

        assertThat(nodeB.find(first.impi())).as("absence is not cached").contains(first);
        assertThat(nodeB.insert(first)).isFalse();
    }
}
