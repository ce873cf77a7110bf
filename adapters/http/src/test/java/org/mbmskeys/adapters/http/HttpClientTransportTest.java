package org.mbmskeys.adapters.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.Transport;

/** The client against this module's server, and against plain sockets that misbehave on purpose. */
class HttpClientTransportTest {

    private static final Endpoint UE = Endpoint.of("127.0.0.1", 2269);

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final Inbox<Envelope> atServer = new Inbox<>();
    private final Inbox<Bytes> answers = new Inbox<>();
    private final Inbox<FailedRequest> failures = new Inbox<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    @Test
    void theAnswersBytesReachTheRequestsReplyHandleAndTheConnectionServesTheNextRequest() throws Exception {
        HttpServerTransport server = server();
        HttpClientTransport client = client(HttpClientTransport.builder());

        client.send(request(server.localEndpoint(), HttpServerTransportTest.POST));
        atServer.next().replyHandle().orElseThrow().reply(Answers.ok("first"));
        Bytes first = answers.next();
        client.send(request(server.localEndpoint(), HttpServerTransportTest.POST));
        Envelope second = atServer.next();
        second.replyHandle().orElseThrow().reply(Answers.ok("second"));

        assertThat(first).isEqualTo(Answers.ok("first"));
        assertThat(answers.next()).isEqualTo(Answers.ok("second"));
        assertThat(second.payload()).isEqualTo(Bytes.wrap(HttpServerTransportTest.POST.getBytes(US_ASCII)));
        assertThat(client.counters()).isEqualTo(new HttpClientCounters(2, 2, 1, java.util.Map.of()));
    }

    @Test
    void aServerThatClosesAfterItsAnswerGetsANewConnectionForTheNextRequest() throws Exception {
        HttpServerTransport server = server();
        HttpClientTransport client = client(HttpClientTransport.builder());

        client.send(request(server.localEndpoint(), HttpServerTransportTest.POST));
        atServer.next().replyHandle().orElseThrow().reply(Answers.closing("bye"));
        assertThat(answers.next()).isEqualTo(Answers.closing("bye"));
        client.send(request(server.localEndpoint(), HttpServerTransportTest.POST));
        atServer.next().replyHandle().orElseThrow().reply(Answers.ok("again"));

        assertThat(answers.next()).isEqualTo(Answers.ok("again"));
        assertThat(client.counters().connections()).isEqualTo(2);
    }

    @Test
    void aRouteSendsANamedHostsRequestsToALabAddress() throws Exception {
        HttpServerTransport server = server();
        HttpClientTransport client = client(HttpClientTransport.builder().route("bmsc.example.org", server.localEndpoint()));

        client.send(request(Endpoint.of("bmsc.example.org", 80), HttpServerTransportTest.POST));
        atServer.next().replyHandle().orElseThrow().reply(Answers.ok("routed"));

        assertThat(answers.next()).isEqualTo(Answers.ok("routed"));
    }

