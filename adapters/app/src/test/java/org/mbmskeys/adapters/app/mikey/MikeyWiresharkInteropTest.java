package org.mbmskeys.adapters.app.mikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.adapters.app.CliRun;
import org.mbmskeys.adapters.app.Tshark;
import org.mbmskeys.adapters.memory.pcap.PcapWriter;
import org.mbmskeys.adapters.memory.pcap.PcapWriter.Datagram;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.mikey.KeyIdExtension;

/**
 * Interop with an independent dissector: Wireshark's {@code packet-mikey.c} (tshark 4.0) decodes every
 * MBMS message type we build, without "Malformed Packet" or expert errors, and reads the same header, T,
 * RAND, ID, EXT and KEMAC/V fields that we put in. Wireshark checks no
 * MAC and decrypts nothing; the crypto is cross-checked in {@link MikeyGolden}.
 *
 * <p>The eight messages go into one capture, read twice (once {@code -V}, once {@code -T fields}). The
 * expected field lines were taken from tshark 4.0.17 by hand and checked against what we built. Skipped
 * without tshark locally; required under {@code CI=true} ({@link Tshark#require()}).
 */
class MikeyWiresharkInteropTest {

    private static final String[] FIELDS = {"mikey.type", "mikey.v.set", "mikey.prf_func", "mikey.csb_id",
        "mikey.cs_count", "mikey.cs_id_map_type", "mikey.t.ts_type", "mikey.ext.type", "mikey.ext.data",
        "mikey.id.type", "mikey.id.data", "mikey.rand.len", "mikey.rand.data", "mikey.kemac.encr_alg",
        "mikey.kemac.key_data_len", "mikey.kemac.key_data", "mikey.kemac.mac_alg", "mikey.kemac.mac",
        "mikey.v.auth_alg", "mikey.v.ver_data", "mikey.key.type", "mikey.key.kv", "mikey.key.data",
        "mikey.key.kv.from", "mikey.key.kv.to"};

    private static final List<Bytes> MESSAGES = List.of(MikeyGolden.MSK_MESSAGE, MikeyGolden.ACK_MESSAGE,
            MikeyGolden.SOLICIT_MESSAGE, MikeyGolden.MTK_MESSAGE, MikeyGolden.MTK_DOWNLOAD_MESSAGE,
            MikeyGolden.VALIDITY_ONLY_MESSAGE, MikeyGolden.debugNullMskMessage(), MikeyGolden.MSK_STREAMING_MESSAGE);

    @TempDir
    static Path dir;

    private static String verbose;
    private static List<String> fields;

    @BeforeAll
    static void decodeTheCaptureWithTshark() throws Exception {
        Tshark.require();
        Path pcap = dir.resolve("mbms-mikey.pcap");
        List<Datagram> datagrams = new ArrayList<>();
        for (int i = 0; i < MESSAGES.size(); i++) {
            boolean ack = MESSAGES.get(i) == MikeyGolden.ACK_MESSAGE;
            datagrams.add(new Datagram(PcapCommand.START.plusSeconds(i), ack ? PcapCommand.UE : PcapCommand.BMSC,
                    ack ? PcapCommand.BMSC : PcapCommand.UE, MESSAGES.get(i)));
        }
        try (OutputStream out = Files.newOutputStream(pcap)) {
            PcapWriter.write(out, datagrams);
        }
        verbose = Tshark.run("-r", pcap.toString(), "-V", "-O", "mikey", "-z", "expert");
        List<String> args = new ArrayList<>(List.of("-r", pcap.toString(), "-T", "fields",
                "-E", "separator=,", "-E", "aggregator=|", "-E", "quote=n"));
        for (String f : FIELDS) {
            args.add("-e");
            args.add(f);
        }
        fields = Tshark.run(args.toArray(String[]::new)).lines().toList();
    }

    @Test
    void noMessageIsMalformedOrRaisesAnExpertError() {
        assertThat(verbose).doesNotContain("Malformed").doesNotContain("Expert Info").doesNotContain("Errors (")
                .doesNotContain("Warnings (");
        assertThat(verbose.lines().filter(l -> l.equals("Multimedia Internet KEYing: Pre-shared"))).hasSize(7);
        assertThat(verbose.lines().filter(l -> l.equals("Multimedia Internet KEYing: PSK ver msg"))).hasSize(1);
    }

    @Test
    void everyMessageDecodesToTheFieldsWeBuilt() {
        // type,V,PRF,CSB ID,#CS,map type,TS type,EXT type,EXT data,ID type,ID data,RAND len,RAND,
        // Encr alg,Encr data len,Encr data,MAC alg,MAC,V auth alg,Ver data,key type,KV,key,KV from,KV to
        assertThat(fields).containsExactly(EXPECTED_LINES);
    }

    @Test
    void extDataIsOurKeyIdsAndTheMacIsTheLastTwentyBytesWeSent() {
        KeyDomainId domain = KeyDomainId.parse("001-01");
        assertThat(column(0, "mikey.ext.data")).isEqualTo("000300f110010400010002")
                .isEqualTo(KeyIdExtension.forMsk(domain, MskId.parseHex("00010002")).toPayload().data().toHex());
        assertThat(column(3, "mikey.ext.data")).isEqualTo("000300f110010400010002020200" + "05")
                .isEqualTo(KeyIdExtension.forMtk(domain, MskId.parseHex("00010002"), MtkId.of(5)).toPayload().data().toHex());
        for (int frame : new int[] {0, 2, 3, 4, 5}) {
            Bytes sent = MESSAGES.get(frame);
            assertThat(column(frame, "mikey.kemac.mac")).as("MAC of frame %d", frame)
                    .isEqualTo(sent.slice(sent.length() - 20, 20).toHex());
        }
        assertThat(column(1, "mikey.v.ver_data")).isEqualTo(MikeyGolden.ACK_MESSAGE.slice(MikeyGolden.ACK_MESSAGE.length() - 20, 20).toHex());
    }

