package org.mbmskeys.adapters.app.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mbmskeys.adapters.app.node.PcapFile;
import org.mbmskeys.adapters.app.node.Tapped;

/**
 * The MIKEY datagrams of the demo as a pcap file (IPv4/UDP, as they crossed the BM-SC's socket): Wireshark
 * decodes them as MIKEY on port 2269, or with "Decode As" on the ports the system chose.
 */
final class PcapExport {

    private PcapExport() {
    }

    /** Writes the datagrams among {@code wire} to {@code file}; answers how many. */
    static int write(Path file, List<Tapped> wire) throws IOException {
        int datagrams = 0;
        try (PcapFile pcap = new PcapFile(file)) {
            for (Tapped t : wire) {
                if (t.kind() == Tapped.Kind.DATAGRAM) {
                    pcap.write(t);
                    datagrams++;
                }
            }
        }
        return datagrams;
    }
}
