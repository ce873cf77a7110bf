package org.mbmskeys.mbms.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edges of the header syntax (RFC 7235 §2.1, RFC 7230 §3.2.6, RFC 7616 §3.4/§3.5): where a token68
 * ends, which characters a token68, a token and a quoted value may hold, list separators in every place the
 * list rule allows them, and the position and character a syntax error names.
 */
class DigestHeaderSyntaxEdgesTest {

    private static DigestException malformed(Runnable parse) {
        try {
            parse.run();
        } catch (DigestException e) {
            assertThat(e.failure()).isEqualTo(DigestFailure.MALFORMED);
            return e;
        }
        throw new AssertionError("no DigestException");
    }

    @Test
    void separatorsMayLeadEveryKindOfHeader() {
        assertThat(AuthParamParser.challenges("WWW-Authenticate", " , Digest realm=\"r\", nonce=\"n\""))
                .extracting(AuthParamParser.AuthItem::scheme).containsExactly("Digest");
        assertThat(AuthParamParser.params("Authentication-Info", " ,, qop=auth")).containsExactly(Map.entry("qop", "auth"));
        assertThat(AuthParamParser.params("Authentication-Info", " , ")).isEmpty();
    }

    @Test
    void aToken68MayRunToTheEndOrBeFollowedByEmptyElements() {
        assertThat(AuthParamParser.credentials("Authorization", "Basic dXNlcjpwYXNz").hasToken68()).isTrue();
        assertThat(AuthParamParser.credentials("Authorization", "Basic dXNlcjpwYXNz==").hasToken68()).isTrue();
        assertThat(AuthParamParser.credentials("Authorization", "Basic dXNlcjpwYXNz== , ,").hasToken68()).isTrue();
    }

    @Test
    void aToken68FollowedBySpaceThenAnotherChallengeEndsAtTheComma() {
        List<AuthParamParser.AuthItem> items =
                AuthParamParser.challenges("WWW-Authenticate", "Negotiate abc== , Digest realm=\"r\", nonce=\"n\"");

        assertThat(items).extracting(AuthParamParser.AuthItem::scheme).containsExactly("Negotiate", "Digest");
        assertThat(items.get(0).hasToken68()).isTrue();
    }

