package org.mbmskeys.adapters.memory.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.memory.pcap.PcapWriter.Datagram;
import org.mbmskeys.adapters.memory.pcap.PcapWriter.UdpEndpoint;
import org.mbmskeys.engine.bytes.Bytes;

class PcapWriterTest {

    private static final UdpEndpoint BMSC = UdpEndpoint.of(192, 0, 2, 1, 2269);
    private static final UdpEndpoint UE = UdpEndpoint.of(192, 0, 2, 2, 2269);

    @Test
    void writesTheLibpcapGlobalHeaderAndOneRecordPerDatagram() throws Exception {
        var out = new ByteArrayOutputStream();
        PcapWriter.write(out, List.of(
                new Datagram(Instant.ofEpochSecond(1_700_000_000L, 250_000_000), BMSC, UE, Bytes.ofHex("0102030405"))));
        Bytes file = Bytes.wrap(out.toByteArray());

        assertThat(file.slice(0, 4).toHex()).isEqualTo("d4c3b2a1");              // magic, little-endian
        assertThat(file.slice(20, 4).toHex()).isEqualTo("01000000");             // LINKTYPE_ETHERNET
        int frame = 14 + 20 + 8 + 5;
        assertThat(file.length()).isEqualTo(24 + 16 + frame);
        assertThat(file.slice(24 + 4, 4).toHex()).isEqualTo("90d00300");          // 250000 µs
        assertThat(file.slice(24 + 16 + 14 + 20 + 2, 2).toHex()).isEqualTo("08dd"); // UDP dst port 2269
        assertThat(file.slice(file.length() - 5, 5).toHex()).isEqualTo("0102030405");
    }

    @Test
    void refusesAPayloadThatCannotFitInAnIpv4Packet() {
        assertThatThrownBy(() -> new Datagram(Instant.EPOCH, BMSC, UE, Bytes.wrap(new byte[PcapWriter.MAX_PAYLOAD + 1])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit");
    }
}
