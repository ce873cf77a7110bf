package org.mbmskeys.adapters.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.adapters.app.CliRun;
import org.mbmskeys.adapters.app.Tshark;

/**
 * {@code mbms-keys bmsc} and {@code mbms-keys ue} as real processes on loopback, configured by YAML files: a UE
 * process registers, gets the MSK pushed and acknowledges it, takes MTKs from the multicast group, and both stop
 * gracefully on SIGTERM (the UE deregistering first). In between, the operator lists the registrations and rotates
 * the MSK through the admin API ({@code mbms-keys admin}), and the new MSK reaches the UE. The BM-SC's {@code --pcap} file holds its MIKEY datagrams.
 */
class BmscAndUeProcessesTest {

    static final String SERVICES = """
            services:
              - id: urn:3gpp:mbms:news
                type: streaming
                keyDomain: "001-01"
                keyGroup: "0101"
                sessions:
                  - id: news-live
                    rtp: 239.255.22.71:5004
            """;

    @TempDir
    Path dir;

    private String mikeyPort;

    @Test
    void aUeProcessRegistersWithABmscProcessGetsItsKeysAndBothStopOnSigterm() throws Exception {
        Files.writeString(dir.resolve("admin.token"), "k3PmSs5Tq-Ad_MiN.T0ken~2026\n");
        Files.writeString(dir.resolve("bmsc.yaml"), """
                bmsc:
                  fqdn: bmsc.example.org
                  mikey: 127.0.0.1:0
                  keyManagement: 127.0.0.1:0
                  multicastInterface: lo
                admin:
                  bind: 127.0.0.1:0
                  tokenFile: admin.token
                bootstrapping:
                  static:
                """ + LabSubscribers.staticEntry(LabSubscribers.ALICE) + SERVICES);
        try (JavaProcess bmsc = JavaProcess.mbmsKeys(dir, "bmsc", "--config", "bmsc.yaml", "--pcap", "bmsc.pcap")) {
            String ready = bmsc.await("event=ready", 60);
            Matcher mikey = Pattern.compile("mikey=127\\.0\\.0\\.1:(\\d+)").matcher(ready);
            assertThat(mikey.find()).as(ready).isTrue();
            mikeyPort = mikey.group(1);
            Matcher port = Pattern.compile("keyManagement=127\\.0\\.0\\.1:(\\d+)").matcher(ready);
            assertThat(port.find()).as(ready).isTrue();
            Files.writeString(dir.resolve("ue.yaml"), """
                    bmsc:
                      fqdn: bmsc.example.org
                      keyManagement: 127.0.0.1:%s
                    network:
                      address: 127.0.0.1
                      multicastInterface: lo
                    ues:
                      - name: alice
                        uicc: "89494400000000000001"
                        mikeyPort: 0
                        use: [urn:3gpp:mbms:news]
                        gba:
                    """.formatted(port.group(1)) + LabSubscribers.ALICE.indent(6) + SERVICES);
            try (JavaProcess ue = JavaProcess.mbmsKeys(dir, "ue", "--config", "ue.yaml")) {
                ue.await("event=service-registered ue=alice serviceId=urn:3gpp:mbms:news bmsc=bmsc.example.org status=200", 60);
                ue.await("the pushed MSK acknowledged", l -> l.contains("event=msk-received ue=alice msk=001-01/01010001")
                        && l.contains("verificationSent=true"), 30);
                ue.await("an MTK from the multicast group", l -> l.contains("event=mtk-received ue=alice msk=001-01/01010001"), 30);

                // The operator, through the admin API: who is registered, then a new MSK, which reaches the UE.
                Matcher admin = Pattern.compile("admin=127\\.0\\.0\\.1:(\\d+)").matcher(ready);
                assertThat(admin.find()).as(ready).isTrue();
                String url = "http://127.0.0.1:" + admin.group(1);
                String tokenFile = dir.resolve("admin.token").toString();
                CliRun listed = CliRun.of("admin", "registrations", "--service", "urn:3gpp:mbms:news", "--url", url,
                        "--token-file", tokenFile);
                assertThat(listed.exitCode()).as(listed.err()).isZero();
                assertThat(listed.out()).contains("001010123456781@ims.mnc001.mcc001.3gppnetwork.org");
                CliRun rotated = CliRun.of("admin", "rotate", "001-01", "0101", "--url", url, "--token-file", tokenFile);
                assertThat(rotated.exitCode()).as(rotated.err()).isZero();
                ue.await("the rotated MSK pushed", l -> l.contains("event=msk-received ue=alice msk=001-01/01010002")
                        && l.contains("verificationSent=true"), 30);

                ue.terminate();
                assertThat(ue.output()).contains("event=stopping", "event=service-deregistered ue=alice", "event=stopped")
                        .doesNotContain("deregistration-unanswered", " ERROR ");
                // Both MSKs alice held were invalidated and acknowledged before her socket closed (§6.3.2.1B).
                for (String msk : List.of("01010001", "01010002")) {
                    assertThat(ue.output()).contains("event=msk-received ue=alice msk=001-01/" + msk
                            + " change=INVALIDATED verificationSent=true");
                }
                // Sealed with consecutive counters on the UE's lane, they left in that order: none was taken for a replay.
                assertThat(ue.output()).doesNotContain("invalidation-not-received", "RECEIVER_FAILED", "REPLAYED_COUNTER");
            }
            bmsc.await("deregistration of 001010123456781", 10);
            bmsc.awaitEach(10, "msk=001-01/01010001 outcome=INVALIDATED attempts=1",
                    "msk=001-01/01010002 outcome=INVALIDATED attempts=1");
            bmsc.terminate();
            assertThat(bmsc.output()).contains("event=stopping", "event=stopped").doesNotContain(" ERROR ")
                    .doesNotContain("b40ba9a3c58b2a05bbf0d987b21bf8cb").doesNotContain("k3PmSs5Tq");
        }
        // --pcap: the BM-SC's MIKEY datagrams as they crossed its socket (push, verification message, MTK messages).
        Tshark.require();
        List<String> types = Tshark.run("-r", dir.resolve("bmsc.pcap").toString(), "-d", "udp.port==" + mikeyPort + ",mikey",
                "-T", "fields", "-e", "mikey.type").lines().toList();
        assertThat(types).contains("0", "1");   // PSK init (MSK and MTK messages), PSK verification
    }

