package org.mbmskeys.adapters.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.adapters.app.CliRun;

/**
 * A process that cannot bind an address its configuration names says which setting names it, not only the address:
 * the operator trial met "cannot bind UDP to 127.0.0.1:2269" from a UE that had left mikeyPort at its default beside
 * a BM-SC on the same host.
 */
class PortInUseTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;

    @Test
    void theBmscNamesItsMikeyAndKeyManagementSettings() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, LOOPBACK)) {
            assertThat(bmscRefusal("bmsc: {fqdn: b.example.org, mikey: 127.0.0.1:" + taken.getLocalPort() + "}\n"))
                    .startsWith("mbms-keys bmsc: cannot start: bmsc.mikey: cannot bind UDP to 127.0.0.1:" + taken.getLocalPort());
        }
        try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
            assertThat(bmscRefusal("bmsc: {fqdn: b.example.org, mikey: 127.0.0.1:0, keyManagement: 127.0.0.1:"
                    + taken.getLocalPort() + "}\n"))
                    .startsWith("mbms-keys bmsc: cannot start: bmsc.keyManagement: cannot listen for HTTP on 127.0.0.1:"
                            + taken.getLocalPort());
        }
    }

    @Test
    void theBmscNamesTheSimulatedBsfsAndTheAdminApisBind() throws Exception {
        String free = "bmsc: {fqdn: b.example.org, mikey: 127.0.0.1:0, keyManagement: 127.0.0.1:0}\n";
        try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
            assertThat(bmscRefusal(free + "bootstrapping:\n  simulatedBsf: {bind: 127.0.0.1:" + taken.getLocalPort() + "}\n"))
                    .startsWith("mbms-keys bmsc: cannot start: bootstrapping.simulatedBsf.bind: cannot listen for HTTP on "
                            + "127.0.0.1:" + taken.getLocalPort());
        }
        Files.writeString(dir.resolve("admin.token"), "t".repeat(32) + "\n");
        try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
            assertThat(bmscRefusal(free + "admin: {bind: 127.0.0.1:" + taken.getLocalPort() + ", tokenFile: admin.token}\n"))
                    .startsWith("mbms-keys bmsc: cannot start: admin.bind: cannot listen for the admin API on 127.0.0.1:"
                            + taken.getLocalPort());
        }
    }

    @Test
    void aUeNamesItsMikeyPortAndItself() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, LOOPBACK)) {
            Files.writeString(dir.resolve("ue.yaml"), """
                    bmsc: {fqdn: bmsc.example.org, keyManagement: 127.0.0.1:9}
                    ues:
                      - name: alice
                        uicc: "89494400000000000001"
                        mikeyPort: %d
                        gba: {impi: 001010123456781@ims.mnc001.mcc001.3gppnetwork.org, rand: 23553cbe9637a89d218ae64dae47bf35,
                              ck: b40ba9a3c58b2a05bbf0d987b21bf8cb, ik: f769bcd751044604127672711c6d3441, bsf: bsf.example.org,
                              expires: 2030-01-01T00:00:00Z}
                        use: []
                    """.formatted(taken.getLocalPort()));
            CliRun run = CliRun.of("ue", "--config", dir.resolve("ue.yaml").toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).startsWith("mbms-keys ue: cannot start: mikeyPort of UE alice: cannot bind UDP to 127.0.0.1:"
                    + taken.getLocalPort());
        }
    }

    private String bmscRefusal(String yaml) throws Exception {
        Files.writeString(dir.resolve("bmsc.yaml"), yaml);
        CliRun run = CliRun.of("bmsc", "--config", dir.resolve("bmsc.yaml").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        return run.err();
    }
}
