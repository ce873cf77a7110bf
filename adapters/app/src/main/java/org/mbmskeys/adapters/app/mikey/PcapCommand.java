package org.mbmskeys.adapters.app.mikey;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mbmskeys.adapters.memory.pcap.PcapWriter;
import org.mbmskeys.adapters.memory.pcap.PcapWriter.Datagram;
import org.mbmskeys.adapters.memory.pcap.PcapWriter.UdpEndpoint;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.mikey.DataType;
import org.mbmskeys.mbms.mikey.MikeyCodec;
import org.mbmskeys.mbms.mikey.MikeyDecodeException;
import org.mbmskeys.mbms.profile.InterimProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mbms-keys mikey pcap}: writes MIKEY messages as a capture file that Wireshark decodes, one UDP
 * datagram each on port 2269. BM-SC 192.0.2.1 sends to UE 192.0.2.2 (RFC 5737 documentation addresses);
 * a verification message (HDR data type 1) goes the other way. Timestamps start at {@link #START} and are
 * one second apart, so the same messages always give the same file. The messages need not be valid MIKEY:
 * those that do not decode are written anyway (to look at them in Wireshark) and named on stderr.
 */
@Command(name = "pcap", mixinStandardHelpOptions = true,
        description = {"Write MIKEY messages to a pcap file (Ethernet/IPv4/UDP, port 2269) for Wireshark or tshark, "
                + "one datagram per message, 1 s apart from 2025-01-01T00:00:00Z.",
            "BM-SC 192.0.2.1 sends to UE 192.0.2.2; verification messages (data type 1) go from UE to BM-SC. "
                + "Messages that do not decode are written anyway and named on stderr."})
public final class PcapCommand implements Callable<Integer> {

    /** First packet time: fixed, so that the output is deterministic. */
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    static final UdpEndpoint BMSC = UdpEndpoint.of(192, 0, 2, 1, InterimProfile.MIKEY_UDP_PORT);
    static final UdpEndpoint UE = UdpEndpoint.of(192, 0, 2, 2, InterimProfile.MIKEY_UDP_PORT);

    /** HDR data type is byte 1 (RFC 3830 §6.1); read raw so that undecodable messages still travel the right way. */
    private static final int DATA_TYPE_OFFSET = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the pcap file to write (replaced if it exists)")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "HEX", description = "the messages, in order: hex or @FILE with hex text")
    List<String> messages;

    @Override
    public Integer call() {
        List<Datagram> datagrams = new ArrayList<>();
        PrintWriter err = spec.commandLine().getErr();
        for (int i = 0; i < messages.size(); i++) {
            String what = "message " + (i + 1);
            Bytes payload = MessageInput.read(spec, what, messages.get(i));
            try {
                MikeyCodec.decode(payload);
            } catch (MikeyDecodeException e) {
                err.println(what + " does not decode as MIKEY (written anyway): " + e.getMessage());
            }
            boolean fromUe = payload.length() > DATA_TYPE_OFFSET
                    && payload.u8(DATA_TYPE_OFFSET) == DataType.PSK_VERIFY.code();
            try {
                datagrams.add(new Datagram(START.plusSeconds(i), fromUe ? UE : BMSC, fromUe ? BMSC : UE, payload));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), what + ": " + e.getMessage());
            }
        }
        err.flush();
        try (OutputStream file = Files.newOutputStream(out)) {
            PcapWriter.write(file, datagrams);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--out: cannot write '" + out + "': "
                    + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println("wrote " + datagrams.size() + (datagrams.size() == 1 ? " datagram" : " datagrams") + " to " + out);
        w.flush();
        return 0;
    }
}
