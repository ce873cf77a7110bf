package org.mbmskeys.adapters.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.adapters.app.CliRun;
import org.mbmskeys.adapters.app.config.StorageConfig;
import org.mbmskeys.adapters.jdbc.Database;
import org.mbmskeys.adapters.jdbc.InstanceValues;
import org.mbmskeys.adapters.jdbc.JdbcInstanceStore;
import org.mbmskeys.mbms.keys.MskRef;

/**
 * Durable state across SIGKILL, with real processes and H2 files: a BM-SC killed right after a re-key and started
 * again keeps its registrations, MSKs and counters, and every UE ends with the current MSK; a UE process killed and
 * started again keeps its keys and counters, so a replay of a message it had accepted is refused.
 */
class RestartTest {

    private static final String TOKEN = "r3start-Admin_Token.2026";
    private static final String SERVICES = """
            services:
              - id: urn:3gpp:mbms:news
                type: streaming
                keyDomain: "001-01"
                keyGroup: "0101"
                sessions:
                  - id: news-live
                    rtp: 239.255.22.72:5004
            """;

    @TempDir
    Path dir;

    private String bmscYaml(int httpPort) {
        return """
                bmsc:
                  fqdn: bmsc.example.org
                  mikey: 127.0.0.1:0
                  keyManagement: 127.0.0.1:%d
                  multicastInterface: lo
                admin:
                  bind: 127.0.0.1:0
                  tokenFile: admin.token
                storage:
                  h2: state/bmsc
                  keyEncryptionKeyFile: bmsc-kek.hex
                bootstrapping:
                  static:
                """.formatted(httpPort) + LabSubscribers.staticEntry(LabSubscribers.ALICE)
                + LabSubscribers.staticEntry(LabSubscribers.BOB) + SERVICES;
    }

    private String ueYaml(int httpPort) {
        return """
                bmsc:
                  fqdn: bmsc.example.org
                  keyManagement: 127.0.0.1:%d
                storage:
                  h2: state/ue
                  keyEncryptionKeyFile: ue-kek.hex
                ues:
                  - name: alice
                    uicc: "89494400000000000001"
                    mikeyPort: 0
                    use: [urn:3gpp:mbms:news]
                    gba:
                """.formatted(httpPort) + LabSubscribers.ALICE.indent(6) + """
                  - name: bob
                    uicc: "89494400000000000002"
                    mikeyPort: 0
                    use: [urn:3gpp:mbms:news]
                    gba:
                """ + LabSubscribers.BOB.indent(6) + SERVICES;
    }

    private void files(int httpPort) throws IOException {
        Files.writeString(dir.resolve("admin.token"), TOKEN + "\n");
        Files.writeString(dir.resolve("bmsc-kek.hex"), "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n");
        Files.writeString(dir.resolve("ue-kek.hex"), "ffeeddccbbaa99887766554433221100\n");
        Files.writeString(dir.resolve("bmsc.yaml"), bmscYaml(httpPort));
        Files.writeString(dir.resolve("ue.yaml"), ueYaml(httpPort));
    }

    @Test
    void aBmscKilledRightAfterAReKeyComesBackWithItsStateAndEveryUeEndsWithTheCurrentMsk() throws Exception {
        int http = Loopback.freeTcpPort();
        files(http);
        try (JavaProcess ues = JavaProcess.mbmsKeys(dir, "ue", "--config", "ue.yaml")) {
            String admin;
            try (JavaProcess bmsc = JavaProcess.mbmsKeys(dir, "bmsc", "--config", "bmsc.yaml")) {
                admin = Loopback.group(bmsc.await("event=ready", 180), "admin=(127\\.0\\.0\\.1:\\d+)");
                ues.awaitEach(180, "event=msk-received ue=alice msk=001-01/01010001", "event=msk-received ue=bob msk=001-01/01010001");
                bmsc.awaitEach(60, "event=msk-delivery ue=001010123456781@ims.mnc001.mcc001.3gppnetwork.org msk=001-01/01010001 "
                        + "outcome=DELIVERED", "event=msk-delivery ue=001010123456782@ims.mnc001.mcc001.3gppnetwork.org "
                        + "msk=001-01/01010001 outcome=DELIVERED");
                CliRun rotated = CliRun.of("admin", "rotate", "001-01", "0101", "--url", "http://" + admin,
                        "--token-file", dir.resolve("admin.token").toString());
                assertThat(rotated.exitCode()).as(rotated.err()).isZero();
                bmsc.kill();   // SIGKILL, while the pushes of the new MSK are on their way or not yet sent
                assertThat(bmsc.output()).doesNotContain("event=stopping");
                // At info: the schema made on this first start is told, the pool's and schema check's routine is not.
                assertThat(bmsc.output()).contains("DbMigrate - Migrating schema").doesNotContain("com.zaxxer.hikari",
                        "FlywayExecutor");
            }
            try (JavaProcess bmsc = JavaProcess.mbmsKeys(dir, "bmsc", "--config", "bmsc.yaml")) {
                bmsc.await("event=msk-kept keyGroup=001-01/0101 msk=001-01/01010002", 180);
                admin = Loopback.group(bmsc.await("event=ready", 180), "admin=(127\\.0\\.0\\.1:\\d+)");
                // Whichever UE missed the push takes the next MTK message, finds the MSK unknown and asks for it; the
                // BM-SC still knows its registration and its MUK; the MTK counters go on from where they were.
                ues.awaitEach(180, "event=msk-received ue=alice msk=001-01/01010002", "event=msk-received ue=bob msk=001-01/01010002",
                        "event=mtk-received ue=alice msk=001-01/01010002", "event=mtk-received ue=bob msk=001-01/01010002");
                CliRun listed = CliRun.of("admin", "registrations", "--service", "urn:3gpp:mbms:news", "--url", "http://" + admin,
                        "--token-file", dir.resolve("admin.token").toString());
                assertThat(listed.out()).contains("001010123456781@", "001010123456782@");
                // The delivery records the killed BM-SC wrote are still there, one per push.
                CliRun delivered = CliRun.of("admin", "deliveries", "--msk", "001-01/01010001", "--json", "--url", "http://" + admin,
                        "--token-file", dir.resolve("admin.token").toString());
                assertThat(delivered.exitCode()).as(delivered.err()).isZero();
                assertThat(new ObjectMapper().readTree(delivered.out()).path("deliveries"))
                        .extracting(d -> d.path("impi").asText() + " " + d.path("outcome").asText())
                        .contains("001010123456781@ims.mnc001.mcc001.3gppnetwork.org delivered",
                                "001010123456782@ims.mnc001.mcc001.3gppnetwork.org delivered");
                assertThat(bmsc.output()).doesNotContain(" ERROR ", "00112233445566778899aabbccddeeff");
                bmsc.terminate();
            }
            ues.terminate();
        }
    }

