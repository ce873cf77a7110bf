package org.mbmskeys.adapters.app.run;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mbmskeys.adapters.app.config.BmscConfig;
import org.mbmskeys.adapters.app.config.ConfigException;
import org.mbmskeys.adapters.app.config.ConfigNode;
import org.mbmskeys.adapters.app.config.StorageConfig;
import org.mbmskeys.adapters.app.config.UeConfig;
import org.mbmskeys.adapters.jdbc.Database;
import org.mbmskeys.adapters.jdbc.KeyEncryptionKey;
import org.mbmskeys.adapters.jdbc.KeyRewrap;
import org.mbmskeys.adapters.jdbc.KeyUnwrapException;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Scheduler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mbms-keys rewrap-keys --config FILE --new-key-encryption-key-file NEWFILE}: rotates the key-encryption key
 * of a stopped node's database ({@link KeyRewrap}, all or nothing). The file is a UE configuration if it has
 * {@code ues} at the top, else a BM-SC configuration; it is read exactly as {@code mbms-keys ue} or {@code bmsc} reads
 * it. Exit code 0 after the commit, 2 for a mistake in the configuration or the new key file (nothing opened), 1 if
 * the database refused or failed (nothing changed). Prints counts per table, never key bytes.
 */
@Command(name = "rewrap-keys", mixinStandardHelpOptions = true,
        description = {"Re-wraps every stored key (a BM-SC's MSKs, the UEs' key states) of the database a configuration "
                + "names under a new key-encryption key, in one transaction: each key is unwrapped with the current key "
                + "(storage.keyEncryptionKeyFile), wrapped under the new one and checked before the commit; any failure "
                + "changes nothing. Stop every node that uses the database first.",
                "Afterwards point storage.keyEncryptionKeyFile at the new file. A UE configuration is one with 'ues' at "
                + "the top; any other is read as a BM-SC's. docs/storage.md, \"Rotating the key-encryption key\"."})
public final class RewrapKeysCommand implements Callable<Integer> {

    private static final String NAME = "mbms-keys rewrap-keys: ";
    private static final String NEW_KEK_OPTION = "--new-key-encryption-key-file";

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "The BM-SC's or UEs' YAML configuration; its storage section names the database and the current key.")
    Path config;

    @Option(names = NEW_KEK_OPTION, required = true, paramLabel = "NEWFILE",
            description = "The new key-encryption key: 16 or 32 bytes in hex (openssl rand -hex 32 > NEWFILE).")
    Path newKeyEncryptionKeyFile;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "warn",
            description = "trace, debug, info, warn (default) or error.")
    String logLevel;

    @Override
    public Integer call() {
        ProcessLogging.configure(ProcessLogging.checked(spec, logLevel));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String role;
        StorageConfig storage;
        KeyEncryptionKey current;
        KeyEncryptionKey next;
        try {
            role = ConfigNode.read(config).has("ues") ? "ue" : "bmsc";
            Optional<StorageConfig> configured = storage(role, Scheduler.system().now());
            if (configured.isEmpty()) {
                err.println(NAME + config + " has no storage section: this " + role + " keeps its keys in memory, "
                        + "so there is nothing to re-wrap");
                return 2;
            }
            storage = configured.get();
            SecretBytes currentKey = storage.keyEncryptionKey();
            SecretBytes nextKey = StorageConfig.keyEncryptionKey(newKeyEncryptionKeyFile, NEW_KEK_OPTION);
            try {
                if (currentKey.equals(nextKey)) {
                    err.println(NAME + "refused: " + newKeyEncryptionKeyFile + " holds the current key-encryption key "
                            + "(storage.keyEncryptionKeyFile " + storage.keyEncryptionKeyFile() + "); make a new one, "
                            + "e.g. openssl rand -hex 32 > NEWFILE");
                    return 2;
                }
                current = new KeyEncryptionKey(currentKey, new SecureRandom());
                next = new KeyEncryptionKey(nextKey, new SecureRandom());
            } finally {
                currentKey.destroy();
                nextKey.destroy();
            }
        } catch (ConfigException e) {
            err.println(NAME + e.getMessage());
            return 2;
        }
        Optional<Path> missing = storage.h2().map(p -> Path.of(p + ".mv.db")).filter(f -> !Files.exists(f));
        if (missing.isPresent()) {
            // Opening would create an empty database and "re-wrap" nothing: a wrong path must not look like success.
            err.println(NAME + "storage.h2: there is no database " + missing.get() + "; nothing was re-wrapped");
            return 2;
        }
        Database db;
        try {
            db = open(storage);
        } catch (RuntimeException e) {
            err.println(NAME + "cannot open the database (is a node still using it? an H2 file is for one process at "
                    + "a time): " + e.getMessage());
            return 1;
        }
        try (db) {
            KeyRewrap.Result result = KeyRewrap.rewrap(db, current, next);
            out.println("Re-wrapped the stored keys of the " + role + " database (" + describe(storage) + ") under "
                    + newKeyEncryptionKeyFile + " in one transaction, committed; keys re-wrapped per table:");
            for (Map.Entry<String, Integer> table : result.rowsPerTable().entrySet()) {
                out.printf("  %-14s %d%n", table.getKey(), table.getValue());
            }
            out.println("Now set storage.keyEncryptionKeyFile in " + config + " to " + newKeyEncryptionKeyFile
                    + "; the old key no longer opens these keys.");
            return 0;
        } catch (KeyUnwrapException e) {
            err.println(NAME + "refused, nothing was changed: " + e.getMessage() + ". storage.keyEncryptionKeyFile ("
                    + storage.keyEncryptionKeyFile() + ") must hold the key the stored keys are wrapped under now; "
                    + "after a re-wrap that is the new file's key, so running again is refused like this");
            return 1;
        } catch (RuntimeException e) {
            err.println(NAME + "failed, nothing was changed: " + e.getMessage());
            return 1;
        }
    }

    /** Read as {@code mbms-keys ue} or {@code bmsc} reads it, so a mistake gets the same message. */
    private Optional<StorageConfig> storage(String role, Instant now) {
        return role.equals("ue") ? UeConfig.read(config, now).storage() : BmscConfig.read(config, now).storage();
    }

    /** The database {@code mbms-keys bmsc} or {@code ue} opens for this storage section. */
    private static Database open(StorageConfig storage) {
        return storage.h2().map(Database::h2File).orElseGet(() -> Database.postgres(storage.postgresUrl().orElseThrow(),
                storage.postgresUser().orElseThrow(), storage.postgresPassword()));
    }

    private static String describe(StorageConfig storage) {
        // Only the URL up to its parameters: a PostgreSQL URL may carry a password= parameter.
        return storage.h2().map(p -> "H2 file " + p).orElseGet(() -> "PostgreSQL "
                + storage.postgresUrl().orElseThrow().split("\\?", 2)[0]);
    }
}