    @Test
    void aUeProcessWithAUsimBootstrapsOverUbWithTheBmscsSimulatedBsfAndRegisters() throws Exception {
        Files.writeString(dir.resolve("bmsc.yaml"), """
                bmsc:
                  fqdn: bmsc.example.org
                  mikey: 127.0.0.1:0
                  keyManagement: 127.0.0.1:0
                  multicastInterface: lo
                bootstrapping:
                  simulatedBsf:
                    bind: 127.0.0.1:0
                    subscribers:
                      - impi: 001010123456783@ims.mnc001.mcc001.3gppnetwork.org
                        k: 465b5ce8b199b49faa5f0a2ee238a6bc
                        opc: cd63cb71954a9f4e48a5994e37a02baf
                """ + SERVICES);
        try (JavaProcess bmsc = JavaProcess.mbmsKeys(dir, "bmsc", "--config", "bmsc.yaml")) {
            String bsfReady = bmsc.await("event=bsf-ready", 60);
            Matcher ub = Pattern.compile("ub=127\\.0\\.0\\.1:(\\d+)").matcher(bsfReady);
            assertThat(ub.find()).as(bsfReady).isTrue();
            Matcher port = Pattern.compile("keyManagement=127\\.0\\.0\\.1:(\\d+)").matcher(bmsc.await("event=ready", 60));
            assertThat(port.find()).isTrue();
            Files.writeString(dir.resolve("ue.yaml"), """
                    bmsc:
                      fqdn: bmsc.example.org
                      keyManagement: 127.0.0.1:%s
                    bsf:
                      address: 127.0.0.1:%s
                      domain: bsf.example.org
                    ues:
                      - name: carol
                        uicc: "89494400000000000003"
                        mikeyPort: 0
                        use: [urn:3gpp:mbms:news]
                        usim:
                          impi: 001010123456783@ims.mnc001.mcc001.3gppnetwork.org
                          k: 465b5ce8b199b49faa5f0a2ee238a6bc
                          opc: cd63cb71954a9f4e48a5994e37a02baf
                    """.formatted(port.group(1), ub.group(1)) + SERVICES);
            try (JavaProcess ue = JavaProcess.mbmsKeys(dir, "ue", "--config", "ue.yaml")) {
                ue.await("event=service-registered ue=carol", 60);
                ue.await("carol's MSK acknowledged", l -> l.contains("event=msk-received ue=carol msk=001-01/01010001")
                        && l.contains("verificationSent=true"), 30);
                ue.terminate();
            }
            bmsc.await("Ub: 001010123456783@ims.mnc001.mcc001.3gppnetwork.org bootstrapped", 5);
            bmsc.terminate();
            assertThat(bmsc.output()).doesNotContain(" ERROR ").doesNotContain("465b5ce8");
        }
    }
}
