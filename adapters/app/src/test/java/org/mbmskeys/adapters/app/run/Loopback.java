package org.mbmskeys.adapters.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.mikey.protection.OpenResult;

/** What the process tests do on loopback: pick free ports, read a line's value, watch a UE's MIKEY port. */
final class Loopback {

    private Loopback() {
    }

    static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The first group of {@code regex} in {@code text}; fails the test if there is none. */
    static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in:\n" + text).isTrue();
        return m.group(1);
    }

    /**
     * Reads the next datagram to {@code socket}: whether it is an MSK message carrying {@code msk} (read, not
     * opened: the test holds no MUK).
     */
    static boolean pushOf(DatagramSocket socket, MskRef msk) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        socket.receive(packet);
        OpenResult<InboundMikey> read = MikeyReader.read(Bytes.of(packet.getData(), 0, packet.getLength()));
        return read instanceof OpenResult.Opened<InboundMikey> opened && opened.value() instanceof MskMessage m
                && MskRef.of(m.keyDomain(), m.mskId()).equals(msk);
    }
}
