package org.mbmskeys.adapters.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;

/**
 * Where the admin server listens: loopback by default, another address only when allowed explicitly; a port in use
 * or a missing token stops it from starting with a clear message; a shared event loop group outlives it.
 */
class AdminServerBindingTest {

    private final AdminLab lab = new AdminLab();
    private final SecretBytes token = SecretBytes.wrap(AdminLab.TOKEN.getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    @AfterEach
    void close() {
        lab.close();
    }

    @Test
    void listensOnLoopbackByDefault() {
        assertThat(AdminServer.DEFAULT_PORT).isEqualTo(9269);
        assertThat(lab.admin.localEndpoint().host()).isEqualTo("127.0.0.1");
        assertThat(lab.admin.localEndpoint().port()).isPositive();
    }

    @Test
    void aNonLoopbackAddressIsRefusedUnlessAllowed() throws Exception {
        assertThatThrownBy(() -> AdminServer.builder(lab.bmsc).token(token).bind(Endpoint.of("0.0.0.0", 0)).open())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0.0.0.0, which is not a loopback address").hasMessageContaining("allowNonLoopback");

        try (AdminServer open = AdminServer.builder(lab.bmsc).token(token).bind(Endpoint.of("0.0.0.0", 0))
                .allowNonLoopback(true).open()) {
            HttpResponse<String> answer = lab.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + open.localEndpoint().port() + "/v1/services")).header("Authorization", "Bearer " + AdminLab.TOKEN)
                    .timeout(Duration.ofSeconds(30)).build());
            assertThat(answer.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aHostNameIsNotAnAddressToListenOn() {
        assertThatThrownBy(() -> AdminServer.builder(lab.bmsc).bind(Endpoint.of("localhost", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IP address literal");
    }

    @Test
    void withoutATokenItDoesNotStart() {
        assertThatThrownBy(() -> AdminServer.builder(lab.bmsc).bind(Endpoint.of("127.0.0.1", 0)).open())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bearer token");
    }

    @Test
    void aPortInUseIsAClearFailure() {
        int taken = lab.admin.localEndpoint().port();

        assertThatThrownBy(() -> AdminServer.builder(lab.bmsc).token(token).bind(Endpoint.of("127.0.0.1", taken)).open())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot listen for the admin API on 127.0.0.1:" + taken);
    }

    @Test
    void aSharedEventLoopGroupStaysUpAfterTheServerCloses() throws Exception {
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            AdminServer first = AdminServer.builder(lab.bmsc).token(token).bind(Endpoint.of("127.0.0.1", 0)).eventLoops(loops).open();
            int port = first.localEndpoint().port();
            assertThat(services(port).statusCode()).isEqualTo(200);

            first.close();

            assertThat(loops.isShuttingDown()).isFalse();
            // Whether the port is free again is not checked: once freed, any process on this machine may be given it
            // (on a busy build machine one was).
            try (AdminServer second = AdminServer.builder(lab.bmsc).token(token).bind(Endpoint.of("127.0.0.1", 0))
                    .eventLoops(loops).open()) {
                assertThat(services(second.localEndpoint().port()).statusCode()).as("the group still serves").isEqualTo(200);
            }
        } finally {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    private HttpResponse<String> services(int port) throws Exception {
        return lab.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/services"))
                .header("Authorization", "Bearer " + AdminLab.TOKEN).timeout(Duration.ofSeconds(30)).build());
    }
}
