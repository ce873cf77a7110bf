package org.mbmskeys.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecordStorage;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;

/**
 * What the database adds to the delivery record contract: records outlive the process that wrote them and are seen
 * by every node on the database, a push recorded again (by the node that took it over) keeps one record, and records
 * are kept for the retention only.
 */
abstract class JdbcDeliveryRecordsContract extends DeliveryRecordStorageContract {

    static final Duration RETENTION = Duration.ofDays(90);

    final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final List<Database> opened = new ArrayList<>();

    /** The database under test; each call opens it again (another node, or the same one restarted). */
    abstract Backend backend();

    JdbcDeliveryRecords open(Backend backend) {
        Database db = backend.open();
        opened.add(db);
        return new JdbcDeliveryRecords(db, RETENTION, now::get);
    }

    @Override
    DeliveryRecordStorage newStorage() {
        return open(backend());
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Database::close);
    }

    @Test
    void recordsOutliveTheirWriterAndEveryNodeSeesThem() {
        DeliveryRecord a1 = sent(ALICE, MSK_1, 1, T0);
        records.add(a1);
        opened.get(0).close();   // the BM-SC that recorded it is gone

        JdbcDeliveryRecords again = open(backend());
        assertThat(again.byUe(ALICE, 10)).containsExactly(a1);
        assertThat(again.byMsk(MSK_1, 10)).containsExactly(a1);
    }

    @Test
    void recordingThePushAgainReplacesItsRecordInPlace() {
        DeliveryRecord gaveUp = new DeliveryRecord(ALICE, MSK_1, CsbId.of(7), TimestampCounter.of(5), T0, 4,
                DeliveryOutcome.GAVE_UP, Optional.empty());
        DeliveryRecord other = sent(ALICE, MSK_2, 8, T0.plusSeconds(1));
        records.add(gaveUp);
        records.add(other);
        DeliveryRecord delivered = new DeliveryRecord(ALICE, MSK_1, CsbId.of(7), TimestampCounter.of(6), T0, 5,
                DeliveryOutcome.DELIVERED, Optional.of(T0.plusSeconds(40)));
        records.add(delivered);

        assertThat(records.byUe(ALICE, 100)).containsExactly(delivered, other);
        assertThat(records.byMsk(MSK_1, 100)).containsExactly(delivered);
        assertThat(records.byUe(ALICE, 100)).as("another CSB ID, or another first-sent time, is another push")
                .hasSize(2);
        records.add(sent(ALICE, MSK_1, 7, T0.plusSeconds(2)));
        records.add(sent(ALICE, MSK_1, 9, T0));
        assertThat(records.byUe(ALICE, 100)).hasSize(4);
    }

    @Test
    void recordsFirstSentBeforeTheRetentionAreDeleted() {
        JdbcDeliveryRecords jdbc = (JdbcDeliveryRecords) records;
        DeliveryRecord old = sent(ALICE, MSK_1, 1, T0);
        DeliveryRecord recent = sent(ALICE, MSK_2, 2, T0.plus(Duration.ofDays(30)));
        jdbc.add(old);
        jdbc.add(recent);

        now.set(T0.plus(RETENTION));
        assertThat(jdbc.purgeExpired()).as("exactly the retention old: kept").isZero();
        now.set(T0.plus(RETENTION).plusSeconds(1));
        assertThat(jdbc.purgeExpired()).isEqualTo(1);

        assertThat(jdbc.byUe(ALICE, 10)).containsExactly(recent);
        assertThat(jdbc.byMsk(MSK_1, 10)).isEmpty();
    }

    @Test
    void recordingPurgesNowAndThenWithoutBeingAsked() {
        JdbcDeliveryRecords jdbc = (JdbcDeliveryRecords) records;
        jdbc.add(sent(BOB, MSK_1, 0, T0));
        now.set(T0.plus(RETENTION).plusSeconds(1));
        for (int i = 1; i < JdbcDeliveryRecords.PURGE_EVERY; i++) {
            jdbc.add(sent(ALICE, MSK_1, i, now.get()));
        }

        assertThat(jdbc.byUe(BOB, 10)).as("purged by the %sth record", JdbcDeliveryRecords.PURGE_EVERY).isEmpty();
        assertThat(jdbc.byUe(ALICE, 10_000)).hasSize(JdbcDeliveryRecords.PURGE_EVERY - 1);
    }
}
