package org.mbmskeys.adapters.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.adapters.app.CliRun;
import org.mbmskeys.adapters.jdbc.Database;
import org.mbmskeys.adapters.jdbc.JdbcKeyRegistryStorage;
import org.mbmskeys.adapters.jdbc.JdbcUeKeyStorage;
import org.mbmskeys.adapters.jdbc.KeyEncryptionKey;
import org.mbmskeys.adapters.jdbc.KeyUnwrapException;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.bmsc.keys.RegisteredMsk;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.keys.UeKeyState;

/**
 * {@code mbms-keys rewrap-keys} on a real H2 file written by the BM-SC's storage: the MSKs read back identical under
 * the new KEK and not under the old; a second run, a new key equal to the current one and a malformed new key file
 * are refused with a clear line and change nothing; no key bytes are printed. Also a UE configuration (told apart
 * by its {@code ues}) and a mistyped H2 path, which must not create an empty database.
 */
class RewrapKeysCommandTest {

    private static final String KEK = "8f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String NEW_KEK = "5a0b1c2d3e4f5061728394a5b6c7d8e9fa0b1c2d3e4f5061728394a5b6c7d8e9";
    private static final KeyDomainId DOMAIN = KeyDomainId.parse("001-01");
    private static final List<RegisteredMsk> MSKS = List.of(msk(1, "000102030405060708090a0b0c0d0e0f"),
            msk(2, "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"));

    @TempDir
    Path dir;
    private Path config;
    private Path newKek;

    @BeforeEach
    void bmscWithMsksUnderTheFirstKek() throws Exception {
        config = Files.writeString(dir.resolve("bmsc.yaml"), """
                bmsc:
                  fqdn: bmsc.example.org
                storage:
                  h2: state/bmsc
                  keyEncryptionKeyFile: kek.hex
                """);
        Files.writeString(dir.resolve("kek.hex"), KEK + "\n");
        newKek = Files.writeString(dir.resolve("new-kek.hex"), NEW_KEK + "\n");
        try (Database db = database()) {
            JdbcKeyRegistryStorage keys = new JdbcKeyRegistryStorage(db, kek(KEK));
            MSKS.forEach(keys::putMsk);
        }
    }

    @Test
    void rewrapsTheMsksUnderTheNewKekOnceAndThenRefuses() {
        CliRun run = CliRun.of("rewrap-keys", "--config", config.toString(), "--new-key-encryption-key-file",
                newKek.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("bmsc database (H2 file " + dir.resolve("state/bmsc") + ")")
                .containsPattern("msk +2\\b").containsPattern("ue_key_state +0\\b")
                .contains("Now set storage.keyEncryptionKeyFile");
        assertNoSecretIn(run);
        assertReadableOnlyUnder(NEW_KEK, KEK);

        CliRun again = CliRun.of("rewrap-keys", "--config", config.toString(), "--new-key-encryption-key-file",
                newKek.toString());

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).startsWith("mbms-keys rewrap-keys: refused, nothing was changed: the stored key of msk ")
                .contains("storage.keyEncryptionKeyFile (" + dir.resolve("kek.hex") + ")");
        assertNoSecretIn(again);
        assertReadableOnlyUnder(NEW_KEK, KEK);
    }

    @Test
    void aBmscGivenAnotherKekThanItsDatabasesStopsBeforeItWritesAKeyUnderIt() throws Exception {
        Files.writeString(dir.resolve("wrong-kek.yaml"), """
                bmsc:
                  fqdn: bmsc.example.org
                  mikey: 127.0.0.1:0
                  keyManagement: 127.0.0.1:0
                storage:
                  h2: state/bmsc
                  keyEncryptionKeyFile: new-kek.hex
                services:
                  - id: urn:3gpp:mbms:news
                    type: download
                    keyDomain: "001-01"
                    keyGroup: "0202"
                """);

        try (JavaProcess bmsc = JavaProcess.mbmsKeys(dir, "bmsc", "--config", "wrong-kek.yaml")) {
            assertThat(bmsc.awaitOwnExit(60)).as(bmsc.output()).isEqualTo(1);
            assertThat(bmsc.output()).contains("cannot start: the stored key of msk 001-01/").contains(" cannot be unwrapped")
                    .doesNotContain("msk-rotated").doesNotContain(NEW_KEK).doesNotContain(KEK);
        }
        assertReadableOnlyUnder(KEK, NEW_KEK);   // no MSK was written under the wrong key
        try (Database db = database()) {
            assertThat(new JdbcKeyRegistryStorage(db, kek(KEK)).group(DOMAIN, KeyGroup.of(0x0202))).isEmpty();
        }
    }

