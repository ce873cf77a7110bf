package org.mbmskeys.adapters.memory;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.MalformedHttpException;

/** HTTP/1.1 exchanges as wire bytes over the network, made and read back by Netty's codec. */
class HttpWireTest {

    private static Bytes post(String body) {
        FullHttpRequest post = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/keymanagement",
                Unpooled.copiedBuffer(body, US_ASCII));
        post.headers().set(HttpHeaderNames.HOST, "bmsc").set(HttpHeaderNames.CONTENT_TYPE, "application/xml")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length());
        return HttpWire.request(post);
    }

    @Test
    void aRequestAndItsResponseCrossTheNetworkAsWireBytesThatParseBack() {
        Peers p = new Peers(1, "ue-1");
        List<String> seenByBmsc = new ArrayList<>();
        p.network.node("bmsc").receive(e -> {
            FullHttpRequest request = HttpWire.parseRequest(e.payload());
            try {
                seenByBmsc.add(request.method() + " " + request.uri() + " " + request.content().toString(US_ASCII));
            } finally {
                request.release();
            }
            FullHttpResponse ok = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer("done", US_ASCII));
            ok.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 4);
            e.replyHandle().orElseThrow().reply(HttpWire.response(ok));
        });
        List<Object> answers = new ArrayList<>();

        p.node("ue-1").send(Envelope.of(Peers.at("ue-1"), Peers.at("bmsc"), post("<register/>"))
                .withReplyHandle(answers::add));
        p.time.runDue();

        assertThat(seenByBmsc).containsExactly("POST /keymanagement <register/>");
        FullHttpResponse response = HttpWire.parseResponse((Bytes) answers.get(0));
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.OK);
            assertThat(response.content().toString(US_ASCII)).isEqualTo("done");
        } finally {
            response.release();
        }
        String requestOnTheWire = new String(p.network.capture().get(0).message().bytes().toByteArray(), US_ASCII);
        assertThat(requestOnTheWire).startsWith("POST /keymanagement HTTP/1.1\r\n").endsWith("\r\n\r\n<register/>");
    }

    @Test
    void bytesThatAreNotACompleteRequestAreRefused() {
        Bytes truncated = post("<register/>").slice(0, 20);

        assertThatThrownBy(() -> HttpWire.parseRequest(truncated))
                .isInstanceOf(MalformedHttpException.class)
                .hasMessage("INCOMPLETE: the 20 bytes are not one complete HTTP/1.1 request");
    }
}
