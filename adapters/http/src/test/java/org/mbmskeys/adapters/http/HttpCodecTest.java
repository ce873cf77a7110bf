package org.mbmskeys.adapters.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.HttpCodec;
import org.mbmskeys.engine.spi.HttpHeaders;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.engine.spi.MalformedHttpException;

/** {@link HttpWire#codec()}: the engine's HTTP message values to Netty-made wire bytes and back. */
class HttpCodecTest {

    private final HttpCodec codec = HttpWire.codec();

    private static Bytes ascii(String text) {
        return Bytes.wrap(text.getBytes(US_ASCII));
    }

    private static String text(Bytes wire) {
        return new String(wire.toByteArray(), US_ASCII);
    }

    /** Every byte value, so a codec that decodes the body as text would break it. */
    private static Bytes allOctets() {
        byte[] b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return Bytes.wrap(b);
    }

    private static HttpRequestMessage post() {
        return new HttpRequestMessage("POST", "/keymanagement?requesttype=msk-request",
                HttpHeaders.of("Host", "bmsc.home1.net:1234", "Content-Type", "application/mbms-msk+xml",
                        "User-Agent", "MBMSAgent; Release-6 3gpp-gba"), allOctets());
    }

    @Test
    void aRequestRoundTripsWithItsHeadersInOrderAndItsBodyByteForByte() {
        Bytes wire = codec.encode(post());

        HttpRequestMessage back = codec.decodeRequest(wire);

        assertThat(back.method()).isEqualTo("POST");
        assertThat(back.target()).isEqualTo("/keymanagement?requesttype=msk-request");
        assertThat(back.version()).isEqualTo("HTTP/1.1");
        assertThat(back.body()).isEqualTo(allOctets());
        assertThat(back.headers()).isEqualTo(post().headers().with("content-length", "256"));
        assertThat(text(wire)).startsWith("POST /keymanagement?requesttype=msk-request HTTP/1.1\r\n"
                + "Host: bmsc.home1.net:1234\r\n");
    }

    @Test
    void aResponseRoundTripsWithRepeatedHeadersAndReasonPhrase() {
        HttpResponseMessage unauthorized = new HttpResponseMessage(401, "Unauthorized",
                HttpHeaders.of("WWW-Authenticate", "Digest realm=\"a\", nonce=\"1\"", "WWW-Authenticate",
                        "Digest realm=\"a\", nonce=\"2\"", "Content-Length", "0"), Bytes.empty());

        HttpResponseMessage back = codec.decodeResponse(codec.encode(unauthorized));

        assertThat(back).isEqualTo(unauthorized);
        assertThat(back.headers().all("www-authenticate")).containsExactly("Digest realm=\"a\", nonce=\"1\"",
                "Digest realm=\"a\", nonce=\"2\"");
    }

    @Test
    void headerNamesKeepTheirSpellingAndAreFoundInAnyCase() {
        Bytes wire = ascii("POST /keymanagement?requesttype=register HTTP/1.1\r\nhOsT: bmsc\r\n"
                + "CONTENT-LENGTH: 2\r\n\r\nok");

        HttpRequestMessage back = codec.decodeRequest(wire);

        assertThat(back.headers().fields()).extracting(HttpHeaders.Field::name).containsExactly("hOsT", "CONTENT-LENGTH");
        assertThat(back.header("Host")).contains("bmsc");
        assertThat(back.body()).isEqualTo(ascii("ok"));
    }

    @Test
    void anHttp10RequestKeepsItsVersionSoTheServerCanAnswer505() {
        HttpRequestMessage back = codec.decodeRequest(ascii("POST /keymanagement HTTP/1.0\r\nContent-Length: 0\r\n\r\n"));

        assertThat(back.version()).isEqualTo("HTTP/1.0");
    }

