package org.mbmskeys.adapters.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * Where a process keeps its state durably ({@code storage} in its configuration; docs/storage.md): an embedded H2
 * file database, or PostgreSQL (which several BM-SC nodes may share), and the files holding the key-encryption
 * key (MSKs and UE keys are stored wrapped under it) and, for several nodes, the shared Digest secret. Paths
 * are relative to the configuration file. Secrets are read when the process starts, never kept in this record.
 *
 * @param h2               the H2 database file (H2 appends {@code .mv.db}), if H2
 * @param postgresUrl      the PostgreSQL JDBC URL, if PostgreSQL
 * @param digestSecretFile BM-SC only: a file with the Digest nonce secret (64 hex digits or more) shared by nodes
 * @param node             BM-SC only: this node's name, under which its running procedures are stored ({@code bmsc}
 *                         by default with H2; required with PostgreSQL, where each node needs its own, kept across
 *                         restarts)
 * @param lease            BM-SC only: how long the node's claim on its running procedures lasts unless renewed (it
 *                         renews every third of it); another node takes them over once it lapsed. 30 s by default
 * @param deliveryRetention BM-SC only: how long an MSK delivery record is kept, from its first message (90 days by
 *                         default); older records are deleted
 * @param mtkRelay         BM-SC only, with PostgreSQL: this node also sends each streaming session that another node
 *                         delivers, in its own area (its multicast interface), with that node's MTK messages byte for
 *                         byte (TS 33.246 §6.3.4: one user service sent via several BM-SCs). Off by default: one node
 *                         sends each session
 */
public record StorageConfig(Optional<Path> h2, Optional<String> postgresUrl, Optional<String> postgresUser,
                            Optional<Path> postgresPasswordFile, Path keyEncryptionKeyFile, Optional<Path> digestSecretFile,
                            String node, Duration lease, Duration deliveryRetention,
                            boolean mtkRelay) {

    /** The default {@code storage.lease}. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

    /** The default {@code storage.deliveryRetention}. */
    public static final Duration DEFAULT_DELIVERY_RETENTION = Duration.ofDays(90);

    /** The node name of a BM-SC on H2, the only node on its database file. */
    public static final String DEFAULT_NODE = "bmsc";

    /** Reads {@code storage} of {@code root}, if present. */
    static Optional<StorageConfig> read(ConfigNode root, Path base, boolean bmsc) {
        if (!root.has("storage")) {
            return Optional.empty();
        }
        ConfigNode s = bmsc
                ? root.child("storage").allowOnly("h2", "postgres", "keyEncryptionKeyFile", "digestSecretFile", "node", "lease",
                        "deliveryRetention", "mtkRelay")
                : root.child("storage").allowOnly("h2", "keyEncryptionKeyFile");
        if (s.has("h2") == s.has("postgres")) {
            throw s.problem("h2", bmsc ? "give either h2 (a database file) or postgres (url, user, passwordFile)"
                    : "is required: the UEs' database file");
        }
        if (!s.has("keyEncryptionKeyFile")) {
            throw s.problem("keyEncryptionKeyFile", "is required: a file with the key-encryption key, 32 or 64 hex digits "
                    + "(e.g. openssl rand -hex 32 > kek.hex); keys are stored wrapped under it, never in clear");
        }
        Optional<Path> h2 = s.optionalString("h2").map(p -> base.resolve(p).normalize());
        Optional<String> url = Optional.empty();
        Optional<String> user = Optional.empty();
        Optional<Path> password = Optional.empty();
        if (s.has("postgres")) {
            ConfigNode pg = s.child("postgres").allowOnly("url", "user", "passwordFile");
            url = Optional.of(pg.string("url"));
            if (!url.get().startsWith("jdbc:postgresql:")) {
                throw pg.problem("url", "must be a PostgreSQL JDBC URL such as jdbc:postgresql://127.0.0.1:5432/mbms");
            }
            user = Optional.of(pg.string("user"));
            password = Optional.of(base.resolve(pg.string("passwordFile")).normalize());
        }
        if (s.has("postgres") && !s.has("node")) {
            throw s.problem("node", "is required with postgres: each BM-SC node sharing the database needs its own name, "
                    + "kept across restarts (its running procedures are stored under it)");
        }
        if (s.has("postgres")) {
            s.child("postgres").existingFile("passwordFile", base);
        }
        String node = s.optionalString("node").orElse(DEFAULT_NODE);
        if (node.isBlank() || node.length() > 200) {
            throw s.problem("node", "must be 1 to 200 characters, not blank");
        }
        Duration lease = s.duration("lease").orElse(DEFAULT_LEASE);
        if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw s.problem("lease", "must be 3s or more (the node renews it every third of it)");
        }
        Duration retention = s.duration("deliveryRetention").orElse(DEFAULT_DELIVERY_RETENTION);
        if (retention.compareTo(Duration.ofHours(1)) < 0) {
            throw s.problem("deliveryRetention", "must be 1h or more (records are purged hourly); 90d by default");
        }
        boolean relay = bmsc && s.bool("mtkRelay", false);
        if (relay && !s.has("postgres")) {
            throw s.problem("mtkRelay", "needs postgres: the nodes that send a session share its MTK messages through the "
                    + "database (an H2 file serves one node)");
        }
        return Optional.of(new StorageConfig(h2, url, user, password,
                s.existingFile("keyEncryptionKeyFile", base),
                s.has("digestSecretFile") ? Optional.of(s.existingFile("digestSecretFile", base)) : Optional.empty(), node,
                lease, retention,
                relay));
    }

    /** The key-encryption key from its file: 16 or 32 bytes in hex. */
    public SecretBytes keyEncryptionKey() {
        return keyEncryptionKey(keyEncryptionKeyFile, "storage.keyEncryptionKeyFile");
    }

    /**
     * A key-encryption key from {@code file} by the rules of {@code keyEncryptionKeyFile} (16 or 32 bytes in hex);
     * {@code name} is how a message names the file's setting (e.g. a command line option).
     */
    public static SecretBytes keyEncryptionKey(Path file, String name) {
        SecretBytes kek = hexFile(file, name);
        if (kek.length() != 16 && kek.length() != 32) {
            throw new ConfigException(name + ": " + file + " must hold 16 or 32 bytes "
                    + "in hex (32 or 64 hex digits); it holds " + kek.length() + " bytes");
        }
        return kek;
    }

    /** The shared Digest secret, if configured: 32 bytes or more in hex. */
    public Optional<SecretBytes> digestSecret() {
        return digestSecretFile.map(f -> {
            SecretBytes secret = hexFile(f, "storage.digestSecretFile");
            if (secret.length() < 32) {
                throw new ConfigException("storage.digestSecretFile: " + f + " must hold 32 bytes or more in hex");
            }
            return secret;
        });
    }

    /** The PostgreSQL password from its file (its first line). */
    public String postgresPassword() {
        Path file = postgresPasswordFile.orElseThrow();
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new ConfigException("storage.postgres.passwordFile: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static SecretBytes hexFile(Path file, String name) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!text.matches("([0-9a-fA-F]{2})+")) {
            throw new ConfigException(name + ": " + file + " must hold hex digits only (its content is not shown)");
        }
        return SecretBytes.ofHex(text);
    }
}
