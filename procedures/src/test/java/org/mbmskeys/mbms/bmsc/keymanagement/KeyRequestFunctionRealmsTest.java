package org.mbmskeys.mbms.bmsc.keymanagement;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.keymanagement.KeyManagementPeers.ME_REALM;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.digest.DigestRealm;
import org.mbmskeys.mbms.digest.DigestVerifier;
import org.mbmskeys.mbms.gba.TestSupport;

/**
 * A key request function challenges in {@code 3GPP-bootstrapping@<FQDN>} (TS 33.246 Annex H step 2, TS 24.109
 * §5.2.2.1): a verifier that does not protect that realm is refused when the function is built, not at the
 * first UE that asks.
 */
class KeyRequestFunctionRealmsTest {

    private static DigestVerifier verifierOf(DigestRealm realm) {
        return DigestVerifier.builder().realms(realm)
                .serverSecret(SecretBytes.ofHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"))
                .credentials((user, r) -> Optional.empty())
                .clock(new TestSupport.SettableClock(Instant.parse("2026-12-04T06:00:00Z")))
                .random(TestSupport.seededRandom(1))
                .build();
    }

    @Test
    void aVerifierOfTheRealmIsTaken() {
        assertThatCode(() -> new KeyRequestFunction(verifierOf(ME_REALM), ME_REALM)).doesNotThrowAnyException();
    }

    @Test
    void aVerifierWithoutTheRealmIsRefused() {
        DigestVerifier other = verifierOf(DigestRealm.of("3GPP-bootstrapping-uicc@" + ME_REALM.value().split("@")[1]));

        assertThatThrownBy(() -> new KeyRequestFunction(other, ME_REALM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not protected by this verifier");
    }
}
