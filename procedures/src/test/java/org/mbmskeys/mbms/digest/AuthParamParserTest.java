package org.mbmskeys.mbms.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The auth-param syntax of RFC 7235 §2.1 / RFC 7230 §3.2.6, as {@link AuthParamParser} reads it. */
class AuthParamParserTest {

    @Test
    void quotedStringUnescapesBackslashQuoteAndBackslash() {
        var item = AuthParamParser.credentials("Authorization", "Digest realm=\"a\\\"b\\\\c\\d\", nonce=n");

        assertThat(item.params()).containsEntry("realm", "a\"b\\cd").containsEntry("nonce", "n");
    }

    @Test
    void commaAndEqualsInsideQuotesDoNotSplitParameters() {
        var item = AuthParamParser.credentials("Authorization", "Digest uri=\"/k?a=1,b=2\", realm=\"x, y=z\"");

        assertThat(item.params()).containsExactly(Map.entry("uri", "/k?a=1,b=2"), Map.entry("realm", "x, y=z"));
    }

    @Test
    void parameterNamesAreCaseInsensitiveAndReturnedLowerCase() {
        var item = AuthParamParser.credentials("Authorization", "DIGEST Realm=\"r\", NONCE=\"n\"");

        assertThat(item.scheme()).isEqualTo("DIGEST");
        assertThat(item.params()).containsOnlyKeys("realm", "nonce");
    }

    @Test
    void whiteSpaceAroundEqualsAndEmptyListElementsAreSkipped() {
        var item = AuthParamParser.credentials("Authorization", "  Digest ,realm = \"r\" ,, nonce=\t n , ");

        assertThat(item.params()).containsExactly(Map.entry("realm", "r"), Map.entry("nonce", "n"));
    }

    @Test
    void oneHeaderValueMayCarrySeveralChallengesOfDifferentSchemes() {
        List<AuthParamParser.AuthItem> items = AuthParamParser.challenges("WWW-Authenticate",
                "Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Negotiate abc+/==, "
                        + "Digest realm=\"r\", nonce=\"n\", Basic realm=\"simple\"");

        assertThat(items).extracting(AuthParamParser.AuthItem::scheme)
                .containsExactly("Newauth", "Negotiate", "Digest", "Basic");
        assertThat(items.get(0).params()).containsEntry("title", "Login to \"apps\"").containsEntry("type", "1");
        assertThat(items.get(1).hasToken68()).isTrue();
        assertThat(items.get(2).params()).containsExactly(Map.entry("realm", "r"), Map.entry("nonce", "n"));
    }

    @Test
    void aSchemeFollowedByOneWordIsAToken68NotAParameter() {
        // "Digest realm" is valid credentials syntax (token68); DigestAuthorization rejects it as Digest.
        var item = AuthParamParser.credentials("Authorization", "Digest realm=");

        assertThat(item.hasToken68()).isTrue();
        assertThat(item.params()).isEmpty();
    }

    @Test
    void schemeWithoutParametersIsAChallengeOfItsOwn() {
        var items = AuthParamParser.challenges("WWW-Authenticate", "Foo, Digest realm=\"r\", nonce=\"n\"");

        assertThat(items).extracting(AuthParamParser.AuthItem::scheme).containsExactly("Foo", "Digest");
        assertThat(items.get(0).params()).isEmpty();
    }

    @Test
    void bareParameterListOfAuthenticationInfo() {
        Map<String, String> p = AuthParamParser.params("Authentication-Info",
                "nextnonce=\"abc=\", qop=auth-int, rspauth=\"00ff\", cnonce=\"c\", nc=00000001");

        assertThat(p).containsExactly(Map.entry("nextnonce", "abc="), Map.entry("qop", "auth-int"),
                Map.entry("rspauth", "00ff"), Map.entry("cnonce", "c"), Map.entry("nc", "00000001"));
    }

