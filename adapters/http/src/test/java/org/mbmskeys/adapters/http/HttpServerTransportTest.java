package org.mbmskeys.adapters.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;

/**
 * The server on a loopback port, driven by a plain socket writing the bytes a client (or an attacker) would.
 * Every wait is for bytes or a close, with a time-out; none is a sleep.
 */
class HttpServerTransportTest {

    static final String POST = "POST /keymanagement?requesttype=register HTTP/1.1\r\nHost: bmsc.example.org\r\n"
            + "Content-Type: application/vnd.3gpp.mbms-register+xml\r\nContent-Length: 5\r\n\r\nhello";

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final Inbox<Envelope> requests = new Inbox<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    @Test
    void aRequestReachesTheReceiverAsItsBytesFromTheClientAndTheAnswersBytesGoBack() throws Exception {
        HttpServerTransport server = server(HttpServerTransport.builder());
        RawClient client = client(server);

        client.write(POST);
        Envelope request = requests.next();
        request.replyHandle().orElseThrow().reply(Answers.ok("registered"));

        assertThat(request.payload()).isEqualTo(Bytes.wrap(POST.getBytes(US_ASCII)));
        assertThat(request.from()).isEqualTo(client.localEndpoint());
        assertThat(request.to()).isEqualTo(server.localEndpoint());
        assertThat(client.readResponse()).isEqualTo(new String(Answers.ok("registered").toByteArray(), US_ASCII));
        assertThat(server.counters()).isEqualTo(new HttpServerCounters(1, 1, java.util.Map.of()));
    }

