package org.mbmskeys.adapters.memory.pcap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * Writes UDP datagrams as a classic libpcap file (Ethernet, IPv4, UDP) that Wireshark and tshark open.
 *
 * <p>Used by {@code mbms-keys mikey pcap}, by {@code MemoryNetwork.writePcap} and by the interop tests to let an independent dissector
 * decode our MIKEY messages. The file is written in one call, so nothing is left half-written on error.
 * Addresses default to the documentation range (RFC 5737) and the MIKEY port 2269: the file describes
 * traffic, nothing is sent.
 */
public final class PcapWriter {

    private static final int MAGIC = 0xa1b2c3d4;
    private static final int LINKTYPE_ETHERNET = 1;
    private static final int SNAPLEN = 65_535;
    private static final int ETHERNET_HEADER = 14;
    private static final int IPV4_HEADER = 20;
    private static final int UDP_HEADER = 8;
    /** Largest UDP payload an IPv4 packet can carry. */
    public static final int MAX_PAYLOAD = 65_535 - IPV4_HEADER - UDP_HEADER;

    private PcapWriter() {
    }

    /** One captured datagram. */
    public record Datagram(Instant time, UdpEndpoint from, UdpEndpoint to, Bytes payload) {
        public Datagram {
            if (payload.length() > MAX_PAYLOAD) {
                throw new IllegalArgumentException("UDP payload of " + payload.length()
                        + " bytes does not fit in an IPv4 packet (at most " + MAX_PAYLOAD + ")");
            }
        }
    }

    /** An IPv4 address (4 bytes) and UDP port. */
    public record UdpEndpoint(Bytes ipv4, int port) {
        public UdpEndpoint {
            if (ipv4.length() != 4) {
                throw new IllegalArgumentException("IPv4 address is 4 bytes, got " + ipv4.length());
            }
            if (port < 0 || port > 0xFFFF) {
                throw new IllegalArgumentException("UDP port must be 0..65535, got " + port);
            }
        }

        public static UdpEndpoint of(int a, int b, int c, int d, int port) {
            return new UdpEndpoint(Bytes.of((byte) a, (byte) b, (byte) c, (byte) d), port);
        }
    }

    /** Writes the global header and every datagram to {@code out}. */
    public static void write(OutputStream out, List<Datagram> datagrams) throws IOException {
        out.write(globalHeader());
        for (Datagram d : datagrams) {
            out.write(record(d));
        }
        out.flush();
    }

    /** Writes the global header alone: a file that {@link #writeRecord} then appends to, one datagram at a time. */
    public static void writeHeader(OutputStream out) throws IOException {
        out.write(globalHeader());
    }

    /** Appends one datagram to a file begun with {@link #writeHeader}. */
    public static void writeRecord(OutputStream out, Datagram datagram) throws IOException {
        out.write(record(datagram));
    }

    private static byte[] globalHeader() {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(SNAPLEN).putInt(LINKTYPE_ETHERNET);
        return b.array();
    }

    private static byte[] record(Datagram d) {
        byte[] frame = frame(d);
        ByteBuffer b = ByteBuffer.allocate(16 + frame.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) d.time().getEpochSecond()).putInt(d.time().getNano() / 1000)
                .putInt(frame.length).putInt(frame.length).put(frame);
        return b.array();
    }

    private static byte[] frame(Datagram d) {
        int udpLength = UDP_HEADER + d.payload().length();
        int ipLength = IPV4_HEADER + udpLength;
        ByteBuffer b = ByteBuffer.allocate(ETHERNET_HEADER + ipLength); // big-endian: network order
        // Ethernet II: locally administered MAC addresses, EtherType IPv4.
        b.put(new byte[] {0x02, 0, 0, 0, 0, 0x02}).put(new byte[] {0x02, 0, 0, 0, 0, 0x01}).putShort((short) 0x0800);
        int ipStart = b.position();
        b.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putShort((short) 0).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 17).putShort((short) 0);
        b.put(d.from().ipv4().toByteArray()).put(d.to().ipv4().toByteArray());
        b.putShort(ipStart + 10, (short) internetChecksum(b.array(), ipStart, IPV4_HEADER, 0));
        int udpStart = b.position();
        b.putShort((short) d.from().port()).putShort((short) d.to().port()).putShort((short) udpLength).putShort((short) 0);
        b.put(d.payload().toByteArray());
        b.putShort(udpStart + 6, (short) udpChecksum(b.array(), ipStart, udpStart, udpLength));
        return b.array();
    }

    /** RFC 768: over the IPv4 pseudo-header and the UDP datagram; 0 is sent as 0xFFFF. */
    private static int udpChecksum(byte[] frame, int ipStart, int udpStart, int udpLength) {
        long pseudo = 0;
        for (int i = 12; i < 20; i += 2) { // source and destination address
            pseudo += ((frame[ipStart + i] & 0xFF) << 8) | (frame[ipStart + i + 1] & 0xFF);
        }
        pseudo += 17 + udpLength;
        int sum = internetChecksum(frame, udpStart, udpLength, pseudo);
        return sum == 0 ? 0xFFFF : sum;
    }

    /** RFC 1071 one's-complement sum of 16-bit words, starting from {@code initial}. */
    private static int internetChecksum(byte[] data, int offset, int length, long initial) {
        long sum = initial;
        int i = 0;
        for (; i + 1 < length; i += 2) {
            sum += ((data[offset + i] & 0xFF) << 8) | (data[offset + i + 1] & 0xFF);
        }
        if (i < length) {
            sum += (data[offset + i] & 0xFF) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int) (~sum & 0xFFFF);
    }
}
