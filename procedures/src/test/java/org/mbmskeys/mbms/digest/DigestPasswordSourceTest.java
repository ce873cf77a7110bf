package org.mbmskeys.mbms.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.BODY;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.BTID;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.MRK;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.REALM;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.RESPONSE_BODY;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.URI;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.SecretBytes;

/** A client given a password source asks it at every use, destroys what it got, and keeps no password. */
class DigestPasswordSourceTest {

    private final DigestExchangeTest exchange = new DigestExchangeTest();
    private final DigestVerifier server = exchange.server().build();
    private final List<SecretBytes> handedOut = new ArrayList<>();
    private SecretBytes mrk = MRK;

    private final DigestClient client = new DigestClient(BTID, () -> {
        SecretBytes password = MrkDigestPassword.derive(mrk);
        handedOut.add(password);
        return password;
    }, REALM, new SeededRandom(2));

    @Test
    void thePasswordIsAskedForAtEachUseAndDestroyedAfterIt() {
        DigestExchangeTest.challenge(server, client);

        DigestAuthorization sent = client.authorize("POST", URI, BODY);
        DigestVerification.Accepted ok = DigestExchangeTest.accepted(server.verify("POST", URI, BODY, sent.toHeaderValue()));
        client.onAuthenticationInfo(sent, ok.authenticationInfo(RESPONSE_BODY).toHeaderValue(), RESPONSE_BODY);

        assertThat(handedOut).hasSize(2).allSatisfy(p -> assertThat(p.isDestroyed()).isTrue());
        assertThat(client.toString()).doesNotContain(MrkDigestPassword.derive(MRK).revealHex());
    }

    @Test
    void aPasswordThatChangedSignsTheNextRequest() {
        DigestExchangeTest.challenge(server, client);
        assertThat(server.verify("POST", URI, BODY, client.authorize("POST", URI, BODY).toHeaderValue()))
                .isInstanceOf(DigestVerification.Accepted.class);

        byte[] other = MRK.copyBytes();
        other[0] ^= 0x01;
        mrk = SecretBytes.wrap(other);

        assertThat(DigestExchangeTest.failureOf(server.verify("POST", URI, BODY,
                client.authorize("POST", URI, BODY).toHeaderValue()))).isEqualTo(DigestFailure.WRONG_RESPONSE);
    }

    @Test
    void aSourceWithoutPasswordFailsTheUseThatNeededIt() {
        DigestClient gone = new DigestClient(BTID, () -> {
            throw new IllegalStateException("no MRK installed for bmsc.example.org");
        }, REALM, new SeededRandom(2));
        DigestExchangeTest.challenge(server, gone);

        assertThatThrownBy(() -> gone.authorize("POST", URI, BODY)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no MRK");
        DigestClient empty = new DigestClient(BTID, () -> SecretBytes.wrap(new byte[0]), REALM, new SeededRandom(2));
        DigestExchangeTest.challenge(server, empty);
        assertThatThrownBy(() -> empty.authorize("POST", URI, BODY)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("empty password");
    }
}
