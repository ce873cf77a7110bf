package org.mbmskeys.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.digest.DigestAuthorization;
import org.mbmskeys.mbms.digest.DigestClient;
import org.mbmskeys.mbms.digest.DigestCredentials;
import org.mbmskeys.mbms.digest.DigestFailure;
import org.mbmskeys.mbms.digest.DigestRealm;
import org.mbmskeys.mbms.digest.DigestVerification;
import org.mbmskeys.mbms.digest.DigestVerifier;
import org.mbmskeys.mbms.digest.NonceCounts;

/**
 * Two BM-SC nodes with one Digest server secret and {@link JdbcNonceCounts} on one PostgreSQL database: a request
 * accepted by node A is refused as a replay by node B, and the other way round. A node with its own in-memory
 * counts accepts the same request (it shares the secret, not the counts): that is the replay the database stops.
 */
class DigestReplayAcrossNodesTest {

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    static final String BTID = "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org";
    static final SecretBytes PASSWORD = SecretBytes.ofHex("ac989d60aad1969639e2073bf7ff93c1c652ea91b627a95a1c1e3ab1a836c48c");
    static final DigestRealm REALM = DigestRealm.bootstrapping("bmsc.example.org");
    static final SecretBytes SHARED_SECRET =
            SecretBytes.ofHex("0f0e0d0c0b0a09080706050403020100f0e0d0c0b0a090807060504030201000");
    static final String URI = "/keymanagement?requesttype=register";
    static final Bytes BODY = Bytes.wrap("<register/>".getBytes(StandardCharsets.UTF_8));
    static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-12-04T10:00:00Z"));

    private Database nodeA;
    private Database nodeB;

    @BeforeEach
    void openTwoNodes() {
        Backend shared = PG.freshDatabase();
        nodeA = shared.open();
        nodeB = shared.open();
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    private static DigestVerifier verifier(NonceCounts counts) {
        DigestCredentials credentials = (user, realm) ->
                user.equals(BTID) && realm.equals(REALM) ? Optional.of(PASSWORD.copy())
                        : Optional.empty();
        return DigestVerifier.builder().realms(REALM).serverSecret(SHARED_SECRET).credentials(credentials)
                .clock(CLOCK).random(RandomBytes.secure()).nonceCounts(counts).build();
    }

    @Test
    void aRequestAcceptedOnOneNodeIsAReplayOnTheOther() {
        DigestVerifier a = verifier(new JdbcNonceCounts(nodeA));
        DigestVerifier b = verifier(new JdbcNonceCounts(nodeB));
        DigestClient ue = new DigestClient(BTID, PASSWORD.copy(), REALM, RandomBytes.secure());
        ue.onChallenge(((DigestVerification.Rejected) a.verify("POST", URI, BODY, null)).wwwAuthenticate());

        String first = ue.authorize("POST", URI, BODY).toHeaderValue();
        assertThat(a.verify("POST", URI, BODY, first)).isInstanceOf(DigestVerification.Accepted.class);
        assertThat(failureOf(b.verify("POST", URI, BODY, first))).isEqualTo(DigestFailure.NONCE_COUNT_REPLAY);
        assertThat(verifier(NonceCounts.inMemory(10)).verify("POST", URI, BODY, first))
                .as("a node that does not share the counts takes the replay").isInstanceOf(DigestVerification.Accepted.class);

        DigestAuthorization second = ue.authorize("POST", URI, BODY);
        assertThat(second.nc()).isEqualTo(2);
        assertThat(b.verify("POST", URI, BODY, second.toHeaderValue())).isInstanceOf(DigestVerification.Accepted.class);
        assertThat(failureOf(a.verify("POST", URI, BODY, second.toHeaderValue())))
                .isEqualTo(DigestFailure.NONCE_COUNT_REPLAY);
        assertThat(failureOf(a.verify("POST", URI, BODY, first))).isEqualTo(DigestFailure.NONCE_COUNT_REPLAY);
    }

    private static DigestFailure failureOf(DigestVerification v) {
        assertThat(v).isInstanceOf(DigestVerification.Rejected.class);
        return ((DigestVerification.Rejected) v).failure();
    }
}
