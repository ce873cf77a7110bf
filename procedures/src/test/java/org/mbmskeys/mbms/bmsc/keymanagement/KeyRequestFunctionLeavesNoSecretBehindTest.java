package org.mbmskeys.mbms.bmsc.keymanagement;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretAudit;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.mbms.digest.DigestAuthorization;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.mbmskeys.mbms.keymanagement.KeyManagementPeers;
import org.mbmskeys.mbms.keymanagement.xml.RegistrationRequest;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementExchange;

/**
 * An authenticated request the Key Request Function refuses after Digest accepted it (wrong media type, a body
 * that does not parse, or refused as a whole by the caller) leaves none of the secrets its verification made
 * (HA1 and the password copies) alive: the {@code Accepted} never leaves the function, so only
 * {@link SecretAudit} can see its wipe.
 */
class KeyRequestFunctionLeavesNoSecretBehindTest {

    private static final RegistrationRequest ONE_SERVICE = RegistrationRequest.of("urn:3gpp:mbms:s1");

    private final KeyManagementPeers peers = new KeyManagementPeers();

    /** The UE's registration POST signed after its first one drew the challenge. */
    private HttpRequestMessage signedRegistration() {
        KeyManagementExchange first = peers.ue.register(ONE_SERVICE);
        peers.ue.interpret(first, ((KeyManagementInbound.Refused) peers.bmsc.receive(first.request())).response());
        return peers.ue.resend(first).request();
    }

    @Test
    void anAuthenticatedRequestRefusedForItsMediaTypeLeavesNoSecret() {
        HttpRequestMessage post = signedRegistration();
        HttpRequestMessage xml = new HttpRequestMessage(post.method(), post.target(),
                post.headers().replacing("Content-Type", "application/xml"), post.body());

        try (SecretAudit audit = SecretAudit.begin()) {
            KeyManagementInbound in = peers.bmsc.receive(xml);

            assertThat(in).isInstanceOfSatisfying(KeyManagementInbound.Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(RefusalReason.MEDIA_TYPE));
            assertThat(audit.createdCount()).as("HA1 and the password of the verification").isPositive();
            assertThat(audit.undestroyed()).isEmpty();
        }
    }

    @Test
    void anAuthenticatedRequestWithABodyThatDoesNotParseLeavesNoSecret() {
        KeyManagementExchange first = peers.ue.register(ONE_SERVICE);
        peers.ue.interpret(first, ((KeyManagementInbound.Refused) peers.bmsc.receive(first.request())).response());
        Bytes body = Bytes.wrap("<register/>".getBytes(UTF_8));
        DigestAuthorization a = peers.ueDigest.authorize("POST", first.request().target(), body);
        HttpRequestMessage post = new HttpRequestMessage("POST", first.request().target(), first.request().headers()
                .replacing("Content-Length", Integer.toString(body.length()))
                .with("Authorization", a.toHeaderValue()), body);

        try (SecretAudit audit = SecretAudit.begin()) {
            KeyManagementInbound in = peers.bmsc.receive(post);

            assertThat(in).isInstanceOfSatisfying(KeyManagementInbound.Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(RefusalReason.BODY));
            assertThat(audit.createdCount()).isPositive();
            assertThat(audit.undestroyed()).isEmpty();
        }
    }

    @Test
    void aCallRefusedAsAWholeLeavesNoSecret() {
        HttpRequestMessage post = signedRegistration();

        try (SecretAudit audit = SecretAudit.begin()) {
            KeyManagementCall call = (KeyManagementCall) peers.bmsc.receive(post);
            assertThat(audit.undestroyed()).as("the call holds its authentication until answered").isNotEmpty();

            assertThat(peers.bmsc.refuse(call, ItemStatus.SERVICE_UNAVAILABLE, Optional.empty()).status()).isEqualTo(503);

            assertThat(audit.undestroyed()).isEmpty();
        }
    }
}
