package org.mbmskeys.adapters.app.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mbmskeys.adapters.app.node.Tapped;
import org.mbmskeys.adapters.memory.pcap.PcapWriter;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;

/**
 * The MIKEY datagrams of the demo as a pcap file (IPv4/UDP, as they crossed the BM-SC's socket): Wireshark
 * decodes them as MIKEY on port 2269, or with "Decode As" on the ports the system chose.
 */
final class PcapExport {

    private PcapExport() {
    }

    /** Writes the datagrams among {@code wire} to {@code file}; answers how many. */
    static int write(Path file, List<Tapped> wire) throws IOException {
        List<PcapWriter.Datagram> datagrams = wire.stream().filter(t -> t.kind() == Tapped.Kind.DATAGRAM)
                .map(t -> new PcapWriter.Datagram(t.at(), udp(t.fromAddress()), udp(t.toAddress()), t.bytes())).toList();
        try (OutputStream out = Files.newOutputStream(file)) {
            PcapWriter.write(out, datagrams);
        }
        return datagrams.size();
    }

    private static PcapWriter.UdpEndpoint udp(Endpoint e) {
        try {
            // The demo's addresses are IPv4 literals (loopback, a multicast group): no name is ever looked up.
            return new PcapWriter.UdpEndpoint(Bytes.wrap(InetAddress.getByName(e.host()).getAddress()), e.port());
        } catch (UnknownHostException ex) {
            throw new IllegalArgumentException("not an address literal: " + e.host(), ex);
        }
    }
}
