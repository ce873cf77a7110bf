package org.mbmskeys.adapters.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mbmskeys.adapters.app.CliRun;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.keys.ServiceType;

/** The YAML configurations: the documented examples read as documented; every mistake names its key. */
class ConfigFilesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T00:00:00Z");
    private static final Path DOCS = Path.of("..", "..", "docs");

    @TempDir
    Path dir;

    @Test
    void theCommentedBmscExampleReadsAsDocumented() {
        BmscConfig c = BmscConfig.read(DOCS.resolve("bmsc.example.yaml"), NOW);
        assertThat(c.fqdn()).isEqualTo("bmsc.example.org");
        assertThat(c.mikey()).isEqualTo(Endpoint.of("127.0.0.1", 2269));
        assertThat(c.keyManagement()).isEqualTo(Endpoint.of("127.0.0.1", 8080));
        assertThat(c.rekeying()).isEqualTo(Bmsc.Rekeying.PUSH);
        assertThat(c.mukLifetime()).isEmpty();
        assertThat(c.bootstrappings()).hasSize(2).first().satisfies(g -> {
            assertThat(g.bTid().format()).isEqualTo("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");
            assertThat(g.toString()).doesNotContain("b40ba9a3");
        });
        assertThat(c.services()).extracting(ServiceConfig::type).containsExactly(ServiceType.STREAMING, ServiceType.DOWNLOAD);
        assertThat(c.services().get(0).sessions().get(0).mtkGroup()).isEqualTo(Endpoint.of("239.255.22.69", 2269));
    }

    @Test
    void theCommentedUeExampleReadsAsDocumentedAndMatchesTheBmscsBootstrappings() {
        UeConfig ue = UeConfig.read(DOCS.resolve("ue.example.yaml"), NOW);
        BmscConfig bmsc = BmscConfig.read(DOCS.resolve("bmsc.example.yaml"), NOW);
        assertThat(ue.ues()).extracting(UeConfig.UeEntry::name).containsExactly("alice", "bob", "carol");
        assertThat(ue.ues().subList(0, 2)).extracting(u -> u.gba().orElseThrow().bTid())
                .containsExactlyElementsOf(bmsc.bootstrappings().stream().map(GbaKeys::bTid).toList());
        // Carol's USIM is a subscriber of the BM-SC's simulated BSF, which listens where the UEs look for it.
        UeConfig.Usim carol = ue.ues().get(2).usim().orElseThrow();
        assertThat(bmsc.simulatedBsf().orElseThrow().subscribers()).singleElement()
                .satisfies(s -> assertThat(s.impi()).isEqualTo(carol.impi()));
        assertThat(ue.bsf().orElseThrow().address()).isEqualTo(bmsc.simulatedBsf().orElseThrow().bind());
        assertThat(carol.toString()).doesNotContain("465b5ce8");
        assertThat(ue.bmscKeyManagement()).isEqualTo(bmsc.keyManagement());
    }

    static Stream<Arguments> bmscMistakes() {
        return Stream.of(
                Arguments.of("a typo in a key",
                        "bmsc: {fqdn: b.example.org, keyManagment: 127.0.0.1:80}",
                        "bmsc.yaml: bmsc.keyManagment: unknown key; allowed here: fqdn, mikey, keyManagement"),
                Arguments.of("a name instead of an address",
                        "bmsc: {fqdn: b.example.org, mikey: 'localhost:2269'}",
                        "bmsc.yaml: bmsc.mikey: must use an IP address, not a name"),
                Arguments.of("a port out of range",
                        "bmsc: {fqdn: b.example.org, keyManagement: '127.0.0.1:70000'}",
                        "bmsc.yaml: bmsc.keyManagement: the port must be 0..65535"),
                Arguments.of("an unknown rekeying",
                        "bmsc: {fqdn: b.example.org, rekeying: sometimes}",
                        "bmsc.yaml: bmsc.rekeying: \"sometimes\" is not allowed; use one of: push, solicited-pull, on-request"),
                Arguments.of("a bad MUK lifetime",
                        "bmsc: {fqdn: b.example.org, mukLifetime: forever}",
                        "bmsc.yaml: bmsc.mukLifetime: must be a duration such as 30s"),
                Arguments.of("a missing FQDN",
                        "bmsc: {mikey: '127.0.0.1:2269'}",
                        "bmsc.yaml: bmsc.fqdn: is required"),
                Arguments.of("a Key Group YAML made a number",
                        "bmsc: {fqdn: b.example.org}\nservices: [{id: s, keyDomain: 001-01, keyGroup: 101}]",
                        "bmsc.yaml: services[0].keyGroup: \"101\" is not 4 hex digits"),
                Arguments.of("a streaming session without media",
                        "bmsc: {fqdn: b.example.org}\nservices: [{id: s, keyDomain: 001-01, keyGroup: '0101', sessions: [{id: x}]}]",
                        "bmsc.yaml: services[0].sessions[0].rtp: is required"),
                Arguments.of("a short CK, not echoed",
                        "bmsc: {fqdn: b.example.org}\nbootstrapping: {static: [{impi: a@b.c, rand: 23553cbe9637a89d218ae64dae47bf35, ck: 0badc0ffee, ik: f769bcd751044604127672711c6d3441}]}",
                        "bmsc.yaml: bootstrapping.static[0].ck: must be 16 bytes in hex (32 hex digits); the value given has 10 characters (not shown: it is a secret)"),
                Arguments.of("PostgreSQL without a node name",
                        "bmsc: {fqdn: b.example.org}\nstorage: {postgres: {url: 'jdbc:postgresql://127.0.0.1/mbms', user: u, "
                                + "passwordFile: pw}, keyEncryptionKeyFile: kek.hex}",
                        "bmsc.yaml: storage.node: is required with postgres: each BM-SC node sharing the database needs its own name"),
                Arguments.of("a delivery record retention shorter than the hourly purge",
                        "bmsc: {fqdn: b.example.org}\nstorage: {h2: state/bmsc, keyEncryptionKeyFile: kek.hex, deliveryRetention: 30m}",
                        "bmsc.yaml: storage.deliveryRetention: must be 1h or more (records are purged hourly); 90d by default"),
                Arguments.of("relaying MTK messages without a shared database",
                        "bmsc: {fqdn: b.example.org}\nstorage: {h2: state/bmsc, keyEncryptionKeyFile: kek.hex, mtkRelay: true}",
                        "bmsc.yaml: storage.mtkRelay: needs postgres: the nodes that send a session share its MTK messages"),
                Arguments.of("not a mapping",
                        "just text",
                        "bmsc.yaml: the file must be a YAML mapping of keys"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bmscMistakes")
    void aMistakeInTheBmscFileNamesItsKeyAndWhatIsAllowed(String what, String yaml, String message) throws Exception {
        Path file = dir.resolve("bmsc.yaml");
        Files.writeString(file, yaml);
        assertThatThrownBy(() -> BmscConfig.read(file, NOW)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(message).hasMessageNotContaining("0badc0ffee");
    }

    @Test
    void uesOnOneAddressNeedPortsOfTheirOwnAndUseOnlyAnnouncedServices() throws Exception {
        String gba = "{impi: a@b.c, rand: 23553cbe9637a89d218ae64dae47bf35, ck: b40ba9a3c58b2a05bbf0d987b21bf8cb, "
                + "ik: f769bcd751044604127672711c6d3441}";
        Path file = dir.resolve("ue.yaml");
        Files.writeString(file, "bmsc: {fqdn: b.example.org}\nues:\n  - {name: a, uicc: '1', mikeyPort: 4000, gba: " + gba
                + "}\n  - {name: b, uicc: '2', mikeyPort: 4000, gba: " + gba + "}\n");
        assertThatThrownBy(() -> UeConfig.read(file, NOW)).hasMessage(
                "ue.yaml: ues[1].mikeyPort: 4000 is also the port of a; UEs on one address need ports of their own (0: any free port)");
        Files.writeString(file, "bmsc: {fqdn: b.example.org}\nues:\n  - {name: a, uicc: '1', use: [news], gba: " + gba + "}\n");
        assertThatThrownBy(() -> UeConfig.read(file, NOW)).hasMessageStartingWith(
                "ue.yaml: ues[0].use: \"news\" is not among the services listed under services");
    }

    @Test
    void durationsTakeUnitsOrIso8601() {
        ConfigNode n = ConfigNode.parse("t.yaml", "a: 30s\nb: 5m\nc: 24h\nd: 7d\ne: PT1H30M");
        assertThat(n.duration("a")).contains(Duration.ofSeconds(30));
        assertThat(n.duration("b")).contains(Duration.ofMinutes(5));
        assertThat(n.duration("c")).contains(Duration.ofHours(24));
        assertThat(n.duration("d")).contains(Duration.ofDays(7));
        assertThat(n.duration("e")).contains(Duration.ofMinutes(90));
    }

    @Test
    void theCommandSaysWhatIsWrongAndExitsWith2() throws Exception {
        Files.writeString(dir.resolve("bmsc.yaml"), "bmsc: {fqdn: b.example.org, backend: fast}\n");
        CliRun run = CliRun.of("bmsc", "--config", dir.resolve("bmsc.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("mbms-keys bmsc: bmsc.yaml: bmsc.backend: \"fast\" is not allowed; use one of: native, spring\n");
        CliRun missing = CliRun.of("ue", "--config", dir.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("mbms-keys ue: no configuration file ");
    }

    @Test
    void aLogLevelTheLoggerDoesNotKnowIsAnArgumentErrorNotInfo() {
        for (String command : new String[] {"bmsc", "ue"}) {
            CliRun run = CliRun.of(command, "--config", dir.resolve("nope.yaml").toString(), "--log-level", "verbose");

            assertThat(run.exitCode()).as(command).isEqualTo(2);
            assertThat(run.err()).as(command).contains("--log-level must be one of trace, debug, info, warn, error; got 'verbose'");
        }
    }

    @Test
    void theFilesASettingNamesAreThereWhenTheFileIsReadNotOnceTheProcessRuns() throws Exception {
        Files.writeString(dir.resolve("kek.hex"), "00".repeat(32) + "\n");
        Files.writeString(dir.resolve("admin.token"), "0123456789abcdefXYZ\n");
        String storage = "storage: {h2: state/bmsc, keyEncryptionKeyFile: %s}\n";
        String admin = "admin: {bind: %s, tokenFile: %s}\n";

        assertThat(refusal(storage.formatted("kek.hx"))).isEqualTo("mbms-keys bmsc: bmsc.yaml: storage.keyEncryptionKeyFile: "
                + "names " + dir.resolve("kek.hx") + ", which is not there\n");
        assertThat(refusal(storage.formatted("kek.hex") + admin.formatted("127.0.0.1:0", "admin.tokn")))
                .isEqualTo("mbms-keys bmsc: bmsc.yaml: admin.tokenFile: names " + dir.resolve("admin.tokn")
                        + ", which is not there\n");
        Files.writeString(dir.resolve("short.token"), "abcde\n");
        assertThat(refusal(admin.formatted("127.0.0.1:0", "short.token"))).startsWith("mbms-keys bmsc: bmsc.yaml: "
                + "admin.tokenFile: " + dir.resolve("short.token") + ": ").contains("16").doesNotContain("abcde");
        assertThat(refusal(admin.formatted("0.0.0.0:0", "admin.token"))).isEqualTo("mbms-keys bmsc: bmsc.yaml: admin.bind: "
                + "is 0.0.0.0:0, not a loopback address: the admin API rotates keys and shows subscribers, so it listens "
                + "on another address only with allowNonLoopback: true\n");

        BmscConfig fine = BmscConfig.read(Files.writeString(dir.resolve("bmsc.yaml"), "bmsc: {fqdn: b.example.org}\n"
                + storage.formatted("kek.hex") + admin.formatted("127.0.0.1:0", "admin.token")), NOW);
        assertThat(fine.admin().orElseThrow().tokenFile()).isEqualTo(dir.resolve("admin.token"));
    }

    @Test
    void yamlThatDoesNotParseIsToldWhere() throws Exception {
        Files.writeString(dir.resolve("bmsc.yaml"), "bmsc:\n  fqdn: b.example.org\n backend: native\n");
        CliRun run = CliRun.of("bmsc", "--config", dir.resolve("bmsc.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("mbms-keys bmsc: bmsc.yaml: not valid YAML at line 3, column ");
    }

    private String refusal(String yaml) throws Exception {
        Files.writeString(dir.resolve("bmsc.yaml"), "bmsc: {fqdn: b.example.org}\n" + yaml);
        CliRun run = CliRun.of("bmsc", "--config", dir.resolve("bmsc.yaml").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        return run.err();
    }
}
