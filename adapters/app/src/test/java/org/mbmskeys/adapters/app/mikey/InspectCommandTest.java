package org.mbmskeys.adapters.app.mikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mbmskeys.adapters.app.CliRun;
import org.mbmskeys.adapters.app.JsonCheck;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.mikey.CommonHeader;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.DataType;
import org.mbmskeys.mbms.mikey.ErrorNumber;
import org.mbmskeys.mbms.mikey.ErrorPayload;
import org.mbmskeys.mbms.mikey.ExtensionType;
import org.mbmskeys.mbms.mikey.GeneralExtensionPayload;
import org.mbmskeys.mbms.mikey.IdPayload;
import org.mbmskeys.mbms.mikey.IdType;
import org.mbmskeys.mbms.mikey.MikeyCodec;
import org.mbmskeys.mbms.mikey.MikeyMessage;

/**
 * {@code mbms-keys mikey inspect} on the golden messages of {@link MikeyGolden} ([SELF] regression values):
 * every payload shown, the MBMS classification, the key check with {@code --key}, JSON output, and the
 * exit codes for malformed input, wrong keys and argument errors.
 */
class InspectCommandTest {

    private static final String MSK_HEX = MikeyGolden.MSK_MESSAGE.toHex();

    @Test
    void mskMessageIsShownPayloadByPayloadAndClassifiedWithoutKey() {
        CliRun run = CliRun.of("mikey", "inspect", MSK_HEX);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                MIKEY message, 164 bytes
                HDR
                  version               1
                  data_type             PSK_INIT (0)
                  v                     yes
                  prf_func              MIKEY_1 (0)
                  csb_id                c5b1d001
                  cs_count              0
                  cs_id_map_type        EMPTY_MAP (1)
                EXT
                  ext_type              KEY_ID (3)
                  length                11
                  data                  000300f110010400010002
                  key_ids
                    - key_id_type KEY_DOMAIN (0), key_id_len 3, key_domain 001-01
                    - key_id_type MSK (1), key_id_len 4, msk_id 00010002
                T
                  ts_type               COUNTER (2)
                  ts_value              7
                RAND
                  rand_len              16
                  rand                  101112131415161718191a1b1c1d1e1f
                ID
                  id_type               NAI (0)
                  id_len                16
                  id_text               bmsc.example.org
                  id_data               626d73632e6578616d706c652e6f7267
                ID
                  id_type               NAI (0)
                  id_len                40
                  id_text               I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org
                  id_data               4931553876705933714a306869755a4e726b652f4e513d3d406273662e6578616d706c652e6f7267
                KEMAC
                  encr_alg              AES_CM_128 (1)
                  encr_data_len         26
                  encr_data             8644fea5a17a929b2de49d60a836b7c154219cd3efc768f3f67a
                  mac_alg               HMAC_SHA1_160 (1)
                  mac                   f58d2c5e651b8d3dccc2913c0dcf445a0450877e
                MBMS
                  message               MSK message
                  key_domain            001-01
                  msk_id                00010002
                  counter               7
                  idi                   bmsc.example.org
                  idr                   I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org
                  ask_for_verification  yes
                  service_type          download
                  sp                    none
                  verify_with           --key MUK
                """.replace("\n", System.lineSeparator()));
    }

    @Test
    void mskMessageWithTheMukShowsTheMskAndItsKeyValidity() {
        CliRun run = CliRun.of("mikey", "inspect", MSK_HEX, "--key", MikeyGolden.MUK);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).endsWith(lines(
                "KEY",
                "  verified              yes",
                "  msk                   00112233445566778899aabbccddeeff",
                "  seql                  0",
                "  sequ                  65534",
                "  validity_only         no",
                "  invalidation          no"));
    }

    @Test
    void validityOnlyUpdateWithTheMukShowsNoKeyAndTheNewValidity() {
        CliRun built = CliRun.of(MikeyGolden.with(MikeyGolden.BUILD_VALIDITY_ONLY, "--seql", "5", "--sequ", "900"));
        CliRun run = CliRun.of("mikey", "inspect", built.out().strip(), "--key", MikeyGolden.MUK);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(lines(
                "  msk                   none",
                "  seql                  5",
                "  sequ                  900",
                "  validity_only         yes",
                "  invalidation          no"));
    }

    @Test
    void mtkMessageWithTheMskShowsTheMtkAndSalt() {
        CliRun run = CliRun.of("mikey", "inspect", MikeyGolden.MTK_MESSAGE.toHex(), "--key", MikeyGolden.MSK,
                "--msk-rand", MikeyGolden.MSK_RAND, "--service", "streaming");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains(lines(
                "EXT",
                "  ext_type              KEY_ID (3)",
                "  length                15",
                "  data                  000300f110010400010002020200" + "05",
                "  key_ids",
                "    - key_id_type KEY_DOMAIN (0), key_id_len 3, key_domain 001-01",
                "    - key_id_type MSK (1), key_id_len 4, msk_id 00010002",
                "    - key_id_type MTK (2), key_id_len 2, mtk_id 5"));
        assertThat(run.out()).contains(lines(
                "MBMS",
                "  message               MTK message",
                "  key_domain            001-01",
                "  msk_id                00010002",
                "  mtk_id                5",
                "  counter               3"));
        assertThat(run.out()).endsWith(lines(
                "KEY",
                "  verified              yes",
                "  mtk                   0f0e0d0c0b0a09080706050403020100",
                "  salt                  a0a1a2a3a4a5a6a7a8a9aaabacad"));
    }

    /** U2: a Key Domain ID packed otherwise is shown as the 0x form the tools and configurations read back. */
    @Test
    void aKeyDomainIdInAnotherPackingIsShownAsItsOctets() {
        String other = MikeyGolden.MTK_MESSAGE.toHex().replace("000300f110", "0003b8709d");

        CliRun run = CliRun.of("mikey", "inspect", other);

        assertThat(run.out()).contains("key_domain 0xb8709d").contains(lines("  key_domain            0xb8709d"));
    }

    /** TS 33.246 §6.5.4: the RAND of the MSK's messages opens its MTK messages, as a UE keeps it. */
    @Test
    void mtkMessageOpensWithTheRandOfAnMskMessageForThatMsk() {
        CliRun run = CliRun.of("mikey", "inspect", MikeyGolden.MTK_DOWNLOAD_MESSAGE.toHex(), "--key", MikeyGolden.MSK,
                "--msk-message", MSK_HEX, "--service", "download");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).endsWith(lines(
                "KEY",
                "  verified              yes",
                "  mtk                   0f0e0d0c0b0a09080706050403020100",
                "  salt                  none"));
    }

    @Test
    void streamingMskMessageShowsItsMapEntryAndThePendingPolicy() {
        CliRun run = CliRun.of("mikey", "inspect", MikeyGolden.MSK_STREAMING_MESSAGE.toHex());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(lines(
                "  cs_count              1",
                "  cs_id_map_type        SRTP_ID (0)",
                "  srtp_cs"));
        assertThat(run.out()).contains("ssrc 0a0b0c0d");
        assertThat(run.out()).contains(lines(
                "    - type ROC transmission rate (13), length 2, value 0001",
                "    - type SRTP auth alg (14), length 1, value 02",
                "    - type SRTP auth tag len (18), length 1, value 0e"));
        assertThat(run.out()).contains(lines(
                "  service_type          streaming",
                "  sp                    Policy no 0 (pending: adopted only if the MAC verifies)"));
    }

    @Test
    void mtkMessageTakesTheServiceTypeFromTheMskMessage() {
        CliRun run = CliRun.of("mikey", "inspect", MikeyGolden.MTK_MESSAGE.toHex(), "--key", MikeyGolden.MSK,
                "--msk-message", MikeyGolden.MSK_STREAMING_MESSAGE.toHex());

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("  salt                  a0a1a2a3a4a5a6a7a8a9aaabacad");
    }

    @Test
    void mtkMessageWithTheKeyButWithoutTheMsksRandIsAnArgumentError() {
        CliRun run = CliRun.of("mikey", "inspect", MikeyGolden.MTK_MESSAGE.toHex(), "--key", MikeyGolden.MSK,
                "--service", "streaming");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--key on an MTK message needs --msk-rand HEX or --msk-message HEX|@FILE: MTK "
                + "messages carry no RAND, their keys come from the RAND of the MSK's messages (TS 33.246 §6.5.4)");
    }

    @Test
    void mtkMessageOpenedAsTheOtherServiceTypeIsNotInTheProfile() {
        CliRun run = CliRun.of("mikey", "inspect", MikeyGolden.MTK_MESSAGE.toHex(), "--key", MikeyGolden.MSK,
                "--msk-rand", MikeyGolden.MSK_RAND, "--service", "download");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("NOT_IN_PROFILE: MTK key data of type TEK_SALT for a download service");
    }

    @Test
    void unknownKeyIdTypesAreListedWithTheirHex() {
        Bytes ext = Bytes.ofHex("000300f110" + "010400010002" + "f102abcd");
        Bytes msg = MikeyCodec.encode(new MikeyMessage(CommonHeader.mbmsEmptyMap(DataType.PSK_INIT, false,
                CsbId.of(0xc5b1d001)), List.of(GeneralExtensionPayload.of(ExtensionType.KEY_ID, ext))));
        CliRun run = CliRun.of("mikey", "inspect", msg.toHex());

        assertThat(run.out()).contains("    - key_id_type UNKNOWN (241), key_id_len 2, key_id abcd");
    }

    @Test
    void solicitedPullIsClassifiedAndVerifiesWithTheMuk() {
        CliRun run = CliRun.of("mikey", "inspect", MikeyGolden.SOLICIT_MESSAGE.toHex(), "--key", MikeyGolden.MUK);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(lines(
                "  encr_data_len         0",
                "  encr_data             (empty)"));
        assertThat(run.out()).contains(lines(
                "  message               solicited pull",
                "  key_domain            001-01",
                "  key_group             0001",
                "  counter               8"));
        assertThat(run.out()).endsWith(lines("KEY", "  verified              yes"));
    }

    @Test
    void verificationMessageVerifiesWithTheMukAndTheMskMessageItAnswers() {
        CliRun run = CliRun.of("mikey", "inspect", MikeyGolden.ACK_MESSAGE.toHex(), "--key", MikeyGolden.MUK,
                "--answers", MSK_HEX);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(lines(
                "V",
                "  auth_alg              HMAC_SHA1_160 (1)",
                "  ver_data              94dc65a3cb207729ee51474ab46a0f2ff89cacd0",
                "MBMS",
                "  message               verification message",
                "  csb_id                c5b1d001",
                "  counter               7"));
        assertThat(run.out()).endsWith(lines(
                "KEY",
                "  verified              yes",
                "  answers               MSK message 001-01/00010002, counter 7"));
    }

    @Test
    void verificationMessageAgainstAnotherMskMessageIsUnexpected() {
        CliRun other = CliRun.of(MikeyGolden.replacing(MikeyGolden.BUILD_MSK, "--counter", "8"));
        CliRun run = CliRun.of("mikey", "inspect", MikeyGolden.ACK_MESSAGE.toHex(), "--key", MikeyGolden.MUK,
                "--answers", other.out().strip());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("UNEXPECTED_MESSAGE: verification message (CSB ID c5b1d001, counter 7)");
    }

    @Test
    void wrongKeyExitsOneWithBadMac() {
        CliRun run = CliRun.of("mikey", "inspect", MSK_HEX, "--key", MikeyGolden.MSK);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("BAD_MAC: KEMAC MAC of MSK message 001-01/00010002 (counter 7) does not "
                + "verify with the MUK of IDi bmsc.example.org, IDr I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");
        assertThat(run.out()).contains(lines("KEY", "  verified              no", "  rejection             BAD_MAC"));
        assertThat(run.out()).doesNotContain(MikeyGolden.MSK.substring(8));
    }

    @Test
    void flippedMacBitIsRejectedAsBadMac() {
        Bytes tampered = MikeyGolden.MSK_MESSAGE.withByteXored(MikeyGolden.MSK_MESSAGE.length() - 1, 0x01);
        CliRun run = CliRun.of("mikey", "inspect", tampered.toHex(), "--key", MikeyGolden.MUK);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("BAD_MAC: ");
    }

    @Test
    void flippedEncryptedKeyByteIsRejectedAsBadMacBeforeAnythingIsDecrypted() {
        int firstEncryptedByte = MikeyGolden.MSK_MESSAGE.length() - 20 - 1 - 26;
        Bytes tampered = MikeyGolden.MSK_MESSAGE.withByteXored(firstEncryptedByte, 0x80);
        CliRun run = CliRun.of("mikey", "inspect", tampered.toHex(), "--key", MikeyGolden.MUK);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("BAD_MAC: ");
        assertThat(run.out()).doesNotContain("  msk      ");
    }

    @Test
    void flippedMtkIdBitIsRejectedAsBadMac() {
        Bytes tampered = MikeyGolden.MTK_MESSAGE.withByteXored(28, 0x01); // low byte of the MTK ID: 5 becomes 4
        CliRun run = CliRun.of("mikey", "inspect", tampered.toHex(), "--key", MikeyGolden.MSK, "--msk-rand",
                MikeyGolden.MSK_RAND, "--service", "streaming");

        assertThat(run.out()).contains("  mtk_id                4").contains("mtk_id 4");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("BAD_MAC: KEMAC MAC of MTK message 4 under MSK 001-01/00010002 (counter 3)");
    }

    /** The codec's own tests cover every truncation; here one per field kind, with the exact line. */
    @ParameterizedTest(name = "{0} bytes")
    @CsvSource(delimiter = '|', textBlock = """
            1   | malformed MIKEY at byte 1 (HDR.data type): needs 1 byte, 0 remain
            9   | malformed MIKEY at byte 9 (HDR.CS ID map type): needs 1 byte, 0 remain
            11  | malformed MIKEY at byte 11 (EXT.Type): needs 1 byte, 0 remain
            20  | malformed MIKEY at byte 12 (EXT.Length): declares 11 bytes, 6 remain
            34  | malformed MIKEY at byte 32 (RAND.RAND len): declares 16 bytes, 1 remain
            104 | malformed MIKEY at byte 71 (ID.ID len): declares 40 bytes, 31 remain
            163 | malformed MIKEY at byte 144 (KEMAC.MAC): needs 20 bytes, 19 remain
            """)
    void truncatedMessageExitsOneNamingTheOffsetAndField(int length, String expected) {
        CliRun run = CliRun.of("mikey", "inspect", MikeyGolden.MSK_MESSAGE.slice(0, length).toHex(), "--key", MikeyGolden.MUK);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo(expected);
    }

    @Test
    void truncatedMessageReportsTheOffsetInTextAndJson() {
        String tenBytes = MSK_HEX.substring(0, 20);
        CliRun text = CliRun.of("mikey", "inspect", tenBytes);
        CliRun json = CliRun.of("mikey", "inspect", tenBytes, "--json");

        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.err().strip()).isEqualTo("malformed MIKEY at byte 10 (EXT.next payload): needs 1 byte, 0 remain");
        assertThat(text.out()).isEqualTo(lines("MIKEY message, 10 bytes", "MALFORMED", "  offset                10",
                "  field                 EXT.next payload", "  problem               needs 1 byte, 0 remain"));
        assertThat(json.exitCode()).isEqualTo(1);
        Map<String, Object> o = JsonCheck.object(json.out());
        assertThat(o).containsEntry("length", 10L).containsEntry("hdr", null).containsEntry("payloads", null)
                .containsEntry("mbms", null).containsEntry("key", null);
        assertThat(o.get("malformed")).isEqualTo(Map.of("offset", 10L, "field", "EXT.next payload",
                "problem", "needs 1 byte, 0 remain"));
    }

    @Test
    void jsonIsOneWellFormedObjectWithTheSameFields() {
        CliRun run = CliRun.of("mikey", "inspect", MSK_HEX, "--key", MikeyGolden.MUK, "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        Map<String, Object> o = JsonCheck.object(run.out());
        assertThat(o.keySet()).containsExactly("length", "malformed", "hdr", "payloads", "mbms", "key");
        assertThat(o).containsEntry("length", 164L).containsEntry("malformed", null);
        Map<String, Object> hdr = map(o.get("hdr"));
        assertThat(hdr.get("data_type")).isEqualTo(Map.of("name", "PSK_INIT", "code", 0L));
        assertThat(hdr.get("v")).isEqualTo(true);
        assertThat(hdr.get("csb_id")).isEqualTo("c5b1d001");
        assertThat(hdr).doesNotContainKey("key_domain");
        List<Object> payloads = list(o.get("payloads"));
        assertThat(payloads).extracting(p -> map(p).get("payload")).containsExactly("EXT", "T", "RAND", "ID", "ID", "KEMAC");
        assertThat(list(map(payloads.get(0)).get("key_ids"))).containsExactly(
                Map.of("key_id_type", Map.of("name", "KEY_DOMAIN", "code", 0L), "key_id_len", 3L, "key_domain", "001-01"),
                Map.of("key_id_type", Map.of("name", "MSK", "code", 1L), "key_id_len", 4L, "msk_id", "00010002"));
        assertThat(map(payloads.get(1))).containsEntry("ts_value", 7L);
        assertThat(map(payloads.get(4))).containsEntry("id_text", MikeyGolden.IDR);
        assertThat(map(payloads.get(5))).containsEntry("mac", "f58d2c5e651b8d3dccc2913c0dcf445a0450877e")
                .containsEntry("encr_data_len", 26L);
        assertThat(map(o.get("mbms"))).containsEntry("message", "MSK message").containsEntry("counter", 7L)
                .containsEntry("ask_for_verification", true);
        assertThat(map(o.get("key"))).containsEntry("verified", true).containsEntry("msk", MikeyGolden.MSK)
                .containsEntry("seql", 0L).containsEntry("sequ", 65534L).containsEntry("validity_only", false);
    }

    @Test
    void jsonOfEachMessageTypeParsesAndNamesTheMessage() {
        Map<String, Bytes> byName = Map.of(
                "MSK message", MikeyGolden.MSK_MESSAGE,
                "verification message", MikeyGolden.ACK_MESSAGE,
                "solicited pull", MikeyGolden.SOLICIT_MESSAGE,
                "MTK message", MikeyGolden.MTK_MESSAGE,
                "MSK message without key", MikeyGolden.VALIDITY_ONLY_MESSAGE,
                "download MTK message", MikeyGolden.MTK_DOWNLOAD_MESSAGE);
        byName.forEach((name, message) -> {
            CliRun run = CliRun.of("mikey", "inspect", message.toHex(), "--json");
            assertThat(run.exitCode()).isZero();
            Map<String, Object> o = JsonCheck.object(run.out());
            assertThat(map(o.get("mbms"))).containsEntry("message", name.replace(" without key", "")
                    .replace("download ", ""));
            assertThat(o).containsEntry("key", null).containsEntry("length", (long) message.length());
        });
    }

    @Test
    void debugMessageWithNullEncryptionShowsItsKeyDataButIsNotAnMbmsMessage() {
        CliRun run = CliRun.of("mikey", "inspect", MikeyGolden.debugNullMskMessage().toHex());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(lines(
                "KEMAC",
                "  encr_alg              NULL (0)",
                "  encr_data_len         26",
                "  encr_data             0022001000112233445566778899aabbccddeeff02000002fffe",
                "  mac_alg               NULL (0)",
                "  mac                   (empty)",
                "  key_data",
                "    - type TEK (2), kv INTERVAL (2), key_len 16, key 00112233445566778899aabbccddeeff, kv_from 0000, "
                        + "kv_to fffe, seql 0, sequ 65534",
                "MBMS",
                "  message               none",
                "  rejection             UNSUPPORTED_ALGORITHM",
                "  detail                KEMAC Encr alg NULL; the profile uses AES-CM-128"));
    }

    @Test
    void messageOutsideTheProfileExitsOneOnlyWhenAKeyIsGiven() {
        String debug = MikeyGolden.debugNullMskMessage().toHex();
        CliRun run = CliRun.of("mikey", "inspect", debug, "--key", MikeyGolden.MUK);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("UNSUPPORTED_ALGORITHM: KEMAC Encr alg NULL; the profile uses AES-CM-128");
        assertThat(run.out()).doesNotContain("KEY" + System.lineSeparator());
    }

    @Test
    void errorMessageIsShownWithItsErrorNumberAndIsNotInTheProfile() {
        Bytes err = MikeyCodec.encode(new MikeyMessage(CommonHeader.mbmsEmptyMap(DataType.ERROR, false, CsbId.of(0xc5b1d001)),
                List.of(ErrorPayload.of(ErrorNumber.INVALID_MAC))));
        CliRun run = CliRun.of("mikey", "inspect", err.toHex());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(lines("ERR", "  error_no              INVALID_MAC (3)", "  reserved              0000"));
        assertThat(run.out()).contains("  rejection             NOT_IN_PROFILE");
    }

    @Test
    void idDataWithControlCharactersIsShownAsHexOnly() {
        Bytes escape = Bytes.wrap("\u001b[2Jevil".getBytes(StandardCharsets.UTF_8));
        Bytes msg = MikeyCodec.encode(new MikeyMessage(CommonHeader.mbmsEmptyMap(DataType.PSK_INIT, false, CsbId.of(0xc5b1d001)),
                List.of(new IdPayload(IdType.URI, escape))));
        CliRun run = CliRun.of("mikey", "inspect", msg.toHex());

        assertThat(run.out()).doesNotContain("\u001b");
        assertThat(run.out()).contains(lines("  id_text               none", "  id_data               " + escape.toHex()));
    }

    @Test
    void controlCharactersInARejectionDetailAreEscapedOnStderrAndStdout() {
        CliRun built = CliRun.of(MikeyGolden.replacing(MikeyGolden.BUILD_MSK, "--idi", "\u001b[2Jbmsc\rforged"));
        CliRun run = CliRun.of("mikey", "inspect", built.out().strip(), "--key", MikeyGolden.MSK);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).doesNotContain("\u001b").doesNotContain("\r")
                .contains("MUK of IDi \\u001b[2Jbmsc\\u000dforged, IDr");
        assertThat(run.out()).doesNotContain("\u001b").doesNotContain("\r");
    }

    @Test
    void messageIsReadFromAFileWithWhiteSpaceBetweenTheDigits(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("msk.hex");
        String spaced = MSK_HEX.replaceAll("(.{32})", "$1\n").replaceAll("(..)(..)", "$1 $2 ");
        Files.writeString(file, spaced);
        CliRun run = CliRun.of("mikey", "inspect", "@" + file, "--key", MikeyGolden.MUK);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("MIKEY message, 164 bytes").contains("  verified              yes");
    }

    @Test
    void messageIsReadFromStdinWithADash() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream((MSK_HEX + "\n").getBytes(StandardCharsets.US_ASCII)));
            CliRun run = CliRun.of("mikey", "inspect", "-", "--json");

            assertThat(run.exitCode()).isZero();
            assertThat(JsonCheck.object(run.out())).containsEntry("length", 164L);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void hexWithABadDigitIsAnArgumentError() {
        CliRun run = CliRun.of("mikey", "inspect", "01g0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("MESSAGE must be hex digits (white space allowed): not a hex digit at position 2: 'g'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingFileIsAnArgumentErrorNamingTheFile(@TempDir Path dir) {
        CliRun run = CliRun.of("mikey", "inspect", "@" + dir.resolve("nope.hex"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("MESSAGE (file " + dir.resolve("nope.hex") + ") cannot be read: NoSuchFileException");
    }

    @Test
    void emptyFileIsAnArgumentError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("empty.hex"), " \n");
        CliRun run = CliRun.of("mikey", "inspect", "@" + file);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is empty; expected a MIKEY message as hex");
    }

    @Test
    void verificationMessageWithKeyButWithoutAnswersIsAnArgumentError() {
        CliRun run = CliRun.of("mikey", "inspect", MikeyGolden.ACK_MESSAGE.toHex(), "--key", MikeyGolden.MUK);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--key on a verification message needs --answers HEX|@FILE: the MSK message it answers");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void answersWithoutKeyIsAnArgumentError() {
        CliRun run = CliRun.of("mikey", "inspect", MikeyGolden.ACK_MESSAGE.toHex(), "--answers", MSK_HEX);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--answers needs --key: the MUK that protected the answered MSK message");
    }

    @Test
    void answersForAMessageThatIsNotAVerificationIsAnArgumentError() {
        CliRun run = CliRun.of("mikey", "inspect", MSK_HEX, "--key", MikeyGolden.MUK, "--answers", MSK_HEX);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--answers applies only to a verification message; MESSAGE is an MSK message");
    }

    @Test
    void answersThatIsNotAnMskMessageIsAnArgumentError() {
        CliRun run = CliRun.of("mikey", "inspect", MikeyGolden.ACK_MESSAGE.toHex(), "--key", MikeyGolden.MUK,
                "--answers", MikeyGolden.SOLICIT_MESSAGE.toHex());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--answers must be the MSK message the verification message answers; it is a solicited pull");
    }

    @Test
    void keyThatIsNotHexIsAnArgumentError() {
        CliRun run = CliRun.of("mikey", "inspect", MSK_HEX, "--key", "k");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--key must be hex digits (an even number of 0-9, a-f), got 'k'");
        assertThat(run.out()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object jsonObject) {
        return (Map<String, Object>) jsonObject;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object jsonArray) {
        return (List<Object>) jsonArray;
    }

    @Test
    void argumentsAreCheckedBeforeTheMessageSoABadKeyIsExitCodeTwoEvenForAMalformedMessage() {
        CliRun run = CliRun.of("mikey", "inspect", "0100", "--key", "k");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--key must be hex digits");
        assertThat(run.out()).isEmpty();
    }

    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }
}
