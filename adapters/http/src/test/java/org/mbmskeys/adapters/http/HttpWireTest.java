package org.mbmskeys.adapters.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.MalformedHttpException;

/** HTTP/1.1 requests as wire bytes, made and read back by Netty's codec. */
class HttpWireTest {

    private static Bytes post(String body) {
        FullHttpRequest post = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/keymanagement",
                Unpooled.copiedBuffer(body, US_ASCII));
        post.headers().set(HttpHeaderNames.HOST, "bmsc").set(HttpHeaderNames.CONTENT_TYPE, "application/xml")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length());
        return HttpWire.request(post);
    }

    @Test
    void aRequestIsItsWireBytesAndParsesBack() {
        Bytes wire = post("<register/>");

        assertThat(new String(wire.toByteArray(), US_ASCII)).startsWith("POST /keymanagement HTTP/1.1\r\n")
                .endsWith("\r\n\r\n<register/>");
        FullHttpRequest parsed = HttpWire.parseRequest(wire);
        try {
            assertThat(parsed.method()).isEqualTo(HttpMethod.POST);
            assertThat(parsed.uri()).isEqualTo("/keymanagement");
            assertThat(parsed.content().toString(US_ASCII)).isEqualTo("<register/>");
        } finally {
            parsed.release();
        }
    }

    @Test
    void bytesThatAreNotACompleteRequestAreRefused() {
        Bytes truncated = post("<register/>").slice(0, 20);

        assertThatThrownBy(() -> HttpWire.parseRequest(truncated))
                .isInstanceOf(MalformedHttpException.class)
                .hasMessage("INCOMPLETE: the 20 bytes are not one complete HTTP/1.1 request");
    }
}
