package org.mbmskeys.features.wire;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.features.wire.LoopbackLab.NEWS;
import static org.mbmskeys.features.wire.LoopbackLab.SERVICE;
import static org.mbmskeys.features.wire.LoopbackLab.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.udp.DropReason;
import org.mbmskeys.adapters.udp.UdpTransport;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * A BM-SC on loopback sockets takes a seeded stream of random and mutated datagrams and HTTP requests, then
 * serves a normal registration and push: nothing it received made a procedure fail, and the transports counted
 * what they dropped or refused. (The benchmark's hostile run, with 100,000 inputs, is in {@code benchmarks/};
 * this is the test-sized one.)
 */
class HostileInputOnLoopbackTest {

    private static final int DATAGRAMS = 3_000;
    private static final int REQUESTS = 300;
    private static final String POST = "POST /keymanagement?requesttype=register HTTP/1.1\r\nHost: bmsc.example.org\r\n"
            + "User-Agent: x 3gpp-gba\r\nContent-Type: application/mbms-register+xml\r\nContent-Length: 140\r\n"
            + "Authorization: Digest username=\"AAECAwQFBgcICQoLDA0ODw==@bsf.example.org\", realm=\"3GPP-bootstrapping@"
            + "bmsc.example.org\", nonce=\"AAAA\", uri=\"/keymanagement?requesttype=register\", response=\"00\", "
            + "qop=auth-int, nc=00000001, cnonce=\"c\"\r\n\r\n<?xml version=\"1.0\" encoding=\"UTF-8\"?><mbmsSecurityRegister "
            + "xmlns=\"urn:3GPP:metadata:2005:MBMS:securityRegistration\"><serviceID>a</serviceID></mbmsSecurityRegister>";

    private final Random random = new Random(33246);
    private LoopbackLab lab;

    @AfterEach
    void close() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void randomAndMutatedDatagramsAndRequestsChangeNothingAndARegistrationStillWorks() throws Exception {
        lab = new LoopbackLab(b -> { });
        lab.bmsc.defineService(SERVICE, ServiceType.DOWNLOAD, NEWS);
        MskRef msk = lab.bmsc.rotate(NEWS);

        int oversized = sendDatagrams(lab.bmscUdp.localEndpoint());
        long receivedOfThem = lab.bmscUdp.counters().received();
        List<String> firstLines = sendRequests(lab.bmscHttp.localEndpoint());

        UdpTransport udp = lab.ueSocket("127.0.0.4", UdpTransport.MIKEY_PORT);
        lab.ue("alice", 1, udp, "127.0.0.4", b -> { });
        await(lab.atUes, o -> o instanceof UeOutcome.MskReceived r && r.msk().equals(msk));
        await(lab.bmscEnded, i -> i.procedure().equals("bmsc.msk-push"));

        assertThat(lab.bmscFailures).as("no BM-SC procedure failed").isEmpty();
        assertThat(lab.bmsc.registration(LoopbackLab.impi(1))).isPresent();
        assertThat(lab.bmscUdp.counters().dropped(DropReason.OVERSIZED)).isEqualTo(oversized);
        assertThat(lab.bmscUdp.counters().dropped(DropReason.RECEIVER_FAILED)).isZero();
        assertThat(receivedOfThem).isEqualTo(DATAGRAMS - oversized);
        assertThat(firstLines).as("every request got an answer from the BM-SC: none a 500, none the reply time-out's 503")
                .hasSize(REQUESTS).allSatisfy(line -> assertThat(line).startsWith("HTTP/1.1 ").doesNotContain(" 500 ", " 503 "));
        assertThat(lab.bmscHttp.counters().refused()).doesNotContainKeys(500, 503);
        assertThat(firstLines).anySatisfy(l -> assertThat(l).startsWith("HTTP/1.1 400"))
                .anySatisfy(l -> assertThat(l).startsWith("HTTP/1.1 401"));
    }

    /** Random datagrams, some over the limit, some a MIKEY-like header with a random tail; returns how many were over. */
    private int sendDatagrams(Endpoint bmsc) throws IOException {
        int over = 0;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            InetSocketAddress to = new InetSocketAddress(bmsc.host(), bmsc.port());
            for (int i = 0; i < DATAGRAMS; i++) {
                int length = random.nextInt(10) == 0 ? UdpTransport.DEFAULT_MAX_DATAGRAM_BYTES + 1 + random.nextInt(3000)
                        : random.nextInt(400);
                byte[] datagram = new byte[length];
                random.nextBytes(datagram);
                if (length > 4 && random.nextBoolean()) {
                    datagram[0] = 0x01;                         // MIKEY version 1
                    datagram[1] = (byte) random.nextInt(8);     // a data type, often a valid one
                }
                if (length > UdpTransport.DEFAULT_MAX_DATAGRAM_BYTES) {
                    over++;
                }
                socket.send(new DatagramPacket(datagram, length, to));
                if (i % 20 == 19) {
                    readUpTo(i + 1);   // UDP has no flow control: let the BM-SC read what is in its socket buffer
                }
            }
        }
        return over;
    }

    /** Waits (spinning, five seconds at most) until the BM-SC's UDP transport has read {@code sent} datagrams. */
    private void readUpTo(int sent) {
        long end = System.nanoTime() + 5_000_000_000L;
        while (read() < sent && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        assertThat(read()).as("datagrams read by the BM-SC").isEqualTo(sent);
    }

    private long read() {
        return lab.bmscUdp.counters().received() + lab.bmscUdp.counters().dropped(DropReason.OVERSIZED);
    }

    /** Random bytes, and a Digest-looking POST with bytes flipped at random; returns each answer's first line. */
    private List<String> sendRequests(Endpoint bmsc) throws IOException {
        List<String> firstLines = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            byte[] request;
            if (i % 3 == 0) {
                request = new byte[1 + random.nextInt(600)];
                random.nextBytes(request);
                request[request.length - 1] = '\n';
            } else {
                request = POST.getBytes(US_ASCII);
                for (int flips = random.nextInt(4); flips > 0; flips--) {
                    request[random.nextInt(request.length)] = (byte) random.nextInt(256);
                }
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(bmsc.host(), bmsc.port()), 5000);
                socket.setSoTimeout(15_000);
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                socket.shutdownOutput();   // the request is all there is: a half-sent one is answered at end of input
                firstLines.add(firstLine(socket.getInputStream()));
            }
        }
        return firstLines;
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        try {
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                line.append((char) b);
            }
        } catch (SocketTimeoutException e) {
            return "no answer: " + line;
        }
        return line.toString().strip();
    }
}
