package org.mbmskeys.adapters.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.adapters.app.CliRun;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.MskRef;

/**
 * Two BM-SC processes, node A and node B, on one real PostgreSQL server: B uses the MSK A made; a UE registered
 * through A is known to B; and when A is killed while its push to a UE waits for the acknowledgement, A's lease
 * lapses and B takes the push over and resends it, once, so the UE gets the new MSK from B.
 */
class TwoNodesTest {

    private static final String IMPI = "001010123456781@ims.mnc001.mcc001.3gppnetwork.org";
    private static final String TOKEN = "tw0-Nodes_Admin_Token.2026";
    private static final String SERVICES = """
            services:
              - id: urn:3gpp:mbms:files
                type: download
                keyDomain: "001-01"
                keyGroup: "0101"
            """;

    private static final String STREAMING = """
            services:
              - id: urn:3gpp:mbms:news
                type: streaming
                keyDomain: "001-01"
                keyGroup: "0101"
                sessions:
                  - id: news-live
                    rtp: %s:5004
            """;

    @TempDir
    Path dir;
    private String services = SERVICES;

    private String node(String name, int httpPort, String url) {
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
                  postgres: {url: "%s", user: postgres, passwordFile: pg.password}
                  keyEncryptionKeyFile: kek.hex
                  digestSecretFile: digest.hex
                  node: %s
                  lease: 3s
                bootstrapping:
                  static:
                """.formatted(httpPort, url, name) + LabSubscribers.staticEntry(LabSubscribers.ALICE) + services;
    }

    private String ue(int httpPort, int mikeyPort) {
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
                    mikeyPort: %d
                    use: [%s]
                    gba:
                """.formatted(httpPort, mikeyPort, services.contains("news") ? "urn:3gpp:mbms:news" : "urn:3gpp:mbms:files")
                + LabSubscribers.ALICE.indent(6) + services;
    }

