package org.mbmskeys.mbms.bmsc.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Who may register to which service (TS 33.246 §6.3.2.1A, 403 in table G.2.4-1). */
class MembershipTest {

    private static final String ALICE = "001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
    private static final String BOB = "001010000000002@ims.mnc001.mcc001.3gppnetwork.org";
    private static final ServiceId NEWS = ServiceId.of("urn:example:news");
    private static final ServiceId SPORT = ServiceId.of("urn:example:sport");

    @Test
    void openMembershipAdmitsEveryone() {
        assertThat(Membership.open().mayRegister(ALICE, NEWS)).isTrue();
    }

    @Test
    void anAllowListAdmitsOnlyItsSubscribersPerService() {
        AllowListMembership m = Membership.allowList().allow(NEWS, ALICE);

        assertThat(m.mayRegister(ALICE, NEWS)).isTrue();
        assertThat(m.mayRegister(BOB, NEWS)).isFalse();
        assertThat(m.mayRegister(ALICE, SPORT)).isFalse();   // no list: nobody
        assertThat(m.revoke(NEWS, ALICE)).isTrue();
        assertThat(m.mayRegister(ALICE, NEWS)).isFalse();
        assertThat(m.revoke(SPORT, ALICE)).isFalse();
        assertThatThrownBy(() -> m.allow(NEWS, "not an impi")).isInstanceOf(IllegalArgumentException.class);
    }
}
