package org.mbmskeys.mbms.keymanagement;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyRequestFunction;
import org.mbmskeys.mbms.digest.DigestClient;
import org.mbmskeys.mbms.digest.DigestRealm;
import org.mbmskeys.mbms.digest.DigestVerifier;
import org.mbmskeys.mbms.digest.MrkDigestPassword;
import org.mbmskeys.mbms.gba.TestSupport;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementClient;

/**
 * A UE and a BM-SC that share one bootstrapping: the UE's {@link KeyManagementClient} and the BM-SC's
 * {@link KeyRequestFunction}, on one settable clock and seeded randomness. The MRK is a self-computed
 * Annex F value (not an official vector; only that both ends hold it matters here).
 */
public final class KeyManagementPeers {

    public static final String BMSC_FQDN = "bmsc.home1.net";
    public static final String HOST = BMSC_FQDN + ":1234";
    public static final String BTID = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org";
    public static final DigestRealm ME_REALM = DigestRealm.bootstrapping(BMSC_FQDN);
    public static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

    public final TestSupport.SettableClock clock = new TestSupport.SettableClock(Instant.parse("2026-12-02T10:00:00Z"));
    public final KeyRequestFunction bmsc;
    public final KeyManagementClient ue;
    public final DigestClient ueDigest;

    public KeyManagementPeers() {
        this(mrk());
    }

    /** A UE whose MRK is {@code ueMrk}; the BM-SC always has {@link #mrk()}. */
    public KeyManagementPeers(SecretBytes ueMrk) {
        DigestVerifier verifier = DigestVerifier.builder()
                .realms(ME_REALM)
                .serverSecret(SecretBytes.ofHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"))
                .credentials((user, realm) -> user.equals(BTID) ? Optional.of(passwordOf(mrk())) : Optional.empty())
                .clock(clock)
                .random(TestSupport.seededRandom(1))
                .nonceLifetime(NONCE_LIFETIME)
                .build();
        bmsc = new KeyRequestFunction(verifier, ME_REALM);
        ueDigest = new DigestClient(BTID, MrkDigestPassword.derive(ueMrk), ME_REALM, TestSupport.seededRandom(2));
        ue = new KeyManagementClient(HOST, ueDigest, GbaUserAgent.with("MBMSAgent; Release-6"), clock);
    }

    /** The Digest password of {@code mrk}, which is wiped (as the BM-SC's Zn side wipes its copy). */
    private static SecretBytes passwordOf(SecretBytes mrk) {
        try {
            return MrkDigestPassword.derive(mrk);
        } finally {
            mrk.destroy();
        }
    }

    /** The MRK both ends hold. */
    public static SecretBytes mrk() {
        return SecretBytes.ofHex("c0c7aab9d1ee79b93aa08461ec060b2c948bad87211b51b8f84267c63e5dcea4");
    }
}
