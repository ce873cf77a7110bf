package org.mbmskeys.adapters.app.ub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.gba.BootstrappingContext;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.NafKeys;
import org.mbmskeys.mbms.gba.simulated.BootstrappingException;
import org.mbmskeys.mbms.gba.simulated.BootstrappingFailure;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;
import org.mbmskeys.mbms.gba.simulated.SimulatedUsim;
import org.mbmskeys.mbms.gba.simulated.Sqn;

/** Ub over real HTTP on loopback: the simulated BSF's server and the UE's Digest AKA client. */
class UbOverHttpTest {

    private static final String IMPI = "001010123456781@ims.mnc001.mcc001.3gppnetwork.org";
    private static final SecretBytes K = SecretBytes.ofHex("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final SecretBytes OPC = SecretBytes.ofHex("cd63cb71954a9f4e48a5994e37a02baf");
    private static final NafId NAF = NafId.forMbms("bmsc.example.org");

    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final SimulatedBsf bsf = new SimulatedBsf("bsf.example.org", Instant::now, RandomBytes.secure(), Duration.ofHours(1));
    private BsfServer server;
    private URI url;

    @BeforeEach
    void start() {
        bsf.addSubscriber(IMPI, K, OPC, Sqn.of(32), GbaMode.GBA_ME);
        server = new BsfServer(bsf, Endpoint.of("127.0.0.1", 0), loops);
        url = URI.create("http://127.0.0.1:" + server.localEndpoint().port() + "/");
    }

    @AfterEach
    void stop() {
        server.close();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private UbHttpClient ue(SecretBytes k, Sqn sqn) {
        return new UbHttpClient(new SimulatedUsim(IMPI, k, OPC, sqn, GbaMode.GBA_ME), url, "bsf.example.org");
    }

    @Test
    void aUsimBootstrapsOverHttpAndBothSidesHoldTheSameKeys() {
        BootstrappingContext ue = ue(K, Sqn.of(0)).bootstrap();

        NafKeyLookup atBsf = bsf.lookUp(ue.bTid(), NAF);
        assertThat(atBsf).isInstanceOf(NafKeyLookup.Found.class);
        assertThat(((NafKeyLookup.Found) atBsf).keys().ksExtNaf()).isEqualTo(NafKeys.ksExtNaf(ue, NAF));
        assertThat(ue.impi()).isEqualTo(IMPI);
        assertThat(bsf.bootstrappings(IMPI)).singleElement().satisfies(c -> {
            assertThat(c.bTid()).isEqualTo(ue.bTid());
            assertThat(c.expiresAt()).isEqualTo(ue.expiresAt());
        });
    }

    @Test
    void aUsimAheadOfTheBsfResynchronisesAndThenBootstraps() {
        BootstrappingContext ue = ue(K, Sqn.of(1000)).bootstrap();
        assertThat(bsf.lookUp(ue.bTid(), NAF)).isInstanceOf(NafKeyLookup.Found.class);
    }

    @Test
    void aUsimWithAnotherKRejectsTheChallengeAndNothingIsStored() {
        SecretBytes other = SecretBytes.ofHex("465b5ce8b199b49faa5f0a2ee238a6bd");
        assertThatThrownBy(() -> ue(other, Sqn.of(0)).bootstrap()).isInstanceOfSatisfying(BootstrappingException.class,
                e -> assertThat(e.reason()).isEqualTo(BootstrappingFailure.MAC_FAILURE));
        assertThat(bsf.bootstrappings(IMPI)).isEmpty();
    }

    @Test
    void anUnknownSubscriberIsRefused() {
        UbHttpClient stranger = new UbHttpClient(new SimulatedUsim("999990000000001@ims.example.org", K, OPC, Sqn.of(0),
                GbaMode.GBA_ME), url, "bsf.example.org");
        assertThatThrownBy(stranger::bootstrap).isInstanceOfSatisfying(BootstrappingException.class,
                e -> assertThat(e.reason()).isEqualTo(BootstrappingFailure.UNKNOWN_IMPI));
    }

    @Test
    void aWrongProofOfResIsRefusedAndAMalformedRequestIsA400() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> challenge = http.send(HttpRequest.newBuilder(url).header("Authorization",
                "Digest username=\"" + IMPI + "\", realm=\"bsf.example.org\", nonce=\"\", uri=\"/\", response=\"\"").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(challenge.statusCode()).isEqualTo(401);
        String www = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertThat(www).contains("algorithm=AKAv1-MD5", "qop=\"auth-int\"", "realm=\"bsf.example.org\"");
        String nonce = AuthParams.parseDigest(www).text("nonce");

        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(url).header("Authorization", "Digest username=\"" + IMPI
                + "\", realm=\"bsf.example.org\", nonce=\"" + nonce + "\", uri=\"/\", qop=auth-int, nc=00000001, "
                + "cnonce=\"0a0b\", response=\"00000000000000000000000000000000\", algorithm=AKAv1-MD5").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(bsf.bootstrappings(IMPI)).isEmpty();

        HttpResponse<String> malformed = http.send(HttpRequest.newBuilder(url).header("Authorization", "Basic Zm9vOmJhcg==")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(400);
    }
}
