package org.mbmskeys.adapters.app.mikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.adapters.app.mikey.MikeyGolden.BUILD_MSK;
import static org.mbmskeys.adapters.app.mikey.MikeyGolden.BUILD_MSK_STREAMING;
import static org.mbmskeys.adapters.app.mikey.MikeyGolden.BUILD_MTK;
import static org.mbmskeys.adapters.app.mikey.MikeyGolden.BUILD_MTK_DOWNLOAD;
import static org.mbmskeys.adapters.app.mikey.MikeyGolden.BUILD_SOLICIT;
import static org.mbmskeys.adapters.app.mikey.MikeyGolden.replacing;
import static org.mbmskeys.adapters.app.mikey.MikeyGolden.with;
import static org.mbmskeys.adapters.app.mikey.MikeyGolden.without;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbmskeys.adapters.app.CliRun;

/**
 * Every argument error of {@code mikey build}: exit code 2, nothing on stdout, and a message on stderr that
 * names the option and says what was expected.
 */
class BuildArgumentErrorsTest {

    static Stream<Arguments> errors() {
        String[] keylessMsk = without(BUILD_MSK, "--msk", false);
        return Stream.of(
                error("MSK ID that is not hex", replacing(BUILD_MSK, "--msk-id", "xyz"),
                        "--msk-id must be 8 hex digits (Key Group ‖ Key Number), e.g. 00010002; got 'xyz'"),
                error("MSK ID with Key Number 0", replacing(BUILD_MSK, "--msk-id", "00010000"),
                        "--msk-id 00010000 has Key Number 0000, which marks a solicited pull"),
                error("Key Domain without MNC", replacing(BUILD_MSK, "--key-domain", "001"),
                        "--key-domain must be MCC-MNC (3 digits, '-', 2 or 3 digits), e.g. 001-01, or 0x and the 6 hex digits of its 3 octets; got '001'"),
                error("negative counter", replacing(BUILD_MSK, "--counter", "-1"),
                        "--counter must be a decimal number 0..4294967295 (the COUNTER timestamp); got '-1'"),
                error("counter above 32 bits", replacing(BUILD_MSK, "--counter", "4294967296"),
                        "--counter must be a decimal number 0..4294967295 (the COUNTER timestamp); got '4294967296'"),
                error("short MSK", replacing(BUILD_MSK, "--msk", "001122"),
                        "--msk must be 16 bytes (32 hex digits), the MSK length this implementation sends; got 3 bytes"),
                error("MSK that is not hex", replacing(BUILD_MSK, "--msk", "zz"),
                        "--msk must be hex digits (an even number of 0-9, a-f), got 'zz'"),
                error("MUK with an odd digit count", replacing(BUILD_MSK, "--muk", "abc"),
                        "--muk must be hex digits (an even number of 0-9, a-f), got 'abc'"),
                error("RAND longer than 255 bytes", replacing(BUILD_MSK, "--rand", "00".repeat(256)),
                        "--rand must be 1..255 bytes (RAND len is one byte; 16 recommended), got 256 bytes"),
                error("SEQl without SEQu", with(BUILD_MSK, "--seql", "5"), "--seql needs --sequ"),
                error("SEQu without SEQl", with(BUILD_MSK, "--sequ", "5"), "--sequ needs --seql"),
                error("SEQl above 16 bits", with(BUILD_MSK, "--seql", "70000", "--sequ", "1"),
                        "--seql must be a decimal number 0..65535 (an MTK ID); got '70000'"),
                error("no MSK and no keyless form", keylessMsk, "Missing required option: '--msk=HEX'"),
                error("MSK with --validity-only", with(BUILD_MSK, "--validity-only"),
                        "--msk cannot be combined with --validity-only: that message carries no key"),
                error("--validity-only with --invalidate", with(keylessMsk, "--validity-only", "--invalidate"),
                        "--validity-only and --invalidate exclude each other"),
                error("--invalidate with a validity", with(keylessMsk, "--invalidate", "--seql", "1", "--sequ", "2"),
                        "--invalidate sends SEQl 1 > SEQu 0; it takes no --seql/--sequ"),
                error("empty IDi", replacing(BUILD_MSK, "--idi", ""), "--idi must not be empty"),
                error("missing MUK", without(BUILD_MSK, "--muk", false), "Missing required option: '--muk=HEX'"),
                error("IDr longer than the ID len field", replacing(BUILD_MSK, "--idr", "x".repeat(65536)),
                        "--idr must be at most 65535 bytes of UTF-8 (ID len is 2 bytes), got 65536"),
                error("IDs too long for one MIKEY message",
                        replacing(replacing(BUILD_MSK, "--idi", "i".repeat(40000)), "--idr", "r".repeat(40000)),
                        "cannot build the message: MIKEY message exceeds 65535 bytes"),
                error("MSK without a service", without(BUILD_MSK, "--service", false),
                        "Missing required option: '--service=streaming|download'"),
                error("streaming MSK without SSRC", without(BUILD_MSK_STREAMING, "--ssrc", false),
                        "Missing required option: '--ssrc=HEX8'"),
                error("streaming MSK without R", without(BUILD_MSK_STREAMING, "--roc-rate", false),
                        "TS 33.246 §6.6.2.1 sends the ROC transmission rate in every streaming MSK delivery message"),
                error("R of 0", replacing(BUILD_MSK_STREAMING, "--roc-rate", "0"),
                        "--roc-rate must be 1..65535: RFC 4771 §4 makes R a non-zero 16-bit integer"),
                error("R above 16 bits", replacing(BUILD_MSK_STREAMING, "--roc-rate", "65536"),
                        "--roc-rate must be a decimal number 0..65535"),
                error("unknown SRTP transform", replacing(BUILD_MSK_STREAMING, "--srtp-auth", "hmac"),
                        "--srtp-auth must be rccm1, rccm2 or rccm3 (RFC 4771 §4); got 'hmac'"),
                error("MTK length of 20", with(BUILD_MSK_STREAMING, "--mtk-length", "20"),
                        "--mtk-length must be 16, 24 or 32: an MTK is an AES-128, -192 or -256 SRTP master key "
                                + "(TS 33.246 §4.2)"),
                error("--mtk-length for a download MSK", with(BUILD_MSK, "--mtk-length", "32"),
                        "--mtk-length with --service download: a download MSK message has the Empty map and no SP "
                                + "(TS 33.246 §6.4.5.1)"),
                error("--roc-rate for a download MSK", with(BUILD_MSK, "--roc-rate", "1"),
                        "--roc-rate with --service download: a download MSK message has the Empty map and no SP "
                                + "(TS 33.246 §6.4.5.1)"),
                error("SEQu at its maximum", with(BUILD_MSK, "--seql", "0", "--sequ", "65535"),
                        "--sequ 65535: the BM-SC never sets SEQu to its maximum (TS 33.246 §6.4.5.1)"),
                error("CSB ID of 3 bytes", replacing(BUILD_MSK, "--csb-id", "c5b1d0"),
                        "--csb-id must be 4 bytes (8 hex digits)"),
                error("MSK ID in Key Group 0", replacing(BUILD_MSK, "--msk-id", "00000002"),
                        "cannot build the message: Key Group 0000 is reserved; TS 33.246 §6.3.2.1"),
                error("short MTK", replacing(BUILD_MTK, "--mtk", "00"),
                        "--mtk must be 16, 24 or 32 bytes (an SRTP master key of 128, 192 or 256 bits, TS 33.246 §4.2)"),
                error("16-byte salt", replacing(BUILD_MTK, "--salt", "00".repeat(16)),
                        "--salt must be 14 bytes (28 hex digits), the MTK salt length"),
                error("streaming MTK without salt", without(BUILD_MTK, "--salt", false),
                        "a streaming MTK travels with its 112-bit salt (TS 33.246 §6.4.5.3)"),
                error("download MTK with a salt", with(BUILD_MTK_DOWNLOAD, "--salt", MikeyGolden.SALT),
                        "--salt with --service download: a download MTK travels as TGK without salt (TS 33.246 §6.4.5.3)"),
                error("MTK without the MSK's RAND", without(BUILD_MTK, "--msk-rand", false),
                        "Missing required option: '--msk-rand=HEX'"),
                error("MTK without a service", without(BUILD_MTK, "--service", false),
                        "Missing required option: '--service=streaming|download'"),
                error("MTK of an unknown service", replacing(BUILD_MTK, "--service", "broadcast"),
                        "--service must be streaming or download"),
                error("MTK ID above 16 bits", replacing(BUILD_MTK, "--mtk-id", "65536"),
                        "--mtk-id must be a decimal number 0..65535 (an MTK ID); got '65536'"),
                error("MTK under Key Number 0", replacing(BUILD_MTK, "--msk-id", "00010000"),
                        "--msk-id 00010000 has Key Number 0000 (\"current MSK\")"),
                error("32-byte MSK for an MTK message", replacing(BUILD_MTK, "--msk", "00".repeat(32)),
                        "--msk must be 16 bytes (32 hex digits), the MSK length"),
                error("solicited pull for Key Group 0", replacing(BUILD_SOLICIT, "--key-group", "0000"),
                        "Key Group 0000 is reserved"),
                error("Key Group of one digit", replacing(BUILD_SOLICIT, "--key-group", "1"),
                        "--key-group must be 4 hex digits, e.g. 0001; got '1'"),
                error("solicit with a Key Domain of letters", replacing(BUILD_SOLICIT, "--key-domain", "abc-de"),
                        "--key-domain must be MCC-MNC"),
                error("ack answering text that is not hex",
                        new String[] {"mikey", "build", "ack", "--muk", MikeyGolden.MUK, "--answers", "zz"},
                        "--answers must be hex digits (white space allowed): not a hex digit at position 0: 'z'"),
                error("ack answering an MTK message",
                        new String[] {"mikey", "build", "ack", "--muk", MikeyGolden.MUK, "--answers", MikeyGolden.MTK_MESSAGE.toHex()},
                        "--answers must be an MSK message; it is an MTK message"),
                error("ack answering a truncated message",
                        new String[] {"mikey", "build", "ack", "--muk", MikeyGolden.MUK, "--answers", "01001580c5b1d001"},
                        "--answers must be an MSK message; it is not an MBMS message: MALFORMED: malformed MIKEY at byte 8"));
    }

    private static Arguments error(String name, String[] args, String expected) {
        return Arguments.of(name, args, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void isRefusedWithExitCodeTwoAndAMessageNamingTheOption(String name, String[] args, String expected) {
        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(expected);
        assertThat(run.out()).isEmpty();
    }
}