    @Test
    void theDebugMessageShowsItsKeyDataAndKeyValidityInTheClear() {
        assertThat(verbose).contains(
                "Key data (KEY) Type: TEK",
                ".... 0010 = KV: Interval (2)",
                "Key: 00112233445566778899aabbccddeeff",
                "Valid from: 0000",
                "Valid to: fffe");
    }

    /**
     * The SP of the streaming MSK message (TS 33.246 §6.4.5.1): tshark 4.0 names the RFC 3830 parameters and
     * shows the RFC 4771 ones (13 R, 14 SRTP auth alg, 18 SRTP tag length) by number, without expert info.
     */
    @Test
    void theStreamingSecurityPolicyDecodesParameterByParameter() {
        String sp = verbose.substring(verbose.indexOf("Security Policy (SP) No: 0, Type: SRTP"));
        assertThat(sp).contains("Policy param length: 25", "Encryption algorithm: AES-CM (1)",
                "Session Encr. key length: 16", "Authentication algorithm: HMAC-SHA-1 (1)", "Session Salt key length: 14",
                "Authentication tag length: 10");
        assertThat(sp.lines().map(String::strip).toList()).containsSubsequence(
                "Type: 13", "Length: 2", "Value: 0001",
                "Type: 14", "Length: 1", "Value: 02",
                "Type: 18", "Length: 1", "Value: 0e");
    }

    @Test
    void tsharkFlagsATruncatedMessageAsMalformed() throws Exception {
        // The negative control: the same checks would notice a broken message. Written by 'mikey pcap'.
        Path pcap = dir.resolve("truncated.pcap");
        Bytes truncated = MikeyGolden.MSK_MESSAGE.slice(0, MikeyGolden.MSK_MESSAGE.length() - 1);
        CliRun run = CliRun.of("mikey", "pcap", "--out", pcap.toString(), truncated.toHex());
        assertThat(run.exitCode()).isZero();

        String out = Tshark.run("-r", pcap.toString(), "-V", "-O", "mikey", "-z", "expert");
        assertThat(out).contains("[Malformed Packet: MIKEY]").contains("Errors (1)");
    }

    /** Taken from tshark 4.0.17 and checked field by field against what we built. */
    private static final String[] EXPECTED_LINES = {
        "0,1,0,0xc5b1d001,0,1,2,3,000300f110010400010002,0|0," + ids() + ",16,101112131415161718191a1b1c1d1e1f,"
                + "1,26,8644fea5a17a929b2de49d60a836b7c154219cd3efc768f3f67a,1,f58d2c5e651b8d3dccc2913c0dcf445a0450877e,"
                + ",,,,,,",
        "1,0,0,0xc5b1d001,0,1,2,,,0," + MikeyGolden.IDR + ",,,,,,,,1,94dc65a3cb207729ee51474ab46a0f2ff89cacd0,,,,,",
        // Solicited pull: Encr data len 0, which tshark shows as <MISSING> bytes (no expert info).
        "0,0,0,0xc5b1d002,0,1,2,3,000300f110010400010000,0|0," + ids() + ",16,202122232425262728292a2b2c2d2e2f,"
                + "1,0,<MISSING>,1,836c30055ac6cd63eafb34b6630ea7ec010c7e96,,,,,,,",
        // Streaming MTK: one EXT with three Key IDs, no ID, no RAND (TS 33.246 §6.4.5.3).
        "0,0,0,0xc5b1d003,0,1,2,3,000300f11001040001000202020005,,,,,"
                + "1,36,913d3ab15a55d2b9263bf95f41ff903f223f6af1209bc3f8928c7320aac2743370dc86a1,"
                + "1,fbdc17edf1d1f3c658a1280e556c1765b77a0d00,,,,,,,",
        "0,0,0,0xc5b1d003,0,1,2,3,000300f11001040001000202020005,,,,,"
                + "1,20,d11ac1b71763fd3f9652e5c38252cd93cd42b1e5,1,62b4a186a1e46736b3ece05ab1559e1548391f95,,,,,,,",
        "0,0,0,0xc5b1d001,0,1,2,3,000300f110010400010002,0|0," + ids() + ",16,101112131415161718191a1b1c1d1e1f,"
                + "1,10,4c8a4db03666e25992bd,1,da5c4955ccc1c671803507451153526ee6e29609,,,,,,,",
        // DEBUG message, Encr alg NULL: tshark decodes the Key data sub-payload (TEK, KV Interval) instead.
        "0,0,0,0xc5b1d001,0,1,2,3,000300f110010400010002,0|0," + ids() + ",16,101112131415161718191a1b1c1d1e1f,"
                + "0,26,,0,<MISSING>,,,2,2,00112233445566778899aabbccddeeff,0000,fffe",
        // Streaming MSK: #CS 1 with map type 0 (SRTP-ID); the SP is checked in the verbose output.
        "0,0,0,0xc5b1d001,1,0,2,3,000300f110010400010002,0|0," + ids() + ",16,101112131415161718191a1b1c1d1e1f,"
                + "1,26,21d87bf9cf678f46ee08f2b79f188e82c3a232b38efb3a0b817a,1,b4922a2e1b71458d1a4c6f8098fb496c8db5861c,"
                + ",,,,,,"};

    private static String ids() {
        return MikeyGolden.IDI + "|" + MikeyGolden.IDR;
    }

    private static String column(int frame, String field) {
        String[] values = fields.get(frame).split(",", -1);
        return values[List.of(FIELDS).indexOf(field)];
    }
}
