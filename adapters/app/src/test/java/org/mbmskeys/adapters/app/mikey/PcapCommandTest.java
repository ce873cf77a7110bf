package org.mbmskeys.adapters.app.mikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.adapters.app.CliRun;
import org.mbmskeys.engine.bytes.Bytes;

/** {@code mbms-keys mikey pcap}: one UDP datagram per message, in the right direction, deterministic. */
class PcapCommandTest {

    /** 2025-01-01T00:00:00Z, the fixed start of every capture. */
    private static final long START = 1_735_689_600L;

    @Test
    void writesOneDatagramPerMessageOneSecondApartWithTheVerificationGoingFromUeToBmsc(@TempDir Path dir) throws Exception {
        Path pcap = dir.resolve("mikey.pcap");
        CliRun run = CliRun.of("mikey", "pcap", "--out", pcap.toString(), MikeyGolden.MSK_MESSAGE.toHex(),
                MikeyGolden.ACK_MESSAGE.toHex(), MikeyGolden.MTK_MESSAGE.toHex());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("wrote 3 datagrams to " + pcap);
        assertThat(run.err()).isEmpty();
        List<Record> records = records(Files.readAllBytes(pcap));
        assertThat(records).extracting(Record::seconds).containsExactly(START, START + 1, START + 2);
        assertThat(records).extracting(Record::source).containsExactly("192.0.2.1", "192.0.2.2", "192.0.2.1");
        assertThat(records).extracting(Record::destination).containsExactly("192.0.2.2", "192.0.2.1", "192.0.2.2");
        assertThat(records).extracting(Record::ports).containsOnly("2269->2269");
        assertThat(records).extracting(Record::payload)
                .containsExactly(MikeyGolden.MSK_MESSAGE, MikeyGolden.ACK_MESSAGE, MikeyGolden.MTK_MESSAGE);
    }

    @Test
    void theSameMessagesGiveTheSameFile(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.pcap");
        Path b = dir.resolve("b.pcap");
        CliRun.of("mikey", "pcap", "--out", a.toString(), MikeyGolden.SOLICIT_MESSAGE.toHex());
        CliRun.of("mikey", "pcap", "--out", b.toString(), MikeyGolden.SOLICIT_MESSAGE.toHex());

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b)).hasSizeGreaterThan(24);
    }

    @Test
    void undecodableMessagesAreWrittenAnywayAndNamedOnStderr(@TempDir Path dir) throws Exception {
        Path pcap = dir.resolve("broken.pcap");
        CliRun run = CliRun.of("mikey", "pcap", "--out", pcap.toString(), MikeyGolden.MSK_MESSAGE.toHex(), "0100");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err().strip()).isEqualTo("message 2 does not decode as MIKEY (written anyway): "
                + "malformed MIKEY at byte 2 (HDR.next payload): needs 1 byte, 0 remain");
        assertThat(records(Files.readAllBytes(pcap))).extracting(Record::payload)
                .containsExactly(MikeyGolden.MSK_MESSAGE, Bytes.ofHex("0100"));
    }

    @Test
    void messagesMayComeFromFiles(@TempDir Path dir) throws Exception {
        Path hex = Files.writeString(dir.resolve("ack.hex"), MikeyGolden.ACK_MESSAGE.toHex() + "\n");
        Path pcap = dir.resolve("ack.pcap");
        CliRun run = CliRun.of("mikey", "pcap", "--out", pcap.toString(), "@" + hex);

        assertThat(run.exitCode()).isZero();
        assertThat(records(Files.readAllBytes(pcap))).singleElement()
                .satisfies(r -> assertThat(r.source()).isEqualTo("192.0.2.2"));
    }

    @Test
    void hexWithABadDigitIsAnArgumentErrorNamingTheMessageAndNoFileIsWritten(@TempDir Path dir) {
        Path pcap = dir.resolve("x.pcap");
        CliRun run = CliRun.of("mikey", "pcap", "--out", pcap.toString(), MikeyGolden.MSK_MESSAGE.toHex(), "01zz");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("message 2 must be hex digits (white space allowed): not a hex digit at position 2: 'z'");
        assertThat(pcap).doesNotExist();
    }

    @Test
    void anUnwritableOutputIsAnArgumentError(@TempDir Path dir) {
        Path pcap = dir.resolve("no-such-dir").resolve("x.pcap");
        CliRun run = CliRun.of("mikey", "pcap", "--out", pcap.toString(), MikeyGolden.MSK_MESSAGE.toHex());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--out: cannot write '" + pcap + "': NoSuchFileException");
    }

    @Test
    void noMessageIsAnArgumentError(@TempDir Path dir) {
        CliRun run = CliRun.of("mikey", "pcap", "--out", dir.resolve("x.pcap").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'HEX'");
    }

    private record Record(long seconds, String source, String destination, String ports, Bytes payload) {
    }

    /** Reads what PcapWriter writes: little-endian record headers, Ethernet II, IPv4 without options, UDP. */
    private static List<Record> records(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        b.position(24);
        List<Record> out = new ArrayList<>();
        while (b.hasRemaining()) {
            long seconds = Integer.toUnsignedLong(b.getInt());
            b.getInt();
            int length = b.getInt();
            b.getInt();
            byte[] frame = new byte[length];
            b.get(frame);
            Bytes f = Bytes.wrap(frame);
            int ip = 14;
            int udp = ip + 20;
            String ports = ((f.u8(udp) << 8) | f.u8(udp + 1)) + "->" + ((f.u8(udp + 2) << 8) | f.u8(udp + 3));
            out.add(new Record(seconds, address(f, ip + 12), address(f, ip + 16), ports, f.slice(udp + 8, length - udp - 8)));
        }
        return out;
    }

    private static String address(Bytes frame, int at) {
        return frame.u8(at) + "." + frame.u8(at + 1) + "." + frame.u8(at + 2) + "." + frame.u8(at + 3);
    }
}
