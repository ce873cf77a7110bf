package org.mbmskeys.mbms.bmsc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A UE's pushes and pulls share its lane; other instances keep their own key. */
class BmscLanesTest {

    private static final String IMPI = "001010123456781@ims.mnc001.mcc001.3gppnetwork.org";

    @Test
    void theInstancesThatSendOneUeMikeyMessagesHaveItsImpiForLaneKey() {
        assertThat(BmscLanes.ueOf(IMPI + "|001-01/01010001|INVALIDATE")).isEqualTo(IMPI);
        assertThat(BmscLanes.ueOf(IMPI + "|001-01/01010002|DELIVER")).isEqualTo(IMPI);
        assertThat(BmscLanes.ueOf(IMPI + "|001-01/0101")).isEqualTo(IMPI);   // bmsc.solicited-pull
    }

    @Test
    void otherKeysAreTheirOwnLaneKey() {
        assertThat(BmscLanes.ueOf("news-live")).isEqualTo("news-live");   // bmsc.mtk-delivery: a session
        assertThat(BmscLanes.ueOf(7L)).isEqualTo(7L);
    }
}
