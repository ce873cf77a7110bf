package org.mbmskeys.adapters.memory;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.HttpCodec;
import org.mbmskeys.engine.spi.HttpHeaders;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.engine.spi.HttpResponseMessage;

/**
 * HTTP/1.1 exchanges cross the network as wire bytes, as over a socket: made and read with the codec the roles use
 * ({@link HttpWire#codec()}, Netty's), captured as the bytes a socket would carry.
 */
class HttpOverTheNetworkTest {

    private final HttpCodec codec = HttpWire.codec();

    @Test
    void aRequestAndItsResponseCrossTheNetworkAsWireBytesThatParseBack() {
        Peers p = new Peers(1, "ue-1");
        List<String> seenByBmsc = new ArrayList<>();
        p.network.node("bmsc").receive(e -> {
            HttpRequestMessage request = codec.decodeRequest((Bytes) e.payload());
            seenByBmsc.add(request.method() + " " + request.target() + " " + new String(request.body().toByteArray(), US_ASCII));
            e.replyHandle().orElseThrow().reply(codec.encode(new HttpResponseMessage(200, "OK", HttpHeaders.of(),
                    Bytes.wrap("done".getBytes(US_ASCII)))));
        });
        List<Object> answers = new ArrayList<>();
        Bytes post = codec.encode(new HttpRequestMessage("POST", "/keymanagement",
                HttpHeaders.of("Host", "bmsc", "Content-Type", "application/xml"), Bytes.wrap("<register/>".getBytes(US_ASCII))));

        p.node("ue-1").send(Envelope.of(Peers.at("ue-1"), Peers.at("bmsc"), post).withReplyHandle(answers::add));
        p.time.runDue();

        assertThat(seenByBmsc).containsExactly("POST /keymanagement <register/>");
        HttpResponseMessage response = codec.decodeResponse((Bytes) answers.get(0));
        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.body().toByteArray(), US_ASCII)).isEqualTo("done");
        String requestOnTheWire = new String(p.network.capture().get(0).message().bytes().toByteArray(), US_ASCII);
        assertThat(requestOnTheWire).startsWith("POST /keymanagement HTTP/1.1\r\n").endsWith("\r\n\r\n<register/>");
    }
}
