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

/** Records of finished deliveries, for operators. */
class DeliveryRecordsTest {

    private static final MskRef MSK_1 = MskRef.of(KeyDomainId.parse("001-01"), MskId.of(1, 1));
    private static final MskRef MSK_2 = MskRef.of(KeyDomainId.parse("001-01"), MskId.of(1, 2));

    @Test
    void recordsAreFoundByUeAndByMskOldestFirst() {
        DeliveryRecords records = new DeliveryRecords(10);
        DeliveryRecord a1 = record(IMPI_A, MSK_1, DeliveryOutcome.SENT_WITHOUT_ACK);
        DeliveryRecord b1 = record(IMPI_B, MSK_1, DeliveryOutcome.GAVE_UP);
        DeliveryRecord a2 = record(IMPI_A, MSK_2, DeliveryOutcome.SENT_WITHOUT_ACK);
        records.add(a1);
        records.add(b1);
        records.add(a2);

        assertThat(records.byUe(IMPI_A)).containsExactly(a1, a2);
        assertThat(records.byUe(IMPI_B)).containsExactly(b1);
        assertThat(records.byMsk(MSK_1)).containsExactly(a1, b1);
        assertThat(records.byMsk(MSK_2)).containsExactly(a2);
        assertThat(records.byUe("nobody@example.org")).isEmpty();
        assertThat(records.size()).isEqualTo(3);
    }

    @Test
    void beyondItsCapacityTheOldestRecordGoesFromEveryIndex() {
        DeliveryRecords records = new DeliveryRecords(2);
        DeliveryRecord a1 = record(IMPI_A, MSK_1, DeliveryOutcome.GAVE_UP);
        DeliveryRecord b1 = record(IMPI_B, MSK_1, DeliveryOutcome.GAVE_UP);
        DeliveryRecord a2 = record(IMPI_A, MSK_2, DeliveryOutcome.GAVE_UP);
        records.add(a1);
        records.add(b1);
        records.add(a2);

        assertThat(records.size()).isEqualTo(2);
        assertThat(records.byUe(IMPI_A)).containsExactly(a2);
        assertThat(records.byMsk(MSK_1)).containsExactly(b1);
        assertThatThrownBy(() -> new DeliveryRecords(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new DeliveryRecords(1).size()).isZero();   // the smallest capacity
    }

    @Test
    void aRecordIsConsistentAboutItsAcknowledgement() {
        assertThatThrownBy(() -> new DeliveryRecord(IMPI_A, MSK_1, CsbId.of(1), TimestampCounter.of(1), START, 1,
                DeliveryOutcome.DELIVERED, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryRecord(IMPI_A, MSK_1, CsbId.of(1), TimestampCounter.of(1), START, 1,
                DeliveryOutcome.GAVE_UP, Optional.of(START))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryRecord(IMPI_A, MSK_1, CsbId.of(1), TimestampCounter.of(1), START, 0,
                DeliveryOutcome.GAVE_UP, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pushesWithoutAckAreRecordedByWhetherOneWasAskedAndInvalidationsAsInvalidated() {
        BmscFixture bmsc = new BmscFixture();
        bmsc.ueKeys.lookUp(BmscFixture.BTID_A);
        PreparedPush withV = bmsc.distribution.push(BmscFixture.ueA(), BmscFixture.DOWNLOAD.current(), true).orElseThrow();
        PreparedPush withoutV = bmsc.distribution.push(BmscFixture.ueA(), BmscFixture.DOWNLOAD.current(), false).orElseThrow();
        PreparedPush invalidation = bmsc.distribution.invalidate(BmscFixture.ueA(), withV.msk(), true).orElseThrow();

        assertThat(DeliveryRecord.unacknowledged(withV).outcome()).isEqualTo(DeliveryOutcome.GAVE_UP);
        assertThat(DeliveryRecord.unacknowledged(withoutV).outcome()).isEqualTo(DeliveryOutcome.SENT_WITHOUT_ACK);
        assertThat(DeliveryRecord.unacknowledged(invalidation).outcome()).isEqualTo(DeliveryOutcome.INVALIDATED);
        assertThat(DeliveryRecord.acknowledged(invalidation, new AckCheck.Acknowledged(invalidation.counter()), START)
                .outcome()).isEqualTo(DeliveryOutcome.INVALIDATED);
    }

    private static DeliveryRecord record(String impi, MskRef msk, DeliveryOutcome outcome) {
        return new DeliveryRecord(impi, msk, CsbId.of(7), TimestampCounter.of(3), START, 1, outcome, Optional.empty());
    }
}