    @Test
    void anInterimAnswerIsSkippedAndTheFinalOneHandedOn() throws Exception {
        try (ServerSocket listener = listener()) {
            HttpClientTransport client = client(HttpClientTransport.builder());
            client.send(request(endpoint(listener), HttpServerTransportTest.POST));
            try (Socket s = listener.accept()) {
                // Answer the request once it is here: accept() returns when the kernel has the connection, which may
                // be before the client wrote its request, and an answer to no request is not one.
                readRequest(s.getInputStream());
                s.getOutputStream().write(("HTTP/1.1 100 Continue\r\n\r\n" + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
                        .getBytes(US_ASCII));
                assertThat(new String(answers.next().toByteArray(), US_ASCII)).isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
        }
    }

    @Test
    void noServerMeansConnectFailedAndTheReplyHandleIsNeverCalled() throws Exception {
        int closedPort;
        try (ServerSocket gone = listener()) {
            closedPort = gone.getLocalPort();
        }
        HttpClientTransport client = client(HttpClientTransport.builder().onFailure(failures));

        client.send(request(Endpoint.of("127.0.0.1", closedPort), HttpServerTransportTest.POST));

        FailedRequest failed = failures.next();
        assertThat(failed.failure()).isEqualTo(HttpClientFailure.CONNECT_FAILED);
        assertThat(failed.to()).isEqualTo(Endpoint.of("127.0.0.1", closedPort));
        assertThat(failed.length()).isEqualTo(HttpServerTransportTest.POST.length());
        assertThat(answers.nothingWithin(Duration.ofMillis(50))).isTrue();
        assertThat(client.counters().failed(HttpClientFailure.CONNECT_FAILED)).isEqualTo(1);
    }

    @Test
    void aServerThatClosesBeforeAnsweringOrIsTooSlowOrAnswersGarbageFailsTheRequest() throws Exception {
        try (ServerSocket listener = listener()) {
            HttpClientTransport client = client(HttpClientTransport.builder().onFailure(failures)
                    .responseTimeout(Duration.ofMillis(200)));

            client.send(request(endpoint(listener), HttpServerTransportTest.POST));
            try (Socket s = listener.accept()) {
                readRequest(s.getInputStream());
            }
            assertThat(failures.next().failure()).isEqualTo(HttpClientFailure.CLOSED_EARLY);

            client.send(request(endpoint(listener), HttpServerTransportTest.POST));
            try (Socket s = listener.accept()) {
                assertThat(failures.next().failure()).isEqualTo(HttpClientFailure.TIMED_OUT);
            }

            client.send(request(endpoint(listener), HttpServerTransportTest.POST));
            try (Socket s = listener.accept()) {
                readRequest(s.getInputStream());   // answered once it is in (see anInterimAnswerIsSkipped...)
                OutputStream out = s.getOutputStream();
                out.write("SSH-2.0-OpenSSH_9.2\r\n\r\n".getBytes(US_ASCII));
                out.flush();
                assertThat(failures.next().failure()).isEqualTo(HttpClientFailure.MALFORMED);
            }
            assertThat(answers.nothingWithin(Duration.ofMillis(50))).isTrue();
        }
    }

    @Test
    void anAnswerOverTheLimitFailsTheRequest() throws Exception {
        try (ServerSocket listener = listener()) {
            HttpClientTransport client = client(HttpClientTransport.builder().onFailure(failures).maxResponseBytes(1024));
            client.send(request(endpoint(listener), HttpServerTransportTest.POST));
            try (Socket s = listener.accept()) {
                readRequest(s.getInputStream());
                s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 2000\r\n\r\n" + "a".repeat(2000)).getBytes(US_ASCII));
                assertThat(failures.next().failure()).isEqualTo(HttpClientFailure.TOO_LARGE);
            }
        }
    }

    @Test
    void theClientCarriesRequestsOnlyAndCombinedWithADatagramTransportItTakesTheRequests() throws Exception {
        HttpServerTransport server = server();
        HttpClientTransport client = client(HttpClientTransport.builder());
        List<Envelope> datagrams = new ArrayList<>();
        Transport ueSide = Transport.combining(new Transport() {
            @Override
            public void send(Envelope envelope) {
                datagrams.add(envelope);
            }

            @Override
            public void receive(java.util.function.Consumer<Envelope> handler) {
            }
        }, client);

        assertThatThrownBy(() -> client.send(Envelope.of(UE, server.localEndpoint(), Bytes.ofHex("01"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Transport.combining");
        ueSide.receive(e -> { });
        ueSide.send(Envelope.of(UE, server.localEndpoint(), Bytes.ofHex("01")));
        ueSide.send(request(server.localEndpoint(), HttpServerTransportTest.POST));
        atServer.next().replyHandle().orElseThrow().reply(Answers.ok("combined"));

        assertThat(answers.next()).isEqualTo(Answers.ok("combined"));
        assertThat(datagrams).hasSize(1);
    }

    private Envelope request(Endpoint to, String wire) {
        return Envelope.of(UE, to, Bytes.wrap(wire.getBytes(US_ASCII))).withReplyHandle(a -> answers.accept((Bytes) a));
    }

    private HttpServerTransport server() {
        HttpServerTransport server = HttpServerTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).open();
        opened.add(server);
        server.receive(atServer);
        return server;
    }

    private HttpClientTransport client(HttpClientTransport.Builder builder) {
        HttpClientTransport client = builder.open();
        opened.add(client);
        return client;
    }

    private static ServerSocket listener() throws Exception {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        s.setSoTimeout(5000);
        return s;
    }

    private static Endpoint endpoint(ServerSocket s) {
        return Endpoint.of("127.0.0.1", s.getLocalPort());
    }

    private static void readRequest(InputStream in) throws Exception {
        in.readNBytes(HttpServerTransportTest.POST.length());
    }
}
