package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.memory.MemoryNetwork;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.HttpHeaders;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.testkit.TraceRecorder;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * What reaches the BM-SC and is no key management request it serves: bytes that are no HTTP request get
 * 400, a request for another path or method is refused without starting a procedure, a key management
 * request without Digest credentials is challenged (401), a datagram that is not a verification message
 * of a running push is dropped; and the builder's required parts.
 */
class BmscAnswersWhatNamesNoProcedureTest {

    private final TraceRecorder trace = new TraceRecorder();
    private final RolesWorld world = new RolesWorld(b -> b.listener(trace));
    private final List<Object> answers = new ArrayList<>();

    private void request(Bytes payload) {
        world.network.node("mallory").send(Envelope.of(Endpoint.of("mallory", 40000), Endpoint.of(RolesWorld.BMSC, 80), payload)
                .withReplyHandle(answers::add));
        world.settle();
    }

    private HttpResponseMessage onlyAnswer() {
        assertThat(answers).hasSize(1);
        return world.codec.decodeResponse((Bytes) answers.get(0));
    }

    @Test
    void bytesThatAreNoHttpRequestAreAnsweredWith400() {
        request(Bytes.wrap("GARBAGE".getBytes(StandardCharsets.US_ASCII)));

        HttpResponseMessage answer = onlyAnswer();
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Length")).contains("0");
        assertThat(trace.instances()).isEmpty();
    }

    @Test
    void aRequestForAnotherPathIsRefusedHereWithoutAProcedure() {
        request(world.codec.encode(new HttpRequestMessage("GET", "/index.html", HttpHeaders.of("Host", RolesWorld.BMSC),
                Bytes.empty())));

        assertThat(onlyAnswer().status()).isBetween(400, 499);
        assertThat(trace.instances()).isEmpty();
    }

    @Test
    void aKeyManagementRequestWithoutCredentialsIsChallenged() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, RolesWorld.NEWS);
        request(world.codec.encode(new HttpRequestMessage("POST", "/keymanagement?requesttype=register",
                HttpHeaders.of("Host", RolesWorld.BMSC, "Content-Type", "application/mbms-register+xml",
                        "User-Agent", "test 3gpp-gba"), Bytes.empty())));

        HttpResponseMessage answer = onlyAnswer();
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).get().asString().startsWith("Digest");
        assertThat(trace.instances()).singleElement()
                .satisfies(i -> assertThat(i.procedure()).isEqualTo(Bmsc.REGISTRATION));
    }

    @Test
    void aKeyManagementRequestOfAUeWithoutGbaIsForbidden() {
        request(world.codec.encode(new HttpRequestMessage("POST", "/keymanagement?requesttype=msk-request",
                HttpHeaders.of("Host", RolesWorld.BMSC, "Content-Type", "application/mbms-msk+xml"), Bytes.empty())));

        assertThat(onlyAnswer().status()).isEqualTo(403);
        assertThat(trace.instances()).singleElement()
                .satisfies(i -> assertThat(i.procedure()).isEqualTo(Bmsc.MSK_REQUEST));
    }

    @Test
    void aDatagramThatAcknowledgesNoPushIsDropped() {
        world.network.node("mallory").send(Envelope.of(Endpoint.of("mallory", 2269), Endpoint.of(RolesWorld.BMSC, 2269),
                Bytes.wrap(new byte[] {1, 2, 3})));
        world.settle();

        assertThat(trace.instances()).isEmpty();
        assertThat(world.sent()).hasSize(1);   // nothing answered
    }

    @Test
    void theDefinedServicesAndTheFqdnAreReported() {
        world.bmsc.defineService("news", ServiceType.DOWNLOAD, RolesWorld.NEWS);
        world.bmsc.defineService("more-news", ServiceType.DOWNLOAD, RolesWorld.NEWS);

        assertThat(world.bmsc.services()).extracting(s -> s.serviceId().toString()).containsExactlyInAnyOrder("news", "more-news");
        assertThat(world.bmsc.fqdn()).isEqualTo(RolesWorld.BMSC);
        assertThat(world.bmsc).hasToString("BM-SC " + RolesWorld.BMSC);
        assertThat(world.bmsc.currentMsk(RolesWorld.LIVE)).isEmpty();
        assertThat(world.bmsc.currentMsk(RolesWorld.NEWS)).isEmpty();
    }

    @Test
    void aBmscNeedsBootstrappingTransportCodecAndScheduler() {
        ManualScheduler time = new ManualScheduler();
        MemoryNetwork network = MemoryNetwork.builder(time).build();
        Bmsc.Builder noScheduler = Bmsc.builder("b").bootstrapping(world.bsf).transport(network.node("b"))
                .httpCodec(world.codec);
        assertThatThrownBy(noScheduler::build).isInstanceOf(IllegalStateException.class).hasMessageEndingWith("; missing: scheduler(...)");
        assertThatThrownBy(() -> Bmsc.builder("c").transport(network.node("c")).httpCodec(world.codec).scheduler(time).build())
                .isInstanceOf(IllegalStateException.class).hasMessageEndingWith("; missing: bootstrapping(...)");
        assertThatThrownBy(() -> Bmsc.builder("d").bootstrapping(world.bsf).httpCodec(world.codec).scheduler(time).build())
                .isInstanceOf(IllegalStateException.class).hasMessageEndingWith("; missing: transport(...)");
        assertThatThrownBy(() -> Bmsc.builder("e").bootstrapping(world.bsf).transport(network.node("e")).scheduler(time).build())
                .isInstanceOf(IllegalStateException.class).hasMessageEndingWith("; missing: httpCodec(...)");
        assertThatThrownBy(() -> Bmsc.builder("f").build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("a BM-SC needs bootstrapping(...), transport(...), httpCodec(...) and scheduler(...); missing: "
                        + "bootstrapping(...), transport(...), httpCodec(...), scheduler(...)");
    }
}