    @Test
    void aUeKilledAndStartedAgainKeepsItsKeysAndCountersRefusesAReplayAndTakesTheNextPull() throws Exception {
        int http = Loopback.freeTcpPort();
        files(http);
        Files.writeString(dir.resolve("bmsc.yaml"), bmscYaml(http).replace("  multicastInterface: lo\n",
                "  multicastInterface: lo\n  rekeying: solicited-pull\n"));
        Files.writeString(dir.resolve("ue.yaml"), ueYaml(http).substring(0, ueYaml(http).indexOf("  - name: bob")) + SERVICES);
        try (JavaProcess bmsc = JavaProcess.mbmsKeys(dir, "bmsc", "--config", "bmsc.yaml", "--pcap", "bmsc.pcap")) {
            String admin = "http://" + Loopback.group(bmsc.await("event=ready", 180), "admin=(127\\.0\\.0\\.1:\\d+)");
            String token = dir.resolve("admin.token").toString();
            int oldPort;
            try (JavaProcess ue = JavaProcess.mbmsKeys(dir, "ue", "--config", "ue.yaml")) {
                oldPort = Integer.parseInt(Loopback.group(ue.await("event=ue-started ue=alice", 180), "mikey=127\\.0\\.0\\.1:(\\d+)"));
                ue.await("event=msk-received ue=alice msk=001-01/01010001", 180);
                assertThat(CliRun.of("admin", "rotate", "001-01", "0101", "--url", admin, "--token-file", token).exitCode()).isZero();
                ue.await("event=msk-received ue=alice msk=001-01/01010002", 60);   // pulled: solicited pull, MSK request
                // A new ME's first UICC: recorded, with nothing to delete (and no line that says keys were deleted).
                assertThat(ue.output()).contains("recorded: the first this ME has seen").doesNotContain("all MBMS keys");
                ue.kill();
            }
            byte[] firstPush = datagramsTo(dir.resolve("bmsc.pcap"), oldPort).get(0);
            try (JavaProcess ue = JavaProcess.mbmsKeys(dir, "ue", "--config", "ue.yaml")) {
                int newPort = Integer.parseInt(Loopback.group(ue.await("event=ue-started ue=alice", 180), "mikey=127\\.0\\.0\\.1:(\\d+)"));
                ue.await("event=service-registered ue=alice", 60);
                // The push of the first MSK, accepted before the kill, sent again: its counter is not newer than the
                // stored one, which the kill did not lose.
                String replayFrom;
                try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                    replayFrom = "from=127.0.0.1:" + socket.getLocalPort() + " ";
                    socket.send(new DatagramPacket(firstPush, firstPush.length, InetAddress.getLoopbackAddress(), newPort));
                }
                String refused = ue.await("the replay refused", l -> l.contains("event=datagram-discarded ue=alice " + replayFrom)
                        || l.contains("event=msk-received ue=alice msk=001-01/01010001"), 60);
                assertThat(refused).contains("reason=REPLAYED_COUNTER").contains("MSK message");

                assertThat(CliRun.of("admin", "rotate", "001-01", "0101", "--url", admin, "--token-file", token).exitCode()).isZero();
                ue.await("event=msk-received ue=alice msk=001-01/01010003", 60);   // the next solicited pull, answered
                assertThat(ue.output()).doesNotContain("FIRST_UICC_RECORDED", "all MBMS keys");   // same card: nothing wiped
                ue.terminate();
            }
            bmsc.terminate();
        }
    }

    @Test
    void aPushInFlightWhenTheBmscIsKilledIsResentByTheNextBmscAndDelivered() throws Exception {
        int http = Loopback.freeTcpPort();
        int alicesPort = Loopback.freeUdpPort();
        files(http);
        // A download service: no MTK messages, so no missed key update; only the push can bring Alice the new MSK.
        String download = SERVICES.replace("type: streaming", "type: download").substring(0, SERVICES.indexOf("    sessions:"));
        Files.writeString(dir.resolve("bmsc.yaml"), bmscYaml(http).replace(SERVICES, download));
        String ue = ueYaml(http);
        Files.writeString(dir.resolve("ue.yaml"), ue.substring(0, ue.indexOf("  - name: bob")).replace("mikeyPort: 0",
                "mikeyPort: " + alicesPort) + download);
        String token = dir.resolve("admin.token").toString();
        try (JavaProcess bmsc = JavaProcess.mbmsKeys(dir, "bmsc", "--config", "bmsc.yaml")) {
            String admin = "http://" + Loopback.group(bmsc.await("event=ready", 180), "admin=(127\\.0\\.0\\.1:\\d+)");
            try (JavaProcess alice = JavaProcess.mbmsKeys(dir, "ue", "--config", "ue.yaml")) {
                alice.await("event=msk-received ue=alice msk=001-01/01010001", 180);
                alice.kill();
            }
            // Alice is down: the test listens on her port, so it sees the push of the new MSK go out (the BM-SC stores
            // a step before it sends), and does not answer it. Resends of the first MSK may come too, if Alice was
            // killed before her verification message went out.
            try (DatagramSocket alicesSocket = new DatagramSocket(alicesPort, InetAddress.getLoopbackAddress())) {
                alicesSocket.setSoTimeout(60_000);
                assertThat(CliRun.of("admin", "rotate", "001-01", "0101", "--url", admin, "--token-file", token).exitCode()).isZero();
                while (!Loopback.pushOf(alicesSocket, MskRef.parse("001-01/01010002"))) {
                    // another message to Alice: wait for the next
                }
            }
            bmsc.kill();
        }
        try (Database db = Database.h2File(dir.resolve("state/bmsc"))) {
            assertThat(pushesStored(db)).as("the push awaiting Alice's answer, in the table").isEqualTo(1);
        }
        try (JavaProcess bmsc = JavaProcess.mbmsKeys(dir, "bmsc", "--config", "bmsc.yaml");
             JavaProcess alice = JavaProcess.mbmsKeys(dir, "ue", "--config", "ue.yaml")) {
            bmsc.await("event=ready", 180);
            alice.await("event=msk-received ue=alice msk=001-01/01010002", 180);
            String delivered = bmsc.await("event=msk-delivery ue=001010123456781@ims.mnc001.mcc001.3gppnetwork.org "
                    + "msk=001-01/01010002 outcome=DELIVERED", 60);
            assertThat(Integer.parseInt(Loopback.group(delivered, "attempts=(\\d+)"))).as("resent, not sent afresh").isGreaterThan(1);
            // The first MSK's push may be taken over too, when Alice was killed before she acknowledged it.
            assertThat(bmsc.output()).containsPattern("took over [12] stored instances").doesNotContain(" ERROR ");
            alice.terminate();
            bmsc.terminate();
        }
    }

    private static long pushesStored(Database db) {
        // Through the store itself, as the next process reads it.
        List<org.mbmskeys.engine.spi.InstanceRecord> records = new ArrayList<>();
        JdbcInstanceStore.builder(db, StorageConfig.DEFAULT_NODE).values(InstanceValues.bmsc()).build().forEach(records::add);
        return records.stream().filter(r -> r.procedure().equals("bmsc.msk-push")
                && r.key().equals("001010123456781@ims.mnc001.mcc001.3gppnetwork.org|001-01/01010002|DELIVER")).count();
    }

    /** The UDP payloads in a pcap (Ethernet, IPv4, UDP, as PcapWriter writes them) sent to {@code port}, in order. */
    private static List<byte[]> datagramsTo(Path pcap, int port) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
        b.position(24);
        List<byte[]> out = new ArrayList<>();
        while (b.remaining() >= 16) {
            b.getInt();
            b.getInt();
            int length = b.getInt();
            b.getInt();
            byte[] frame = new byte[length];
            b.get(frame);
            ByteBuffer f = ByteBuffer.wrap(frame);
            int udp = 14 + 20;
            int dstPort = f.getShort(udp + 2) & 0xFFFF;
            int udpLength = f.getShort(udp + 4) & 0xFFFF;
            if (dstPort == port) {
                byte[] payload = new byte[udpLength - 8];
                System.arraycopy(frame, udp + 8, payload, 0, payload.length);
                out.add(payload);
            }
        }
        assertThat(out).as("datagrams to port " + port + " in " + pcap).isNotEmpty();
        return out;
    }
}