    @Test
    void repeatedParameterIsMalformedAndTheMessageSaysWhere() {
        assertThatThrownBy(() -> AuthParamParser.credentials("Authorization", "Digest realm=\"r\", REALM=\"s\""))
                .isInstanceOfSatisfying(DigestException.class, e -> assertThat(e.failure()).isEqualTo(DigestFailure.MALFORMED))
                .hasMessage("MALFORMED: Authorization at char 18: parameter 'realm' appears twice; each parameter is allowed once");
    }

    @Test
    void unterminatedQuotedStringIsMalformedAndTheMessageSaysWhichParameter() {
        assertThatThrownBy(() -> AuthParamParser.credentials("Authorization", "Digest nonce=\"n\", realm=\"abc"))
                .isInstanceOf(DigestException.class)
                .hasMessage("MALFORMED: Authorization at char 24: the quoted value of 'realm' is not closed by '\"'");
    }

    @Test
    void missingEqualsSaysWhatWasExpectedAndWhatWasFound() {
        assertThatThrownBy(() -> AuthParamParser.credentials("Authorization", "Digest realm \"r\""))
                .isInstanceOf(DigestException.class)
                .hasMessage("MALFORMED: Authorization at char 13: expected '=' after the parameter name 'realm', found '\"'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",                                        // no scheme at all
        "   ",                                     // only white space
        "Digest realm, nonce=\"n\"",               // name without '=' before a parameter
        "Digest nonce=\"n\", realm=",              // '=' without value
        "Digest =x",                               // value without name
        "Digestrealm=\"r\"",                       // no space after the scheme
        "Digest realm=\"r\" nonce=\"n\"",          // missing comma
        "Digest realm=\"a\"b",                     // text glued to a quoted string
        "Digest realm=r@x",                        // '@' is not a token character
        "Digest realm=\"r\\",                      // backslash at the very end
        "Digest realm=\"a\u0001b\"",               // control character inside quotes
        "Digest realm=\"a\\\u0000\"",              // escaped control character
        "Digest realm=\"a\r\nX-Injected: 1\"",     // CRLF inside quotes
        "Digest realm=\"r\", Basic x",             // a second credentials in Authorization
        "Digest realm=\"r\", realm=\"r\"",         // same parameter twice, same value
        "Digest realm=\"r\", Realm=\"s\"",         // same parameter twice, different case
        "Digest realm=\"r\"; nonce=\"n\"",         // ';' is not a separator
        "Dig\u00e9st realm=\"r\"",                 // non-ASCII in the scheme
    })
    void brokenCredentialsAreMalformed(String header) {
        assertThatThrownBy(() -> AuthParamParser.credentials("Authorization", header))
                .isInstanceOfSatisfying(DigestException.class, e -> assertThat(e.failure()).isEqualTo(DigestFailure.MALFORMED));
    }

    @Test
    void headerOfExactly8KiBIsReadButOneCharacterMoreIsMalformed() {
        String prefix = "a=\"";
        String atLimit = prefix + "x".repeat(AuthParamParser.MAX_HEADER_CHARS - prefix.length() - 1) + "\"";
        assertThat(atLimit).hasSize(8192);

        assertThat(AuthParamParser.params("Authentication-Info", atLimit)).containsOnlyKeys("a");
        assertThatThrownBy(() -> AuthParamParser.params("Authentication-Info", atLimit + " "))
                .isInstanceOf(DigestException.class)
                .hasMessage("MALFORMED: Authentication-Info is 8193 characters long; at most 8192 are accepted");
    }

    @Test
    void challengeHeaderWithOnlyCommasIsMalformed() {
        assertThatThrownBy(() -> AuthParamParser.challenges("WWW-Authenticate", " , ,"))
                .isInstanceOfSatisfying(DigestException.class, e -> assertThat(e.failure()).isEqualTo(DigestFailure.MALFORMED));
    }

    @Test
    void authenticationInfoWithATrailingSchemeWordIsMalformed() {
        assertThatThrownBy(() -> AuthParamParser.params("Authentication-Info", "qop=auth, Digest"))
                .isInstanceOfSatisfying(DigestException.class, e -> assertThat(e.failure()).isEqualTo(DigestFailure.MALFORMED));
    }
}
