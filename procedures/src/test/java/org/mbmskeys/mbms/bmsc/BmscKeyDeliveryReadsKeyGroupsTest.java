package org.mbmskeys.mbms.bmsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;

/** The Key Group a script names as text ("Key Domain ID/Key Group", as {@link KeyGroupRef#toString} writes it). */
class BmscKeyDeliveryReadsKeyGroupsTest {

    @Test
    void aKeyGroupWrittenByKeyGroupRefIsReadBack() {
        KeyGroupRef group = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(0x0101));

        assertThat(BmscKeyDelivery.parseGroup(group.toString())).isEqualTo(group);
        assertThat(BmscKeyDelivery.parseGroup("001-01/0101")).isEqualTo(group);
    }

    @Test
    void textWithoutTheSlashIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> BmscKeyDelivery.parseGroup("001-010101")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Key Domain ID/Key Group");
        assertThatThrownBy(() -> BmscKeyDelivery.parseGroup(null)).isInstanceOf(NullPointerException.class);
    }
}