    @Test
    void aResponseWithoutContentLengthEndsWithTheBytes() {
        HttpResponseMessage back = codec.decodeResponse(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it"));

        assertThat(back.body()).isEqualTo(ascii("all of it"));
    }

    @Test
    void aContentLengthThatDiffersFromTheBodyIsACallerBug() {
        HttpRequestMessage lying = new HttpRequestMessage("POST", "/", HttpHeaders.of("Content-Length", "3"), ascii("four"));

        assertThatThrownBy(() -> codec.encode(lying)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Content-Length 3 differs from the body length 4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /x HTTP/1.1\r\nContent-Length: 0\r\n\r\n", "\r\n\r\nxyz", "GARBAGE", "\r\n"})
    void bytesAfterOneCompleteRequestAreRefused(String after) {
        Bytes wire = codec.encode(post()).concat(ascii(after));

        assertThatThrownBy(() -> codec.decodeRequest(wire)).isInstanceOfSatisfying(MalformedHttpException.class,
                e -> assertThat(e.reason()).isEqualTo(MalformedHttpException.Reason.TRAILING_BYTES));
    }

    @Test
    void bytesAfterOneCompleteResponseAreRefused() {
        HttpResponseMessage ok = new HttpResponseMessage(200, "OK", HttpHeaders.empty(), ascii("body"));
        Bytes wire = codec.encode(ok).concat(codec.encode(ok));

        assertThatThrownBy(() -> codec.decodeResponse(wire)).isInstanceOfSatisfying(MalformedHttpException.class,
                e -> assertThat(e.reason()).isEqualTo(MalformedHttpException.Reason.TRAILING_BYTES));
    }

    @Test
    void aBodyShorterThanItsContentLengthIsIncomplete() {
        Bytes wire = ascii("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nshort");

        assertThatThrownBy(() -> codec.decodeRequest(wire)).isInstanceOfSatisfying(MalformedHttpException.class,
                e -> assertThat(e.reason()).isEqualTo(MalformedHttpException.Reason.INCOMPLETE));
    }

    @Test
    void aResponseCutInsideItsHeadersIsIncomplete() {
        Bytes wire = ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n");

        assertThatThrownBy(() -> codec.decodeResponse(wire)).isInstanceOfSatisfying(MalformedHttpException.class,
                e -> assertThat(e.reason()).isEqualTo(MalformedHttpException.Reason.INCOMPLETE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST / HTTP/1.1\r\nBad Header: x\r\nContent-Length: 0\r\n\r\n",
            "NOT AN HTTP REQUEST AT ALL\r\n\r\n"})
    void invalidRequestsAreRefusedAsInvalid(String request) {
        assertThatThrownBy(() -> codec.decodeRequest(ascii(request))).isInstanceOfSatisfying(MalformedHttpException.class,
                e -> assertThat(e.reason()).isEqualTo(MalformedHttpException.Reason.INVALID));
    }

    @Test
    void aRequestTargetWithBytesOutsideVisibleAsciiIsInvalidNotAnOtherError() {
        Bytes wire = Bytes.wrap(("POST /keymanagement?requesttype=regist\u00bbr" + "x".repeat(300)
                + " HTTP/1.1\r\nHost: b\r\nContent-Length: 0\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> codec.decodeRequest(wire)).isInstanceOfSatisfying(MalformedHttpException.class, e -> {
            assertThat(e.reason()).isEqualTo(MalformedHttpException.Reason.INVALID);
            assertThat(e.getMessage()).hasSizeLessThan(200);
        });
    }

    @Test
    void theMessageOfARefusalDoesNotCarryTheWholeInput() {
        String longGarbage = "POST / HTTP/1.1\r\nBad Name" + "X".repeat(500) + ": v\r\nContent-Length: 0\r\n\r\n";

        assertThatThrownBy(() -> codec.decodeRequest(ascii(longGarbage)))
                .isInstanceOf(MalformedHttpException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void headerValuesCannotSmuggleALineBreak() {
        assertThatThrownBy(() -> HttpHeaders.of("X-Test", "a\r\nInjected: yes"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0xd");
    }
}