    @Test
    void aNewKeyEqualToTheCurrentOneOrAMalformedNewKeyFileIsRefused() throws Exception {
        CliRun same = CliRun.of("rewrap-keys", "--config", config.toString(), "--new-key-encryption-key-file",
                dir.resolve("kek.hex").toString());
        Path notHex = Files.writeString(dir.resolve("not-hex.txt"), "correct horse battery staple\n");
        CliRun malformed = CliRun.of("rewrap-keys", "--config", config.toString(), "--new-key-encryption-key-file",
                notHex.toString());
        Path tooShort = Files.writeString(dir.resolve("short.hex"), "0011223344\n");
        CliRun wrongLength = CliRun.of("rewrap-keys", "--config", config.toString(), "--new-key-encryption-key-file",
                tooShort.toString());

        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.err()).contains("refused: " + dir.resolve("kek.hex") + " holds the current key-encryption key");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("--new-key-encryption-key-file: " + notHex + " must hold hex digits only")
                .doesNotContain("horse");
        assertThat(wrongLength.exitCode()).isEqualTo(2);
        assertThat(wrongLength.err()).contains("must hold 16 or 32 bytes");
        List.of(same, malformed, wrongLength).forEach(RewrapKeysCommandTest::assertNoSecretIn);
        assertReadableOnlyUnder(KEK, NEW_KEK);
    }

    @Test
    void aConfigurationWithUesIsReadAsTheUesAndTheirKeyStatesAreRewrapped() throws Exception {
        Path ueConfig = Files.writeString(dir.resolve("ue.yaml"), """
                bmsc:
                  fqdn: bmsc.example.org
                storage:
                  h2: state/ue
                  keyEncryptionKeyFile: kek.hex
                ues:
                  - name: alice
                    uicc: "89494400000000000001"
                    gba:
                      impi: 001010123456781@ims.mnc001.mcc001.3gppnetwork.org
                      rand: 23553cbe9637a89d218ae64dae47bf35
                      ck: b40ba9a3c58b2a05bbf0d987b21bf8cb
                      ik: f769bcd751044604127672711c6d3441
                """);
        try (Database db = Database.h2File(dir.resolve("state/ue"))) {
            new JdbcUeKeyStorage(db, kek(KEK), "alice").store(UeKeyState.empty());
        }

        CliRun run = CliRun.of("rewrap-keys", "--config", ueConfig.toString(), "--new-key-encryption-key-file",
                newKek.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("ue database (H2 file " + dir.resolve("state/ue") + ")")
                .containsPattern("msk +0\\b").containsPattern("ue_key_state +1\\b");
        try (Database db = Database.h2File(dir.resolve("state/ue"))) {
            assertThat(new JdbcUeKeyStorage(db, kek(NEW_KEK), "alice").load()).isEqualTo(UeKeyState.empty());
            assertThatThrownBy(() -> new JdbcUeKeyStorage(db, kek(KEK), "alice").load())
                    .isInstanceOf(KeyUnwrapException.class);
        }
    }

    @Test
    void aMissingH2FileIsRefusedRatherThanCreated() throws Exception {
        Files.writeString(config, Files.readString(config).replace("h2: state/bmsc", "h2: state/bmcs"));

        CliRun run = CliRun.of("rewrap-keys", "--config", config.toString(), "--new-key-encryption-key-file",
                newKek.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("storage.h2: there is no database " + dir.resolve("state/bmcs.mv.db"));
        assertThat(dir.resolve("state/bmcs.mv.db")).doesNotExist();
    }

    private void assertReadableOnlyUnder(String kekHex, String refusedKekHex) {
        try (Database db = database()) {
            JdbcKeyRegistryStorage keys = new JdbcKeyRegistryStorage(db, kek(kekHex));
            for (RegisteredMsk msk : MSKS) {
                assertThat(keys.msk(msk.ref())).contains(msk);
            }
            assertThatThrownBy(() -> new JdbcKeyRegistryStorage(db, kek(refusedKekHex)).msk(MSKS.get(0).ref()))
                    .isInstanceOf(KeyUnwrapException.class);
        }
    }

    private static void assertNoSecretIn(CliRun run) {
        for (String secret : List.of(KEK, NEW_KEK, MSKS.get(0).key().revealHex(), MSKS.get(1).key().revealHex())) {
            assertThat(run.out() + run.err()).doesNotContainIgnoringCase(secret);
        }
    }

    private Database database() {
        return Database.h2File(dir.resolve("state/bmsc"));
    }

    private static KeyEncryptionKey kek(String hex) {
        return new KeyEncryptionKey(SecretBytes.ofHex(hex), new SecureRandom());
    }

    private static RegisteredMsk msk(int keyNumber, String keyHex) {
        return new RegisteredMsk(MskRef.of(DOMAIN, MskId.of(1, keyNumber)), SecretBytes.ofHex(keyHex),
                KeyValidity.of(1, 1000), Bytes.ofHex("0123456789abcdef0123456789abcdef"), ServiceType.STREAMING,
                Optional.empty());
    }
}
