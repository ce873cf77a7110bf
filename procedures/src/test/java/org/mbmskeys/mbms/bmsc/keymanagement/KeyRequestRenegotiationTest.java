package org.mbmskeys.mbms.bmsc.keymanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keymanagement.KeyManagementPeers;
import org.mbmskeys.mbms.keymanagement.xml.RegistrationRequest;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementExchange;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementOutcome;

/**
 * The Bootstrapping Renegotiation Request (TS 33.246 §6.3.2.2.4, TS 33.220): an authenticated request answered 401
 * with a fresh, not stale, challenge in the realm the UE used; nothing of the request is processed.
 */
class KeyRequestRenegotiationTest {

    private final KeyManagementPeers peers = new KeyManagementPeers();

    private KeyManagementCall authenticatedRegistration() {
        KeyManagementExchange first = peers.ue.register(RegistrationRequest.of("urn:3gpp:mbms:s1"));
        KeyManagementInbound challenged = peers.bmsc.receive(first.request());
        peers.ue.interpret(first, ((KeyManagementInbound.Refused) challenged).response());
        KeyManagementInbound in = peers.bmsc.receive(peers.ue.resend(first).request());
        assertThat(in).isInstanceOf(KeyManagementCall.class);
        return (KeyManagementCall) in;
    }

    @Test
    void anAuthenticatedRequestIsAnswered401WithAFreshChallengeInItsRealmThatTheUeTakesAsANewChallenge() {
        KeyManagementExchange first = peers.ue.register(RegistrationRequest.of("urn:3gpp:mbms:s1"));
        peers.ue.interpret(first, ((KeyManagementInbound.Refused) peers.bmsc.receive(first.request())).response());
        KeyManagementExchange withCredentials = peers.ue.resend(first);
        KeyManagementCall call = (KeyManagementCall) peers.bmsc.receive(withCredentials.request());

        HttpResponseMessage answer = peers.bmsc.renegotiate(call);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.headers().all("WWW-Authenticate")).isNotEmpty().allSatisfy(h -> {
            assertThat(h).startsWith("Digest ").contains("realm=\"" + KeyManagementPeers.ME_REALM.value() + "\"");
            assertThat(h).doesNotContainPattern("(?i)stale=\"?true");
        });
        assertThat(answer.headers().contains("Authentication-Info")).isFalse();
        assertThat(answer.body().length()).isZero();
        assertThat(peers.ue.interpret(withCredentials, answer)).isInstanceOf(KeyManagementOutcome.Challenged.class);
    }

    @Test
    void theRenegotiatedCallCannotBeAnsweredAfterwards() {
        KeyManagementCall call = authenticatedRegistration();
        peers.bmsc.renegotiate(call);

        assertThatThrownBy(() -> peers.bmsc.answer(call, List.of(ItemStatus.OK))).isInstanceOf(IllegalStateException.class);
        assertThat(call.authentication().toString()).doesNotContainIgnoringCase("ha1=");
    }
}