    @Test
    void everyToken68CharacterClassAndItsBoundsAreAccepted() {
        assertThat(AuthParamParser.credentials("Authorization", "Basic az09AZ-._~+/=").hasToken68()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic a`", "Basic a{", "Basic a@", "Basic a[", "Basic a:"})
    void charactersJustOutsideTheToken68ClassesEndIt(String header) {
        malformed(() -> AuthParamParser.credentials("Authorization", header));
    }

    @Test
    void equalsSignsAloneAreNotAToken68() {
        DigestException e = malformed(() -> AuthParamParser.credentials("Authorization", "Digest ="));

        assertThat(e).hasMessageContaining("a parameter name");
    }

    @Test
    void aSchemeMustBeFollowedByASpace() {
        DigestException e = malformed(() -> AuthParamParser.credentials("Authorization", "Digest=abc"));

        assertThat(e).hasMessageContaining("a space after the auth-scheme 'Digest'");
    }

    @Test
    void anElementThatIsNoParameterIsNamedAsSuch() {
        DigestException e = malformed(() -> AuthParamParser.credentials("Authorization", "Digest a=1, =b"));

        assertThat(e).hasMessageContaining("expected a parameter of the form name=value");
    }

    @Test
    void aControlCharacterInAQuotedValueIsReportedAtItsPosition() {
        assertThat(malformed(() -> AuthParamParser.credentials("Authorization", "Digest a=\"x\u0001\"")))
                .hasMessageContaining("at char 11").hasMessageContaining("0x1");
        assertThat(malformed(() -> AuthParamParser.credentials("Authorization", "Digest a=\"\\\u0001\"")))
                .hasMessageContaining("at char 11");
        assertThat(malformed(() -> AuthParamParser.credentials("Authorization", "Digest a=\"x\u007f\"")))
                .hasMessageContaining("0x7f");
    }

    @Test
    void aTabInAQuotedValueIsText() {
        assertThat(AuthParamParser.credentials("Authorization", "Digest a=\"x\ty\"").params()).containsEntry("a", "x\ty");
    }

    @Test
    void theCharacterFoundIsQuotedWhenPrintableAndHexOtherwise() {
        assertThat(malformed(() -> AuthParamParser.credentials("Authorization", "Digest a=1 ~")))
                .hasMessageEndingWith("found '~'");
        assertThat(malformed(() -> AuthParamParser.credentials("Authorization", "Digest a=1 \u00e9")))
                .hasMessageEndingWith("found character 0xe9");
        assertThat(malformed(() -> AuthParamParser.credentials("Authorization", "Digest a=1 \u007f")))
                .hasMessageEndingWith("found character 0x7f");
    }

    @Test
    void aMissingHeaderIsMalformed() {
        assertThat(malformed(() -> AuthParamParser.params("Authentication-Info", null))).hasMessageContaining("is missing");
    }

    @Test
    void headerTextAllowsTabAndRefusesOtherControlCharacters() {
        assertThat(HeaderText.requirePrintable("opaque", "a\tb")).isEqualTo("a\tb");
        assertThat(HeaderText.requirePrintable("opaque", " ~")).isEqualTo(" ~");
        assertThatThrownBy(() -> HeaderText.requirePrintable("opaque", "a\u001fb")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 1");
        assertThatThrownBy(() -> HeaderText.requirePrintable("opaque", "a\u007f")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokensHoldLettersDigitsAndTheTcharSymbolsOnly() {
        assertThat(HeaderText.requireToken("method", "azAZ09!#$%&'*+-.^_`|~")).isEqualTo("azAZ09!#$%&'*+-.^_`|~");
        for (String bad : new String[] {"a{", "a@", "a[", "a:", "a/", "a "}) {
            assertThatThrownBy(() -> HeaderText.requireToken("method", bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at index 1");
        }
        assertThatThrownBy(() -> HeaderText.requireToken("method", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be empty");
    }

    @Test
    void nonceCountIsOneToTheMaximumAndParsesEveryHexDigit() {
        assertThat(NonceCount.require("nc", 1)).isEqualTo(1);
        assertThat(NonceCount.require("nc", NonceCount.MAX)).isEqualTo(NonceCount.MAX);
        assertThatThrownBy(() -> NonceCount.require("nc", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NonceCount.require("nc", NonceCount.MAX + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(NonceCount.parse("Authorization", "0000abcF")).isEqualTo(0xabcfL);
        assertThat(malformed(() -> NonceCount.parse("Authorization", "0000000g"))).hasMessageContaining("character 8 is");
    }

    @Test
    void authenticationInfoRefusesAnEmptyNextnonceAndAControlCharacterInIt() {
        assertThat(malformed(() -> AuthenticationInfo.parse("qop=auth, rspauth=\"ab\", cnonce=\"c\", nc=00000001, "
                + "nextnonce=\"\""))).hasMessageContaining("nextnonce is empty");
        assertThat(AuthenticationInfo.parse("qop=auth, rspauth=\"AB\", cnonce=\"c\", nc=00000001").nextnonce()).isEmpty();
        assertThatThrownBy(() -> new AuthenticationInfo(Qop.AUTH, "ab", "c", 1, Optional.of("n\u0001")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nextnonce");
        assertThatThrownBy(() -> AuthenticationInfo.parse("qop=other, rspauth=\"ab\", cnonce=\"c\", nc=00000001"))
                .isInstanceOfSatisfying(DigestException.class,
                        e -> assertThat(e.failure()).isEqualTo(DigestFailure.UNSUPPORTED_QOP))
                .hasMessageContaining("qop 'other'");
    }

    @Test
    void authorizationRefusesAToken68UsernameStarAndUserhashButNotUserhashFalse() {
        String rest = "realm=\"r\", nonce=\"n\", uri=\"/\", response=\"0123456789abcdef0123456789abcdef\", qop=auth, "
                + "nc=00000001, cnonce=\"c\"";
        assertThat(malformed(() -> DigestAuthorization.parse("Digest abc=="))).hasMessageContaining("not a token68");
        assertThat(malformed(() -> DigestAuthorization.parse("Digest username*=UTF-8''x, " + rest)))
                .hasMessageContaining("username*");
        assertThat(DigestAuthorization.parse("Digest username=\"u\", username*=UTF-8''x, " + rest).username())
                .isEqualTo("u");
        assertThat(malformed(() -> DigestAuthorization.parse("Digest username=\"u\", userhash=TRUE, " + rest)))
                .hasMessageContaining("userhash");
        assertThat(DigestAuthorization.parse("Digest username=\"u\", userhash=false, " + rest).username()).isEqualTo("u");
        assertThatThrownBy(() -> DigestAuthorization.parse("Digest username=\"u\", opaque=\"o\u0001\", " + rest))
                .hasMessageContaining("opaque");
    }

    @Test
    void aChallengeRefusesAToken68AndRepeatedQopsAndReadsStaleOnlyWhenTrue() {
        assertThat(malformed(() -> DigestChallenge.fromItem(
                AuthParamParser.challenges("WWW-Authenticate", "Digest abc==").get(0)))).hasMessageContaining("token68");
        DigestChallenge notStale = DigestChallenge.fromItem(AuthParamParser.challenges("WWW-Authenticate",
                "Digest realm=\"r\", nonce=\"n\", qop=\"auth,auth\", stale=false").get(0));
        assertThat(notStale.stale()).isFalse();
        assertThat(notStale.qopOptions()).containsExactly(Qop.AUTH);
        assertThatThrownBy(() -> new DigestChallenge("r", "n", Optional.empty(), DigestAlgorithm.MD5,
                List.of(Qop.AUTH, Qop.AUTH), false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> new DigestChallenge("r", "n", Optional.of("o\u0001"), DigestAlgorithm.MD5,
                List.of(Qop.AUTH), false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("opaque");
    }

    @Test
    void realmsAreEqualByValueAndHashLikeIt() {
        DigestRealm a = DigestRealm.bootstrapping("bmsc.example.org");
        DigestRealm b = DigestRealm.bootstrapping("bmsc2.example.org");

        assertThat(a.hashCode()).isEqualTo(a.value().hashCode()).isNotEqualTo(b.hashCode());
    }
}
