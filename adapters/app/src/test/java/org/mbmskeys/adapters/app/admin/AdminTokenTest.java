package org.mbmskeys.adapters.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.SecretBytes;

/** The admin bearer token: what it admits, what a usable token is, and that it never shows. */
class AdminTokenTest {

    private static final String TOKEN = "Zm9vYmFyLWFkbWluLXRva2Vu+/x=";

    private final AdminToken token = AdminToken.of(TOKEN.toCharArray());

    @Test
    void admitsOnlyItsOwnBearerToken() {
        assertThat(token.admits("Bearer " + TOKEN)).isTrue();
        assertThat(token.admits("bearer " + TOKEN)).as("the scheme is case-insensitive (RFC 7235)").isTrue();
        assertThat(token.admits("Bearer " + TOKEN + " ")).isTrue();
        assertThat(token.admits("Bearer " + TOKEN.substring(1))).isFalse();
        assertThat(token.admits("Bearer " + TOKEN + "A")).isFalse();
        assertThat(token.admits("Basic " + TOKEN)).isFalse();
        assertThat(token.admits(TOKEN)).isFalse();
        assertThat(token.admits("Bearer ")).isFalse();
        assertThat(token.admits(null)).isFalse();
    }

    @Test
    void madeFromSecretBytesItIsTheSameToken() {
        SecretBytes bytes = SecretBytes.wrap(TOKEN.getBytes(StandardCharsets.US_ASCII));
        AdminToken fromBytes = AdminToken.of(bytes);
        bytes.destroy();   // the token keeps its own digest

        assertThat(fromBytes.admits("Bearer " + TOKEN)).isTrue();
    }

    @Test
    void aShortTokenOrOneAHeaderCannotCarryIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> AdminToken.of("short-token".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16").hasMessageNotContaining("short-token");
        assertThatThrownBy(() -> AdminToken.of("abcdefgh ijklmnopqrs".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position 9").hasMessageNotContaining("abcdefgh");
        assertThatThrownBy(() -> AdminToken.of("abcdefghijklmnop\n".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position 17");
        assertThatThrownBy(() -> AdminToken.of("================".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverShowsTheToken() {
        assertThat(token.toString()).doesNotContain(TOKEN).contains("redacted");
    }
}
