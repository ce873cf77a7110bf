package org.mbmskeys.mbms.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.BODY;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.BTID;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.LIFETIME;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.MRK;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.REALM;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.RESPONSE_BODY;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.SECRET;
import static org.mbmskeys.mbms.digest.DigestExchangeTest.URI;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.SecretBytes;

/** The BM-SC keeps no Digest password past HA1, and no HA1 past the Authentication-Info it signs. */
class DigestWipingTest {

    private final List<byte[]> passwordsHandedOut = new ArrayList<>();
    private final DigestVerifier verifier = DigestVerifier.builder().realms(REALM).serverSecret(SECRET)
            .credentials((user, realm) -> {
                byte[] password = MrkDigestPassword.derive(MRK).copyBytes();
                passwordsHandedOut.add(password);
                return Optional.of(SecretBytes.wrap(password));
            })
            .clock(new TestClock(Instant.parse("2026-11-22T10:00:00Z"))).random(new SeededRandom(1))
            .nonceLifetime(LIFETIME).build();

    private DigestVerification.Accepted acceptOne() {
        DigestClient client = new DigestClient(BTID, MrkDigestPassword.derive(MRK), REALM, new SeededRandom(2));
        client.onChallenge(((DigestVerification.Rejected) verifier.verify("POST", URI, BODY, null)).wwwAuthenticate());
        DigestVerification v = verifier.verify("POST", URI, BODY, client.authorize("POST", URI, BODY).toHeaderValue());
        assertThat(v).isInstanceOf(DigestVerification.Accepted.class);
        return (DigestVerification.Accepted) v;
    }

    @Test
    void thePasswordIsZeroedOnceHa1IsComputed() {
        acceptOne();

        assertThat(passwordsHandedOut).hasSize(1);
        assertThat(passwordsHandedOut.get(0)).containsOnly(0);
    }

    @Test
    void ha1IsZeroedByTheAuthenticationInfoAndAskingTwiceIsRefused() throws ReflectiveOperationException {
        DigestVerification.Accepted ok = acceptOne();
        SecretBytes ha1 = ha1Of(ok);
        assertThat(ha1.isDestroyed()).isFalse();

        ok.authenticationInfo(RESPONSE_BODY);

        assertThat(ha1.isDestroyed()).isTrue();
        assertThatThrownBy(() -> ok.authenticationInfo(RESPONSE_BODY)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already produced");
    }

    @Test
    void aDiscardedAcceptanceZeroesHa1() throws ReflectiveOperationException {
        DigestVerification.Accepted ok = acceptOne();
        SecretBytes ha1 = ha1Of(ok);

        ok.discard();

        assertThat(ha1.isDestroyed()).isTrue();
    }

    /** HA1 is private on purpose; the test reads the field to hold the very object and see it zeroed. */
    private static SecretBytes ha1Of(DigestVerification.Accepted ok) throws ReflectiveOperationException {
        Field f = DigestVerification.Accepted.class.getDeclaredField("ha1");
        f.setAccessible(true);
        return (SecretBytes) f.get(ok);
    }
}
