package org.mbmskeys.mbms.keymanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MikeyPortParameterTest {

    @Test
    void aRegistrationTargetStatesThePortAndStillNamesTheRequestType() {
        String target = MikeyPortParameter.registrationTarget(40001);

        assertThat(target).isEqualTo("/keymanagement?requesttype=register&mikeyport=40001");
        assertThat(KeyManagementRequest.parse(target)).contains(KeyManagementRequest.REGISTER);
        assertThat(MikeyPortParameter.read(target)).hasValue(40001);
    }

    @Test
    void thePortIsReadAmongOtherParametersInAnyOrderAndInAbsoluteFormAndIsAbsentWhenNotGiven() {
        assertThat(MikeyPortParameter.read("/keymanagement?mikeyport=2270&lang=en&requesttype=register")).hasValue(2270);
        assertThat(MikeyPortParameter.read("http://bmsc.example.org:8080/keymanagement?requesttype=register&mikeyport=%2065535"))
                .hasValue(65535);
        assertThat(MikeyPortParameter.read("/keymanagement?requesttype=register")).isEmpty();
        assertThat(MikeyPortParameter.read("/other?mikeyport=1")).isEmpty();
    }

    @Test
    void aPortThatIsNotOneNumber1To65535IsRefusedWithWhatWasWrong() {
        for (String bad : new String[] {"0", "65536", "-1", "abc", "1e3", "123456", ""}) {
            assertThatThrownBy(() -> MikeyPortParameter.read("/keymanagement?requesttype=register&mikeyport=" + bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a UDP port 1..65535");
        }
        assertThatThrownBy(() -> MikeyPortParameter.read("/keymanagement?requesttype=register&mikeyport"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got ''");
        assertThatThrownBy(() -> MikeyPortParameter.read("/keymanagement?requesttype=register&mikeyport=1&mikeyport=2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given 2 times");
        assertThatThrownBy(() -> MikeyPortParameter.registrationTarget(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
