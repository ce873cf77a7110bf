package org.mbmskeys.mbms.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Formatting and parsing of the three Digest header values, and their typed failures. */
class DigestHeadersTest {

    private static final String REALM = "3GPP-bootstrapping@bmsc.example.org";

    @Test
    void challengeIsWrittenWithQuotedQopListAndTokenAlgorithm() {
        var c = new DigestChallenge(REALM, "bm9uY2U=", Optional.of("op"), DigestAlgorithm.MD5,
                List.of(Qop.AUTH_INT, Qop.AUTH), false);

        assertThat(c.toHeaderValue()).isEqualTo("Digest realm=\"3GPP-bootstrapping@bmsc.example.org\", "
                + "qop=\"auth-int, auth\", algorithm=MD5, nonce=\"bm9uY2U=\", opaque=\"op\"");
        assertThat(DigestChallenge.parseAll(c.toHeaderValue())).containsExactly(c);
    }

    @Test
    void staleChallengeCarriesStaleTrueAndReadsBack() {
        var c = new DigestChallenge(REALM, "n", Optional.empty(), DigestAlgorithm.SHA_256, List.of(Qop.AUTH_INT), true);

        assertThat(c.toHeaderValue()).endsWith(", stale=true");
        assertThat(DigestChallenge.parseAll(c.toHeaderValue())).containsExactly(c);
    }

    @Test
    void parseAllSkipsOtherSchemesAndDigestChallengesItCannotAnswer() {
        String header = "Basic realm=\"x\", Digest realm=\"r\", nonce=\"1\", qop=\"auth\", algorithm=SHA-512-256, "
                + "Digest realm=\"r\", nonce=\"2\", qop=\"auth-int\", algorithm=md5, Digest realm=\"r\", nonce=\"3\", qop=\"x\"";

        List<DigestChallenge> usable = DigestChallenge.parseAll(header);

        assertThat(usable).singleElement().satisfies(c -> {
            assertThat(c.nonce()).isEqualTo("2");
            assertThat(c.algorithm()).isEqualTo(DigestAlgorithm.MD5);
        });
    }

    @Test
    void challengeWithoutAlgorithmMeansMd5AndUnknownQopOptionsAreIgnored() {
        var c = DigestChallenge.parseAll("Digest realm=\"r\", nonce=\"n\", qop=\" auth-conf , AUTH ,\"").get(0);

        assertThat(c.algorithm()).isEqualTo(DigestAlgorithm.MD5);
        assertThat(c.qopOptions()).containsExactly(Qop.AUTH);
        assertThat(c.opaque()).isEmpty();
    }

    @Test
    void digestChallengeWithoutNonceIsMalformed() {
        assertThatThrownBy(() -> DigestChallenge.parseAll("Digest realm=\"r\", qop=\"auth\""))
                .isInstanceOf(DigestException.class)
                .hasMessage("MALFORMED: WWW-Authenticate: parameter 'nonce' is missing; required are realm and nonce");
    }

    @Test
    void authorizationRoundTripsWithEscapedCharacters() {
        var a = new DigestAuthorization("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org", "r\"\\", "n", "/k?x=\"1\",y",
                "0123456789abcdef0123456789abcdef", DigestAlgorithm.MD5, Optional.of("o"), Qop.AUTH_INT, "c", 0xFFFF_FFFFL);

        String header = a.toHeaderValue();

        assertThat(header).isEqualTo("Digest username=\"I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org\", realm=\"r\\\"\\\\\", "
                + "nonce=\"n\", uri=\"/k?x=\\\"1\\\",y\", algorithm=MD5, response=\"0123456789abcdef0123456789abcdef\", "
                + "opaque=\"o\", qop=auth-int, nc=ffffffff, cnonce=\"c\"");
        assertThat(DigestAuthorization.parse(header)).isEqualTo(a);
    }

