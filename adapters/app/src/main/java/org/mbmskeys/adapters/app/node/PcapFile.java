package org.mbmskeys.adapters.app.node;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mbmskeys.adapters.memory.pcap.PcapWriter;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pcap file that grows one datagram at a time, flushed after each, so that what a process sent and received
 * is on disk even if it is killed. Only datagrams are written (MIKEY over UDP); HTTP is left out. A datagram
 * with an address that is not IPv4 is skipped (the format written is IPv4 only), and so is everything after a
 * write failed (logged once). Thread-safe.
 */
public final class PcapFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PcapFile.class);

    private final Path file;
    private final OutputStream out;
    private boolean failed;

    public PcapFile(Path file) throws IOException {
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file));
        PcapWriter.writeHeader(out);
        out.flush();
    }

    /** Appends {@code tapped} if it is a datagram between IPv4 addresses. */
    public synchronized void write(Tapped tapped) {
        if (failed || tapped.kind() != Tapped.Kind.DATAGRAM) {
            return;
        }
        try {
            PcapWriter.writeRecord(out, new PcapWriter.Datagram(tapped.at(), udp(tapped.fromAddress()), udp(tapped.toAddress()),
                    tapped.bytes()));
            out.flush();
        } catch (IllegalArgumentException notIpv4) {
            // skipped: see the class comment
        } catch (IOException e) {
            failed = true;
            LOG.warn("pcap {}: cannot write ({}); no more datagrams are written to it", file, e.getMessage());
        }
    }

    private static PcapWriter.UdpEndpoint udp(Endpoint e) {
        if (!e.host().matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("not an IPv4 address literal: " + e.host());
        }
        try {
            // A literal: no name is looked up.
            return new PcapWriter.UdpEndpoint(Bytes.wrap(InetAddress.getByName(e.host()).getAddress()), e.port());
        } catch (UnknownHostException ex) {
            throw new IllegalArgumentException("not an address literal: " + e.host(), ex);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
