package org.mbmskeys.adapters.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.app.JsonCheck;
import org.mbmskeys.adapters.http.HttpServerTransport;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.udp.UdpTransport;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.engine.spi.Scheduler;
import org.mbmskeys.engine.spi.Transport;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;

/**
 * The shape a BM-SC process has: the BM-SC on real UDP and HTTP sockets, on the system clock with its engine lanes
 * (not step by step), and the admin server on the same event loop group. The admin actions take effect and their
 * answers already see them (a query waits for the session's lane), and nothing fails inside the BM-SC.
 */
class AdminOnSharedEventLoopsTest {

    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final Scheduler clock = Scheduler.system();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final UdpTransport udp = UdpTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).multicastInterface("lo")
            .eventLoops(loops).open();
    private final HttpServerTransport http = HttpServerTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).eventLoops(loops).open();
    private final Bmsc bmsc = Bmsc.builder(AdminLab.BMSC)
            .bootstrapping(new SimulatedBsf("bsf.example.org", clock::now, RandomBytes.secure(), Duration.ofDays(1)))
            .transport(Transport.combining(udp, http)).httpCodec(HttpWire.codec()).scheduler(clock)
            .listener(new ProcedureListener() {
                @Override
                public void failed(InstanceRef instance, String state, Throwable cause) {
                    failures.add(instance + " in " + state + ": " + cause);
                }

                @Override
                public void effectFailed(InstanceRef instance, String effect, Throwable cause) {
                    failures.add(instance + " effect " + effect + ": " + cause);
                }
            }).build();
    private final AdminServer admin;
    private final HttpClient client = HttpClient.newHttpClient();

    AdminOnSharedEventLoopsTest() {
        bmsc.defineService("tv", ServiceType.STREAMING, AdminLab.LIVE);
        bmsc.defineStreamingSession("tv-live", AdminLab.LIVE, Endpoint.of("239.255.42.99", 5004),
                StreamingSession.of(0x5eed0001L, 0, 10, SrtpAuthentication.RCCM1));
        admin = AdminServer.builder(bmsc).token(SecretBytes.wrap(AdminLab.TOKEN.getBytes(StandardCharsets.US_ASCII)))
                .bind(Endpoint.of("127.0.0.1", 0)).eventLoops(loops).open();
    }

    @AfterEach
    void close() {
        admin.close();
        bmsc.close();
        http.close();
        udp.close();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private Map<String, Object> post(String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + admin.localEndpoint().port() + path)).header("Authorization", "Bearer " + AdminLab.TOKEN)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonCheck.object(response.body());
    }

    @Test
    void actionsTakeEffectAndTheirAnswersSeeThem() throws Exception {
        Map<String, Object> rotated = post("/v1/key-groups/001-01/0202/rotate");
        assertThat(bmsc.currentMsk(AdminLab.LIVE).map(MskRef::toString)).hasValue((String) rotated.get("msk"));

        assertThat(post("/v1/streaming-sessions/tv-live/start")).containsEntry("mtkDelivery", "running");
        assertThat(post("/v1/streaming-sessions/tv-live/next-mtk")).containsEntry("mtkDelivery", "running");
        assertThat(post("/v1/streaming-sessions/tv-live/stop")).containsEntry("mtkDelivery", "stopped");

        assertThat(bmsc.mtkDeliveryRunning("tv-live")).isFalse();
        assertThat(failures).isEmpty();
        assertThat(loops.isShuttingDown()).isFalse();
    }
}