    @Test
    void authorizationAcceptsQuotedQopAndNcAndUpperCaseHexAsOlderClientsSendThem() {
        var a = DigestAuthorization.parse("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\", qop=\"auth\", "
                + "nc=\"0000000A\", cnonce=\"c\", response=\"0123456789ABCDEF0123456789ABCDEF\"");

        assertThat(a.qop()).isEqualTo(Qop.AUTH);
        assertThat(a.nc()).isEqualTo(10);
        assertThat(a.response()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(a.algorithm()).isEqualTo(DigestAlgorithm.MD5);
    }

    private static final String GOOD = "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\", qop=auth-int, "
            + "nc=00000001, cnonce=\"c\", response=\"0123456789abcdef0123456789abcdef\"";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # what is wrong                | replace                                       | with                                             | failure
        no username                    | username="u",                                 | ''                                               | MALFORMED
        only username* (RFC 7616)      | username="u"                                  | username*=UTF-8''u                               | MALFORMED
        userhash=true                  | qop=auth-int                                  | qop=auth-int, userhash=true                      | MALFORMED
        empty realm                    | realm="r"                                     | realm=""                                         | MALFORMED
        no nonce                       | nonce="n",                                    | ''                                               | MALFORMED
        no uri                         | uri="/",                                      | ''                                               | MALFORMED
        no response                    | , response="0123456789abcdef0123456789abcdef" | ''                                               | MALFORMED
        response one digit short       | response="0123456789abcdef0123456789abcdef"   | response="0123456789abcdef0123456789abcde"       | MALFORMED
        response not hex               | response="0123456789abcdef0123456789abcdef"   | response="0123456789abcdef0123456789abcdeg"      | MALFORMED
        MD5-length response for SHA-256| qop=auth-int                                  | qop=auth-int, algorithm=SHA-256                  | MALFORMED
        no cnonce                      | cnonce="c",                                   | ''                                               | MALFORMED
        no nc                          | nc=00000001,                                  | ''                                               | MALFORMED
        nc of 7 digits                 | nc=00000001                                   | nc=0000001                                       | MALFORMED
        nc not hex                     | nc=00000001                                   | nc=0000000g                                      | MALFORMED
        nc zero                        | nc=00000001                                   | nc=00000000                                      | MALFORMED
        Basic scheme                   | Digest                                        | Basic                                            | MALFORMED
        token68 instead of parameters  | Digest username                               | Digest dXNlcg==, username                        | MALFORMED
        no qop (RFC 2069 mode)         | qop=auth-int,                                 | ''                                               | UNSUPPORTED_QOP
        unknown qop                    | qop=auth-int                                  | qop=auth-conf                                    | UNSUPPORTED_QOP
        MD5-sess                       | qop=auth-int                                  | qop=auth-int, algorithm=MD5-sess                 | UNSUPPORTED_ALGORITHM
        SHA-512-256                    | qop=auth-int                                  | qop=auth-int, algorithm=SHA-512-256              | UNSUPPORTED_ALGORITHM
        """)
    void brokenAuthorizationFailsWithItsReason(String what, String replace, String with, DigestFailure failure) {
        String header = GOOD.replace(replace, with);
        assertThat(header).as("test setup must change the header").isNotEqualTo(GOOD);

        assertThatThrownBy(() -> DigestAuthorization.parse(header))
                .isInstanceOfSatisfying(DigestException.class, e -> assertThat(e.failure()).isEqualTo(failure));
    }

    @Test
    void goodAuthorizationOfTheBrokenTableParses() {
        assertThat(DigestAuthorization.parse(GOOD).username()).isEqualTo("u");
    }

    @Test
    void authenticationInfoRoundTrips() {
        var info = new AuthenticationInfo(Qop.AUTH_INT, "00ff", "c\"n", 2, Optional.of("next="));

        assertThat(info.toHeaderValue())
                .isEqualTo("nextnonce=\"next=\", qop=auth-int, rspauth=\"00ff\", cnonce=\"c\\\"n\", nc=00000002");
        assertThat(AuthenticationInfo.parse(info.toHeaderValue())).isEqualTo(info);
    }

    @Test
    void authenticationInfoWithoutRspauthIsMalformed() {
        assertThatThrownBy(() -> AuthenticationInfo.parse("qop=auth, cnonce=\"c\", nc=00000001"))
                .isInstanceOf(DigestException.class)
                .hasMessage("MALFORMED: Authentication-Info: parameter 'rspauth' is missing; "
                        + "required are qop, rspauth, cnonce and nc");
    }

    @Test
    void valuesWithLineBreaksCannotBeFormattedIntoAHeader() {
        assertThatThrownBy(() -> new DigestChallenge("r\r\nSet-Cookie: x", "n", Optional.empty(), DigestAlgorithm.MD5,
                List.of(Qop.AUTH_INT), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("realm contains a control character at index 1 (0xd); header values allow printable text only");
    }

    @Test
    void challengeMustOfferAQop() {
        assertThatThrownBy(() -> new DigestChallenge("r", "n", Optional.empty(), DigestAlgorithm.MD5, List.of(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("qopOptions must offer auth-int and/or auth");
    }
}
