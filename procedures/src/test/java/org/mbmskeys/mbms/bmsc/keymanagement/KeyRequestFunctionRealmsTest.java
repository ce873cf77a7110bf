package org.mbmskeys.mbms.bmsc.keymanagement;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.keymanagement.KeyManagementPeers.ME_REALM;
import static org.mbmskeys.mbms.keymanagement.KeyManagementPeers.U_REALM;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.digest.DigestRealm;
import org.mbmskeys.mbms.digest.DigestVerifier;
import org.mbmskeys.mbms.gba.TestSupport;

/**
 * A key request function challenges in the GBA_ME realm and, when it serves GBA_U, in the GBA_U realm (TS 33.246
 * §6.2.1.3, TS 33.220): a verifier that does not protect one of them is refused when the function is built, not
 * at the first UE that asks.
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
    void aVerifierWithoutTheGbaURealmIsRefusedWhenGbaUIsServed() {
        DigestVerifier meOnly = verifierOf(ME_REALM);

        assertThatThrownBy(() -> new KeyRequestFunction(meOnly, ME_REALM, Optional.of(U_REALM)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not protected by this verifier");
        assertThatCode(() -> new KeyRequestFunction(meOnly, ME_REALM, Optional.empty())).doesNotThrowAnyException();
    }

    @Test
    void aVerifierWithoutTheGbaMeRealmIsRefused() {
        assertThatThrownBy(() -> new KeyRequestFunction(verifierOf(U_REALM), ME_REALM, Optional.of(U_REALM)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not protected by this verifier");
    }
}
