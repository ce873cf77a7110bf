package org.mbmskeys.adapters.app.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.adapters.app.Tshark;
import org.mbmskeys.adapters.memory.pcap.PcapWriter;
import org.mbmskeys.adapters.memory.pcap.PcapWriter.Datagram;
import org.mbmskeys.adapters.memory.pcap.PcapWriter.UdpEndpoint;
import org.mbmskeys.engine.bytes.Bytes;

/** The pcap writer (in the memory adapter) checked by an independent reader: tshark, which the app's tests set up. */
class PcapWriterTsharkTest {

    private static final UdpEndpoint BMSC = UdpEndpoint.of(192, 0, 2, 1, 2269);
    private static final UdpEndpoint UE = UdpEndpoint.of(192, 0, 2, 2, 2269);

    @Test
    void tsharkReadsTheFileAndFindsValidIpAndUdpChecksums(@TempDir Path dir) throws Exception {
        Tshark.require();
        Path pcap = dir.resolve("udp.pcap");
        try (OutputStream out = Files.newOutputStream(pcap)) {
            PcapWriter.write(out, List.of(
                    new Datagram(Instant.ofEpochSecond(1_700_000_000L), BMSC, UE, Bytes.ofHex("00")),
                    new Datagram(Instant.ofEpochSecond(1_700_000_001L), UE, BMSC, Bytes.ofHex("0a0b0c"))));
        }
        String fields = Tshark.run("-r", pcap.toString(), "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
                "-d", "udp.port==2269,data",
                "-T", "fields", "-E", "separator=,", "-e", "ip.src", "-e", "udp.dstport", "-e", "ip.checksum.status",
                "-e", "udp.checksum.status", "-e", "data.data");
        assertThat(fields.lines()).containsExactly(
                "192.0.2.1,2269,1,1,00",              // checksum status 1 = good (0 bad, 2 unverified)
                "192.0.2.2,2269,1,1,0a0b0c");
    }
}
