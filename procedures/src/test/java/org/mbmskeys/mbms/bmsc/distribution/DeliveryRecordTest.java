package org.mbmskeys.mbms.bmsc.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.IMPI_A;
import static org.mbmskeys.mbms.bmsc.distribution.BmscFixture.START;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;

/** What a delivery record says of how a push ended. */
class DeliveryRecordTest {

    private static final MskRef MSK_1 = MskRef.of(KeyDomainId.parse("001-01"), MskId.of(1, 1));

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
}
