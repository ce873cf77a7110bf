package org.mbmskeys.mbms.bmsc.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementCall;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementInbound;
import org.mbmskeys.mbms.keymanagement.KeyManagementPeers;
import org.mbmskeys.mbms.keymanagement.xml.RegistrationRequest;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementExchange;

/**
 * The event a key management request gives the BM-SC's procedures: {@code refused()} is what the scripts' first
 * guard asks ("refused by the checks"), so it must be true exactly for a request the checks refused, and false for
 * an authenticated call the procedure decides on.
 */
class KeyRequestArrivedTest {

    private static final Endpoint FROM = Endpoint.of("10.0.0.7", 40312);

    private final KeyManagementPeers peers = new KeyManagementPeers();

    @Test
    void aRequestTheChecksRefusedIsRefusedAndAnAuthenticatedCallIsNot() {
        KeyManagementExchange first = peers.ue.register(RegistrationRequest.of("urn:3gpp:mbms:s1"));
        KeyManagementInbound challenged = peers.bmsc.receive(first.request());
        peers.ue.interpret(first, ((KeyManagementInbound.Refused) challenged).response());
        KeyManagementInbound authenticated = peers.bmsc.receive(peers.ue.resend(first).request());

        assertThat(challenged).isInstanceOf(KeyManagementInbound.Refused.class);
        assertThat(new KeyRequestArrived(FROM, challenged).refused()).isTrue();
        assertThat(authenticated).isInstanceOf(KeyManagementCall.Register.class);
        assertThat(new KeyRequestArrived(FROM, authenticated).refused()).isFalse();
    }

    @Test
    void itNeedsASourceAndAnInbound() {
        KeyManagementInbound challenged = peers.bmsc.receive(
                peers.ue.register(RegistrationRequest.of("urn:3gpp:mbms:s1")).request());

        assertThatThrownBy(() -> new KeyRequestArrived(null, challenged)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("source");
        assertThatThrownBy(() -> new KeyRequestArrived(FROM, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("inbound");
    }
}
