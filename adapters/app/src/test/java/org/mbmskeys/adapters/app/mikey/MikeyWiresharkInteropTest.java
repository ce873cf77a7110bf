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
import org.mbmskeys.adapters.app.pcap.PcapWriter;
import org.mbmskeys.adapters.app.pcap.PcapWriter.Datagram;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.KeyIdExtension;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MskDelivery;

/**
 * Interop with an independent dissector: Wireshark's {@code packet-mikey.c} (tshark 4.0) decodes every
 * MBMS message type we build, without "Malformed Packet" or expert errors, and reads the same header, T,
 * RAND, ID, EXT and KEMAC/V fields that we put in (PROFILE.md §8.1, §8.2 items 1-2). Wireshark checks no
 * MAC and decrypts nothing; the crypto is cross-checked in {@link MikeyGolden}.
 *
 * <p>The six messages go into one capture, read twice (once {@code -V}, once {@code -T fields}). The
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

    /** MSK validity-only update: no key, SEQl 5..SEQu 900, counter 9, V=0. */
    private static final Bytes VALIDITY_ONLY = MikeySealer.jca().seal(MskDelivery.validityUpdate(
            KeyDomainId.parse("001-01"), MskId.parseHex("00010002"), KeyValidity.of(5, 900), TimestampCounter.of(9),
            Bytes.ofHex("404142434445464748494a4b4c4d4e4f"), MikeyGolden.IDI, MikeyGolden.IDR, false),
            SecretBytes.ofHex(MikeyGolden.MUK));

    private static final List<Bytes> MESSAGES = List.of(MikeyGolden.MSK_MESSAGE, MikeyGolden.ACK_MESSAGE,
            MikeyGolden.SOLICIT_MESSAGE, MikeyGolden.MTK_MESSAGE, VALIDITY_ONLY, MikeyGolden.debugNullMskMessage());

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
        assertThat(verbose.lines().filter(l -> l.equals("Multimedia Internet KEYing: Pre-shared"))).hasSize(5);
        assertThat(verbose.lines().filter(l -> l.equals("Multimedia Internet KEYing: PSK ver msg"))).hasSize(1);
    }

    @Test
    void everyMessageDecodesToTheFieldsWeBuilt() {
        // type,V,PRF,CSB ID,#CS,map type,TS type,EXT type,EXT data,ID type,ID data,RAND len,RAND,
        // Encr alg,Encr data len,Encr data,MAC alg,MAC,V auth alg,Ver data,key type,KV,key,KV from,KV to
        assertThat(fields).containsExactly(
                "0,1,0,0x00f11000,0,1,2,3,01000400010002,1|1," + ids() + ",16,101112131415161718191a1b1c1d1e1f,"
                        + "1,26,4c12e93b5b5a1e124a62aa65a79f99f80e6195723491bb0867b6,1,f90e1ba6d0354fe2a285354484e3b7063e676708,"
                        + ",,,,,,",
                "1,0,0,0x00f11000,0,1,2,,,1," + MikeyGolden.IDR + ",,,,,,,,1,1287b42c79ecc280d5e3fc0966ea0294021b2ef9,,,,,",
                // Solicited pull: Encr data len 0, which tshark shows as <MISSING> bytes (no expert info).
                "0,0,0,0x00f11000,0,1,2,3,01000400010000,1|1," + ids() + ",16,202122232425262728292a2b2c2d2e2f,"
                        + "1,0,<MISSING>,1,c8b5e166b95ad244abc70a104c662f3e9955b8a5,,,,,,,",
                "0,0,0,0x00f11000,0,1,2,3|3,01000400010002|0200020005,,,16,303132333435363738393a3b3c3d3e3f,"
                        + "1,36,2cea0ff5e864af7670c7586e8e012d62aa68e3bd03e9d3362ecc01dbbe6d9785b1876735,"
                        + "1,384367f386ba981a5b6f4c030bd4fcc7fdf0492a,,,,,,,",
                "0,0,0,0x00f11000,0,1,2,3,01000400010002,1|1," + ids() + ",16,404142434445464748494a4b4c4d4e4f,"
                        + "1,10," + VALIDITY_ONLY.slice(VALIDITY_ONLY.length() - 31, 10).toHex() + ",1,"
                        + VALIDITY_ONLY.slice(VALIDITY_ONLY.length() - 20, 20).toHex() + ",,,,,,,",
                // DEBUG message, Encr alg NULL: tshark decodes the Key data sub-payload instead of showing the bytes.
                "0,0,0,0x00f11000,0,1,2,3,01000400010002,1|1," + ids() + ",16,101112131415161718191a1b1c1d1e1f,"
                        + "0,26,,0,<MISSING>,,,0,2,00112233445566778899aabbccddeeff,0001,ffff");
    }

    @Test
    void extDataIsOurKeyIdAndTheMacIsTheLastTwentyBytesWeSent() {
        assertThat(column(0, "mikey.ext.data")).isEqualTo(KeyIdExtension.forMsk(MskId.parseHex("00010002")).toPayload().data().toHex());
        assertThat(column(3, "mikey.ext.data")).isEqualTo(
                KeyIdExtension.forMsk(MskId.parseHex("00010002")).toPayload().data().toHex() + "|"
                        + KeyIdExtension.forMtk(MtkId.of(5)).toPayload().data().toHex());
        for (int frame : new int[] {0, 2, 3, 4}) {
            Bytes sent = MESSAGES.get(frame);
            assertThat(column(frame, "mikey.kemac.mac")).as("MAC of frame %d", frame)
                    .isEqualTo(sent.slice(sent.length() - 20, 20).toHex());
        }
        assertThat(column(1, "mikey.v.ver_data")).isEqualTo(MikeyGolden.ACK_MESSAGE.slice(MikeyGolden.ACK_MESSAGE.length() - 20, 20).toHex());
    }

    @Test
    void theDebugMessageShowsItsKeyDataAndKeyValidityInTheClear() {
        assertThat(verbose).contains(
                "Key data (KEY) Type: TGK",
                ".... 0010 = KV: Interval (2)",
                "Key: 00112233445566778899aabbccddeeff",
                "Valid from: 0001",
                "Valid to: ffff");
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

    private static String ids() {
        return MikeyGolden.IDI + "|" + MikeyGolden.IDR;
    }

    private static String column(int frame, String field) {
        String[] values = fields.get(frame).split(",", -1);
        return values[List.of(FIELDS).indexOf(field)];
    }
}