    @Test
    void pipelinedRequestsAreHandedOnOneAtATimeAndAnsweredInTheirOrderOnAKeptConnection() throws Exception {
        HttpServerTransport server = server(HttpServerTransport.builder());
        RawClient client = client(server);

        client.write(POST + POST.replace("hello", "world"));
        Envelope first = requests.next();
        assertThat(requests.nothingWithin(Duration.ofMillis(100))).as("the second waits for the first's answer").isTrue();
        first.replyHandle().orElseThrow().reply(Answers.ok("one"));
        Envelope second = requests.next();
        second.replyHandle().orElseThrow().reply(Answers.ok("two"));

        assertThat(first.payload().length()).isEqualTo(POST.length());
        assertThat(new String(second.payload().toByteArray(), US_ASCII)).endsWith("world");
        assertThat(client.readResponse()).endsWith("one");
        assertThat(client.readResponse()).endsWith("two");
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void bytesThatAreNotHttpAreRefusedWith400AndTheConnectionCloses() throws Exception {
        HttpServerTransport server = server(HttpServerTransport.builder());
        RawClient client = client(server);

        client.write("\u0001\u0002MIKEY? no.\r\n\r\n");

        assertThat(client.readResponse()).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Connection: close")
                .contains("not an HTTP/1.1 request");
        assertThat(client.closedByServer()).isTrue();
        assertThat(server.counters().refused(400)).isEqualTo(1);
        assertThat(server.counters().requests()).isZero();
    }

    @Test
    void tooLongARequestLineHeadersOrBodyAreRefusedWith414431And413() throws Exception {
        HttpServerTransport server = server(HttpServerTransport.builder().maxRequestBytes(2048));

        RawClient longLine = client(server);
        longLine.write("POST /keymanagement?x=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: b\r\n\r\n");
        RawClient longHeaders = client(server);
        longHeaders.write("POST /keymanagement HTTP/1.1\r\nHost: b\r\nX-Filler: " + "a".repeat(9000) + "\r\n\r\n");
        RawClient announcedTooLong = client(server);
        announcedTooLong.write("POST /keymanagement HTTP/1.1\r\nHost: b\r\nContent-Length: 4096\r\n\r\n");
        RawClient chunkedTooLong = client(server);
        chunkedTooLong.write("POST /keymanagement HTTP/1.1\r\nHost: b\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "800\r\n" + "a".repeat(2048) + "\r\n0\r\n\r\n");

        assertThat(longLine.readResponse()).startsWith("HTTP/1.1 414 ");
        assertThat(longHeaders.readResponse()).startsWith("HTTP/1.1 431 ");
        assertThat(announcedTooLong.readResponse()).startsWith("HTTP/1.1 413 ").contains("longer than 2048 bytes");
        assertThat(chunkedTooLong.readResponse()).startsWith("HTTP/1.1 413 ");
        assertThat(chunkedTooLong.closedByServer()).isTrue();
        assertThat(requests.nothingWithin(Duration.ofMillis(50))).isTrue();
        assertThat(server.counters().refused()).containsEntry(414, 1L).containsEntry(431, 1L).containsEntry(413, 2L);
    }

    /**
     * A client that sends its whole body without waiting (curl, most libraries) is still sending when the 413 goes
     * out: the server reads and drops the rest rather than closing on it, which would make the kernel reset the
     * connection and could destroy the 413 before the client reads it.
     */
    @Test
    void aClientStillSendingItsOversizedBodyReadsThe413() throws Exception {
        HttpServerTransport server = server(HttpServerTransport.builder().maxRequestBytes(2048));
        RawClient client = client(server);

        client.write("POST /keymanagement HTTP/1.1\r\nHost: b\r\nContent-Length: 8000000\r\n\r\n");
        client.write("a".repeat(8_000_000));   // more than the socket buffers hold: the server must read it

        assertThat(client.readResponse()).startsWith("HTTP/1.1 413 ");
        assertThat(client.closedByServer()).isTrue();
        assertThat(server.counters().refused()).containsEntry(413, 1L);
    }

    @Test
    void aClientThatExpects100ContinueGetsItBeforeItSendsTheBody() throws Exception {
        HttpServerTransport server = server(HttpServerTransport.builder());
        RawClient client = client(server);

        client.write("POST /keymanagement HTTP/1.1\r\nHost: b\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
        assertThat(client.readResponse()).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
        client.write("hello");
        Envelope request = requests.next();
        request.replyHandle().orElseThrow().reply(Answers.ok("fine"));

        assertThat(new String(request.payload().toByteArray(), US_ASCII)).endsWith("\r\n\r\nhello");
        assertThat(client.readResponse()).endsWith("fine");
    }

    @Test
    void anUnansweredRequestGets503AfterTheReplyTimeOutAndALateAnswerIsDropped() throws Exception {
        HttpServerTransport server = server(HttpServerTransport.builder().replyTimeout(Duration.ofMillis(100)));
        RawClient client = client(server);

        client.write(POST);
        Envelope request = requests.next();

        assertThat(client.readResponse()).startsWith("HTTP/1.1 503 Service Unavailable").contains("no answer within 100 ms");
        request.replyHandle().orElseThrow().reply(Answers.ok("too late"));
        assertThat(client.closedByServer()).isTrue();
        assertThat(server.counters().refused(503)).isEqualTo(1);
        assertThat(server.counters().answered()).isZero();
    }

    @Test
    void aHalfSentRequestGets408AndAnIdleConnectionIsClosed() throws Exception {
        HttpServerTransport server = server(HttpServerTransport.builder().idleTimeout(Duration.ofMillis(100)));
        RawClient slow = client(server);
        RawClient idle = client(server);

        slow.write("POST /keymanagement HTTP/1.1\r\nHost: b\r\nContent-Length: 10\r\n\r\nhel");

        assertThat(slow.readResponse()).startsWith("HTTP/1.1 408 Request Timeout");
        assertThat(idle.closedByServer()).isTrue();
    }

    @Test
    void aClientThatShutsItsOutputAfterItsRequestsGetsTheAnswersAndOneThatShutsItMidRequestGets400() throws Exception {
        HttpServerTransport server = server(HttpServerTransport.builder());
        RawClient whole = client(server);
        RawClient partial = client(server);
        RawClient silent = client(server);

        whole.write(POST + POST);
        whole.shutdownOutput();
        requests.next().replyHandle().orElseThrow().reply(Answers.ok("still answered"));
        requests.next().replyHandle().orElseThrow().reply(Answers.ok("the second too"));
        partial.write("POST /keymanagement HTTP/1.1\r\nHost: b\r\nContent-Le");
        partial.shutdownOutput();
        silent.shutdownOutput();

        assertThat(whole.readResponse()).endsWith("still answered");
        assertThat(whole.readResponse()).endsWith("the second too");
        assertThat(whole.closedByServer()).isTrue();
        assertThat(partial.readResponse()).startsWith("HTTP/1.1 400 Bad Request").contains("ended before it was whole");
        assertThat(silent.closedByServer()).isTrue();
        assertThat(requests.nothingWithin(Duration.ofMillis(50))).isTrue();
    }

    @Test
    void theReplyHandleTakesBytesOnlyAndOnce() throws Exception {
        HttpServerTransport server = server(HttpServerTransport.builder());
        RawClient client = client(server);
        client.write(POST);
        Envelope request = requests.next();

        assertThatThrownBy(() -> request.replyHandle().orElseThrow().reply("200 OK"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("answers with Bytes");
        request.replyHandle().orElseThrow().reply(Answers.ok("once"));
        assertThatThrownBy(() -> request.replyHandle().orElseThrow().reply(Answers.ok("twice")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("answered already");
        assertThat(client.readResponse()).endsWith("once");
    }

    @Test
    void aReceiverThatThrowsGets500AndTheServerSendsNothingOfItsOwn() throws Exception {
        HttpServerTransport server = HttpServerTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).open();
        opened.add(server);
        server.receive(e -> {
            throw new IllegalStateException("a router bug");
        });
        RawClient client = client(server);

        client.write(POST);

        assertThat(client.readResponse()).startsWith("HTTP/1.1 500 Internal Server Error");
        assertThatThrownBy(() -> server.send(Envelope.of(server.localEndpoint(), client.localEndpoint(), Bytes.ofHex("01"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Transport.combining");
        assertThatThrownBy(() -> server.receive(e -> { })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> HttpServerTransport.builder().bind(server.localEndpoint()).open())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot listen for HTTP on");
    }

    private HttpServerTransport server(HttpServerTransport.Builder builder) {
        HttpServerTransport server = builder.bind(Endpoint.of("127.0.0.1", 0)).open();
        opened.add(server);
        server.receive(requests);
        return server;
    }

    private RawClient client(HttpServerTransport server) throws Exception {
        RawClient c = new RawClient(server.localEndpoint());
        opened.add(c);
        return c;
    }
}
