package org.mbmskeys.engine.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;

/** The HTTP message values: an ordered multi-map of headers found in any case, and what a message may hold. */
class HttpMessagesTest {

    private final HttpHeaders headers = HttpHeaders.of("Host", "bmsc", "WWW-Authenticate", "Digest a",
            "www-authenticate", "Digest b");

    @Test
    void headersAreFoundInAnyCaseInWireOrder() {
        assertThat(headers.first("HOST")).contains("bmsc");
        assertThat(headers.first("WWW-AUTHENTICATE")).contains("Digest a");
        assertThat(headers.all("Www-Authenticate")).containsExactly("Digest a", "Digest b");
        assertThat(headers.all("Accept")).isEmpty();
        assertThat(headers.contains("host")).isTrue();
    }

    @Test
    void withAppendsReplacingAndWithoutDropEverySpelling() {
        assertThat(headers.with("Accept", "*/*").fields()).extracting(HttpHeaders.Field::name)
                .containsExactly("Host", "WWW-Authenticate", "www-authenticate", "Accept");
        assertThat(headers.replacing("WWW-Authenticate", "Digest c").all("www-authenticate")).containsExactly("Digest c");
        assertThat(headers.without("www-AUTHENTICATE").size()).isEqualTo(1);
        assertThat(headers.size()).as("unchanged").isEqualTo(3);
    }

    @Test
    void namesMustBeTokensAndValuesHaveNoLineBreaks() {
        assertThatThrownBy(() -> HttpHeaders.of("Bad Name", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token");
        assertThatThrownBy(() -> HttpHeaders.of("X", "a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpHeaders.of("X")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAuthorizationValueStaysOutOfToString() {
        assertThat(HttpHeaders.of("Authorization", "Digest response=\"abc\"").toString())
                .doesNotContain("abc").contains("(21 chars)");
    }

    @Test
    void messagesDefaultToHttp11AndRefuseBadStartLines() {
        assertThat(new HttpRequestMessage("POST", "/x", HttpHeaders.empty(), Bytes.empty()).version()).isEqualTo("HTTP/1.1");
        assertThat(new HttpResponseMessage(200, "OK", HttpHeaders.empty(), Bytes.empty()).header("x")).isEmpty();
        assertThatThrownBy(() -> new HttpRequestMessage("POST", "/a b", HttpHeaders.empty(), Bytes.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpRequestMessage("POST", "/", HttpHeaders.empty(), Bytes.empty(), "HTTP/x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpResponseMessage(600, "", HttpHeaders.empty(), Bytes.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpResponseMessage(200, "OK\r\nX: y", HttpHeaders.empty(), Bytes.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
