package org.mbmskeys.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecordStorage;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;

/**
 * The {@link DeliveryRecordStorage} contract: records by UE and by MSK in the order recorded, the newest {@code limit}
 * of them, every field at the edges of its range.
 */
abstract class DeliveryRecordStorageContract {

    static final Instant T0 = Instant.parse("2026-12-05T10:00:00.123456Z");
    static final String ALICE = "alice@ims.mnc001.mcc001.3gppnetwork.org";
    static final String BOB = "bob@ims.mnc001.mcc001.3gppnetwork.org";
    static final MskRef MSK_1 = MskRef.parse("001-01/01010001");
    static final MskRef MSK_2 = MskRef.parse("001-01/01010002");

    DeliveryRecordStorage records;

    abstract DeliveryRecordStorage newStorage();

    @BeforeEach
    void open() {
        records = newStorage();
    }

    static DeliveryRecord sent(String impi, MskRef msk, int csbId, Instant firstSentAt) {
        return new DeliveryRecord(impi, msk, CsbId.of(csbId), TimestampCounter.of(1000 + csbId), firstSentAt, 1,
                DeliveryOutcome.SENT_WITHOUT_ACK, Optional.empty());
    }

    @Test
    void recordsAreFoundByUeAndByMskInTheOrderRecorded() {
        DeliveryRecord a1 = sent(ALICE, MSK_1, 1, T0);
        DeliveryRecord b1 = sent(BOB, MSK_1, 2, T0);
        DeliveryRecord a2 = sent(ALICE, MSK_2, 3, T0.plusSeconds(60));
        records.add(a1);
        records.add(b1);
        records.add(a2);

        assertThat(records.byUe(ALICE, 100)).containsExactly(a1, a2);
        assertThat(records.byUe(BOB, 100)).containsExactly(b1);
        assertThat(records.byMsk(MSK_1, 100)).containsExactly(a1, b1);
        assertThat(records.byMsk(MSK_2, 100)).containsExactly(a2);
        assertThat(records.byUe("nobody@example.org", 100)).isEmpty();
        assertThat(records.byMsk(MskRef.parse("001-01/01010009"), 100)).isEmpty();
    }

    @Test
    void aLimitGivesTheNewestRecordsOldestFirst() {
        for (int i = 1; i <= 5; i++) {
            records.add(sent(ALICE, MSK_1, i, T0.plusSeconds(i)));
        }

        assertThat(records.byUe(ALICE, 2)).extracting(r -> r.csbId().value()).containsExactly(4, 5);
        assertThat(records.byMsk(MSK_1, 3)).extracting(r -> r.csbId().value()).containsExactly(3, 4, 5);
        assertThatThrownBy(() -> records.byUe(ALICE, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyFieldComesBackAsRecordedAcrossTheirWholeRanges() {
        DeliveryRecord edges = new DeliveryRecord(BOB, MskRef.parse("999-999/ffffffff"), CsbId.of(0xFFFF_FFFF),
                TimestampCounter.of(0xFFFF_FFFFL), T0, Integer.MAX_VALUE, DeliveryOutcome.INVALIDATED,
                Optional.of(T0.plusMillis(1500)));
        DeliveryRecord lowest = new DeliveryRecord(ALICE, MSK_1, CsbId.of(0), TimestampCounter.of(0), T0, 1,
                DeliveryOutcome.DELIVERED, Optional.of(T0));
        records.add(edges);
        records.add(lowest);

        assertThat(records.byUe(BOB, 1)).containsExactly(edges);
        assertThat(records.byUe(ALICE, 1)).containsExactly(lowest);
    }
}
