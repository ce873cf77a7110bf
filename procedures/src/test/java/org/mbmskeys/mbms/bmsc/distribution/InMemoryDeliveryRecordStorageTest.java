package org.mbmskeys.mbms.bmsc.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.IMPI_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.IMPI_B;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.START;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;

/** Records of finished deliveries in memory (the contract every store keeps is tested in adapters/jdbc). */
class InMemoryDeliveryRecordStorageTest {

    private static final MskRef MSK_1 = MskRef.of(KeyDomainId.parse("001-01"), MskId.of(1, 1));
    private static final MskRef MSK_2 = MskRef.of(KeyDomainId.parse("001-01"), MskId.of(1, 2));

    @Test
    void beyondItsCapacityTheOldestRecordGoesFromEveryIndex() {
        InMemoryDeliveryRecordStorage records = new InMemoryDeliveryRecordStorage(2);
        DeliveryRecord a1 = record(IMPI_A, MSK_1, 1);
        DeliveryRecord b1 = record(IMPI_B, MSK_1, 2);
        DeliveryRecord a2 = record(IMPI_A, MSK_2, 3);
        records.add(a1);
        records.add(b1);
        records.add(a2);

        assertThat(records.size()).isEqualTo(2);
        assertThat(records.byUe(IMPI_A, 10)).containsExactly(a2);
        assertThat(records.byMsk(MSK_1, 10)).containsExactly(b1);
        assertThatThrownBy(() -> new InMemoryDeliveryRecordStorage(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new InMemoryDeliveryRecordStorage(1).size()).isZero();   // the smallest capacity
    }

    @Test
    void aUeWhoseRecordsAllWentIsIndexedAfreshByItsNextRecord() {
        InMemoryDeliveryRecordStorage records = new InMemoryDeliveryRecordStorage(1);
        DeliveryRecord a1 = record(IMPI_A, MSK_1, 1);
        DeliveryRecord a2 = record(IMPI_A, MSK_1, 2);
        DeliveryRecord b1 = record(IMPI_B, MSK_2, 3);
        DeliveryRecord a3 = record(IMPI_A, MSK_1, 4);
        records.add(a1);
        records.add(a2);   // the same UE's queue drops its older record
        assertThat(records.byUe(IMPI_A, 10)).containsExactly(a2);
        records.add(b1);   // A's and MSK 1's queues are emptied
        assertThat(records.byUe(IMPI_A, 10)).isEmpty();
        assertThat(records.byMsk(MSK_1, 10)).isEmpty();
        assertThat(records.indexedKeys()).isEqualTo(2);   // B and MSK 2 only: emptied queues leave the index
        records.add(a3);
        assertThat(records.byUe(IMPI_A, 10)).containsExactly(a3);
        assertThat(records.byMsk(MSK_1, 10)).containsExactly(a3);
        assertThat(records.byUe(IMPI_B, 10)).isEmpty();
        assertThat(records.byMsk(MSK_2, 10)).isEmpty();
        assertThat(records.size()).isEqualTo(1);
    }

    @Test
    void aLimitGivesTheNewestRecordsOldestFirstAndMustBePositive() {
        InMemoryDeliveryRecordStorage records = new InMemoryDeliveryRecordStorage(10);
        DeliveryRecord a1 = record(IMPI_A, MSK_1, 1);
        DeliveryRecord a2 = record(IMPI_A, MSK_2, 2);
        DeliveryRecord a3 = record(IMPI_A, MSK_2, 3);
        records.add(a1);
        records.add(a2);
        records.add(a3);

        assertThat(records.byUe(IMPI_A, 1)).containsExactly(a3);
        assertThat(records.byUe(IMPI_A, 2)).containsExactly(a2, a3);
        assertThat(records.byMsk(MSK_2, 1)).containsExactly(a3);
        assertThatThrownBy(() -> records.byUe(IMPI_A, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit must be positive");
    }

    private static DeliveryRecord record(String impi, MskRef msk, int csbId) {
        return new DeliveryRecord(impi, msk, CsbId.of(csbId), TimestampCounter.of(3), START, 1, DeliveryOutcome.GAVE_UP,
                Optional.empty());
    }
}