    /** Both nodes' configurations on one new database of {@code pg}, and the UE's pointing at node A. */
    private void files(EmbeddedPostgres pg, int httpA, int httpB, int alicesPort) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database mbms");
        }
        String url = pg.getJdbcUrl("postgres", "mbms");
        Files.writeString(dir.resolve("admin.token"), TOKEN + "\n");
        Files.writeString(dir.resolve("pg.password"), "postgres\n");
        Files.writeString(dir.resolve("kek.hex"), "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n");
        Files.writeString(dir.resolve("digest.hex"), "a5".repeat(32) + "\n");
        Files.writeString(dir.resolve("ue-kek.hex"), "ffeeddccbbaa99887766554433221100\n");
        Files.writeString(dir.resolve("node-a.yaml"), node("node-a", httpA, url));
        Files.writeString(dir.resolve("node-b.yaml"), node("node-b", httpB, url));
        Files.writeString(dir.resolve("ue.yaml"), ue(httpA, alicesPort));
    }

    /**
     * One node delivers a streaming session's MTKs, so that UEs get one MTK at a time (TS 33.246 §6.3.4.5). Node A
     * stalls (SIGSTOP) longer than its lease: node B takes the session over and the UE goes on with the next MTK;
     * when A runs again, it finds the session B's and stops sending it.
     */
    @Test
    void theMtkDeliveryOfASessionMovesToNodeBWhileNodeAStallsAndAStopsSendingItWhenItRunsAgain() throws Exception {
        java.util.Random r = new java.util.Random();
        services = STREAMING.formatted("239.255." + (1 + r.nextInt(250)) + "." + (1 + r.nextInt(250)));
        try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
            files(pg, Loopback.freeTcpPort(), Loopback.freeTcpPort(), Loopback.freeUdpPort());
            JavaProcess a = JavaProcess.mbmsKeys(dir, "bmsc", "--config", "node-a.yaml");
            try {
                a.await("event=mtk-delivery-started session=news-live", 180);
            } catch (RuntimeException | Error e) {
                a.close();
                throw e;
            }
            try (JavaProcess b = JavaProcess.mbmsKeys(dir, "bmsc", "--config", "node-b.yaml");
                 JavaProcess alice = JavaProcess.mbmsKeys(dir, "ue", "--config", "ue.yaml")) {
                try (a) {
                    b.await("event=mtk-delivery-elsewhere session=news-live node=node-a", 180);
                    int before = Integer.parseInt(Loopback.group(alice.await("event=mtk-received ue=alice", 180), "mtkId=(\\d+)"));
                    a.pause();
                    b.await("event=mtk-delivery-started session=news-live takenOverFrom=node-a", 60);
                    int after = Integer.parseInt(Loopback.group(alice.await("the MTK from node B", l -> l.contains(
                            "event=mtk-received ue=alice") && Integer.parseInt(Loopback.group(l, "mtkId=(\\d+)")) > before, 60),
                            "mtkId=(\\d+)"));
                    assertThat(after).as("the MTK IDs go on from the shared key registry").isGreaterThan(before);

                    a.resume();
                    a.await("event=mtk-delivery-stopped session=news-live node=node-b", 60);
                    assertThat(alice.output()).doesNotContain("reason=REPLAYED_COUNTER");
                    assertThat(b.output()).doesNotContain(" ERROR ");
                    a.terminate();
                }
                alice.terminate();
                b.terminate();
            }
        }
    }

    /**
     * One streaming service sent via several BM-SCs (TS 33.246 §6.3.4): node A delivers the session, node B relays it
     * ({@code storage.mtkRelay}) into its own area, here the same group on loopback. Both send the same MTK message
     * byte for byte (so the same MTK, MTK ID and timestamp), also after A makes the next MTK.
     */
    @Test
    void withMtkRelayNodeBSendsTheSessionNodeADeliversWithTheSameMtkMessages() throws Exception {
        java.util.Random r = new java.util.Random();
        String group = "239.255." + (1 + r.nextInt(250)) + "." + (1 + r.nextInt(250));
        services = STREAMING.formatted(group);
        try (EmbeddedPostgres pg = EmbeddedPostgres.start();
             MulticastSocket listener = new MulticastSocket(new InetSocketAddress(group, 2269))) {
            listener.joinGroup(new InetSocketAddress(group, 2269), NetworkInterface.getByName("lo"));
            listener.setSoTimeout(1000);
            files(pg, Loopback.freeTcpPort(), Loopback.freeTcpPort(), Loopback.freeUdpPort());
            Files.writeString(dir.resolve("node-b.yaml"), Files.readString(dir.resolve("node-b.yaml"))
                    .replace("  lease: 3s\n", "  lease: 3s\n  mtkRelay: true\n"));
            // A service only node A's configuration has: stored by A, offered by B as well.
            Files.writeString(dir.resolve("node-a.yaml"), Files.readString(dir.resolve("node-a.yaml"))
                    + "  - {id: urn:3gpp:mbms:files, type: download, keyDomain: \"001-01\", keyGroup: \"0303\"}\n");
            String token = dir.resolve("admin.token").toString();
            JavaProcess a = JavaProcess.mbmsKeys(dir, "bmsc", "--config", "node-a.yaml");
            String readyA;
            try {
                a.await("event=mtk-delivery-started session=news-live", 180);
                readyA = a.await("event=ready", 10);
            } catch (RuntimeException | Error e) {
                a.close();
                throw e;
            }
            try (a; JavaProcess b = JavaProcess.mbmsKeys(dir, "bmsc", "--config", "node-b.yaml")) {
                int portA = Integer.parseInt(Loopback.group(readyA, "mikey=127\\.0\\.0\\.1:(\\d+)"));
                b.await("event=mtk-delivery-elsewhere session=news-live node=node-a", 180);
                int portB = Integer.parseInt(Loopback.group(b.await("event=ready", 10), "mikey=127\\.0\\.0\\.1:(\\d+)"));
                b.await("event=mtk-relayed session=news-live from=node-a", 60);
                assertThat(b.output()).contains("event=service-stored-not-configured service=urn:3gpp:mbms:files");
                String adminB = "http://" + Loopback.group(b.output(), "admin=(127\\.0\\.0\\.1:\\d+)");
                CliRun listed = CliRun.of("admin", "services", "--url", adminB, "--token-file", token);
                assertThat(listed.out()).contains("urn:3gpp:mbms:files", "urn:3gpp:mbms:news");

                Bytes first = sentByBoth(listener, portA, portB, Set.of());
                String adminA = "http://" + Loopback.group(readyA, "admin=(127\\.0\\.0\\.1:\\d+)");
                CliRun next = CliRun.of("admin", "mtk", "next", "news-live", "--url", adminA, "--token-file", token);
                assertThat(next.exitCode()).as(next.err()).isZero();
                Bytes second = sentByBoth(listener, portA, portB, Set.of(first));

                assertThat(second).isNotEqualTo(first);
                assertThat(a.output() + b.output()).doesNotContain(" ERROR ");
                b.terminate();
                a.terminate();
            }
        }
    }

    /** The first MTK message (other than {@code seen}) that arrives from both nodes' MIKEY ports, within 30 s. */
    private static Bytes sentByBoth(MulticastSocket listener, int portA, int portB, Set<Bytes> seen) throws IOException {
        Set<Bytes> fromA = new HashSet<>();
        Set<Bytes> fromB = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        byte[] buffer = new byte[4096];
        while (System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                listener.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            }
            Bytes message = Bytes.of(packet.getData(), packet.getOffset(), packet.getLength());
            if (seen.contains(message)) {
                continue;
            }
            if (packet.getPort() == portA) {
                fromA.add(message);
            } else if (packet.getPort() == portB) {
                fromB.add(message);
            }
            for (Bytes m : fromA) {
                if (fromB.contains(m)) {
                    return m;
                }
            }
        }
        throw new AssertionError("no new MTK message came from both nodes within 30 s: " + fromA.size() + " from A, "
                + fromB.size() + " from B");
    }

    /**
     * Behind one address (a load balancer, here {@link SwitchingProxy}), a UE registers through node A, and its MSK
     * request, after a rotation made on node B, is answered by node B from the registration A stored.
     */
    @Test
    void aUeRegisteredThroughNodeAHasItsMskRequestServedByNodeB() throws Exception {
        java.util.Random r = new java.util.Random();
        services = STREAMING.formatted("239.255." + (1 + r.nextInt(250)) + "." + (1 + r.nextInt(250)));
        try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
            int httpA = Loopback.freeTcpPort();
            int httpB = Loopback.freeTcpPort();
            files(pg, httpA, httpB, Loopback.freeUdpPort());
            for (String node : List.of("node-a.yaml", "node-b.yaml")) {   // new MSKs reach UEs by their requests only
                Path file = dir.resolve(node);
                Files.writeString(file, Files.readString(file).replace("  multicastInterface: lo\n",
                        "  multicastInterface: lo\n  rekeying: on-request\n"));
            }
            String token = dir.resolve("admin.token").toString();
            try (SwitchingProxy balancer = new SwitchingProxy(httpA)) {
                Files.writeString(dir.resolve("ue.yaml"), Files.readString(dir.resolve("ue.yaml"))
                        .replace("keyManagement: 127.0.0.1:" + httpA, "keyManagement: 127.0.0.1:" + balancer.port()));
                JavaProcess a = JavaProcess.mbmsKeys(dir, "bmsc", "--config", "node-a.yaml");
                String adminA;
                try {
                    adminA = "http://" + Loopback.group(a.await("event=ready", 180), "admin=(127\\.0\\.0\\.1:\\d+)");
                } catch (RuntimeException | Error e) {
                    a.close();
                    throw e;
                }
                try (a; JavaProcess b = JavaProcess.mbmsKeys(dir, "bmsc", "--config", "node-b.yaml")) {
                    String adminB = "http://" + Loopback.group(b.await("event=ready", 180), "admin=(127\\.0\\.0\\.1:\\d+)");
                    try (JavaProcess alice = JavaProcess.mbmsKeys(dir, "ue", "--config", "ue.yaml")) {
                        alice.await("event=service-registered ue=alice", 180);
                        assertThat(a.await("registration of " + IMPI, 30)).contains("REGISTERED");

                        balancer.forwardTo(httpB);
                        CliRun rotated = CliRun.of("admin", "rotate", "001-01", "0101", "--url", adminB, "--token-file", token);
                        assertThat(rotated.exitCode()).as(rotated.err()).isZero();
                        String second = Loopback.group(rotated.out(), "(001-01/[0-9a-f]{8})");
                        // A delivers the session: its next MTK is under the new MSK, which Alice does not have yet.
                        CliRun next = CliRun.of("admin", "mtk", "next", "news-live", "--url", adminA, "--token-file", token);
                        assertThat(next.exitCode()).as(next.err()).isZero();

                        alice.await("event=msk-received ue=alice msk=" + second, 60);
                        assertThat(b.await("MSK request of " + IMPI, 30)).contains("200");
                        assertThat(a.output()).doesNotContain("MSK request of " + IMPI);
                        alice.terminate();
                    }
                    assertThat(a.output() + b.output()).doesNotContain(" ERROR ");
                    b.terminate();
                    a.terminate();
                }
            }
        }
    }

    @Test
    void nodeBServesAUeRegisteredThroughNodeAAndTakesOverThePushAWasKilledIn() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
            int httpA = Loopback.freeTcpPort();
            int httpB = Loopback.freeTcpPort();
            int alicesPort = Loopback.freeUdpPort();
            files(pg, httpA, httpB, alicesPort);
            String token = dir.resolve("admin.token").toString();

            JavaProcess a = JavaProcess.mbmsKeys(dir, "bmsc", "--config", "node-a.yaml");
            String adminA;
            String first;
            try {
                adminA = "http://" + Loopback.group(a.await("event=ready", 180), "admin=(127\\.0\\.0\\.1:\\d+)");
                first = Loopback.group(a.output(), "event=msk-rotated keyGroup=001-01/0101 msk=(\\S+)");
            } catch (RuntimeException | Error e) {
                a.close();
                throw e;
            }
            String second;
            try (JavaProcess b = JavaProcess.mbmsKeys(dir, "bmsc", "--config", "node-b.yaml")) {
                String adminB;
                try (a) {
                    adminB = "http://" + Loopback.group(b.await("event=ready", 180), "admin=(127\\.0\\.0\\.1:\\d+)");
                    // B uses the MSK A made: from the shared database, not a new one of its own.
                    assertThat(b.output()).contains("event=msk-kept keyGroup=001-01/0101 msk=" + first);
                    try (JavaProcess alice = JavaProcess.mbmsKeys(dir, "ue", "--config", "ue.yaml")) {
                        alice.await("event=msk-received ue=alice msk=" + first, 180);
                        a.await("event=msk-delivery ue=" + IMPI + " msk=" + first + " outcome=DELIVERED", 60);
                        alice.kill();
                    }
                    // Alice is down; the test listens on her port and sees A's push of the new MSK go out.
                    try (DatagramSocket alicesSocket = new DatagramSocket(alicesPort, InetAddress.getLoopbackAddress())) {
                        alicesSocket.setSoTimeout(60_000);
                        CliRun rotated = CliRun.of("admin", "rotate", "001-01", "0101", "--url", adminA, "--token-file", token);
                        assertThat(rotated.exitCode()).as(rotated.err()).isZero();
                        second = Loopback.group(rotated.out(), "(001-01/[0-9a-f]{8})");
                        while (!Loopback.pushOf(alicesSocket, MskRef.parse(second))) {
                            // a resend of an earlier message: wait for the next
                        }
                    }
                    a.kill();
                }
                // A's lease lapses within 3 s; B takes over the push and resends it on its schedule.
                assertThat(b.await("event=instances-taken-over", 60)).contains("count=");
                Files.writeString(dir.resolve("ue.yaml"), ue(httpB, alicesPort));
                try (JavaProcess alice = JavaProcess.mbmsKeys(dir, "ue", "--config", "ue.yaml")) {
                    alice.await("event=msk-received ue=alice msk=" + second, 180);
                    String delivered = b.await("event=msk-delivery ue=" + IMPI + " msk=" + second + " outcome=DELIVERED", 60);
                    assertThat(Integer.parseInt(Loopback.group(delivered, "attempts=(\\d+)"))).as("A's push, resent by B").isGreaterThan(1);
                    // B answers for A's records too, from the shared table, and for A's push, which it finished, with one.
                    CliRun records = CliRun.of("admin", "deliveries", "--impi", IMPI, "--json", "--url", adminB, "--token-file", token);
                    assertThat(records.exitCode()).as(records.err()).isZero();
                    JsonNode list = new ObjectMapper().readTree(records.out()).path("deliveries");
                    assertThat(list).filteredOn(d -> d.path("msk").asText().equals(first))
                            .anySatisfy(d -> assertThat(d.path("outcome").asText()).isEqualTo("delivered"));
                    assertThat(list).filteredOn(d -> d.path("msk").asText().equals(second)).singleElement()
                            .satisfies(d -> assertThat(d.path("attempts").asInt()).isGreaterThan(1));
                    // Alice registered through A; B knows her registration from the shared database.
                    alice.await("event=service-registered ue=alice", 60);
                    assertThat(b.await("registration of " + IMPI, 30)).contains("ALREADY_REGISTERED");
                    alice.terminate();
                }
                assertThat(b.output()).doesNotContain(" ERROR ", "00112233445566778899aabbccddeeff");
                b.terminate();
            }
        }
    }
}
