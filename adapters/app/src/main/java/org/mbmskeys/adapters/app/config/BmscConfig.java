package org.mbmskeys.adapters.app.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mbmskeys.adapters.app.admin.AdminToken;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.Bmsc;

/**
 * What {@code mbms-keys bmsc --config FILE} runs: the BM-SC's name and sockets, its key management
 * policy, the bootstrappings it knows over Zn, and its user services. The commented example is
 * docs/bmsc.example.yaml; docs/processes.md explains every key.
 *
 * @param mukLifetime empty: the MUK lives as long as the NAF keys it came from (the default)
 * @param scripts     a folder of procedure scripts that replace shipped ones of the same name
 */
public record BmscConfig(String fqdn, Endpoint mikey, Endpoint keyManagement, Optional<String> multicastInterface,
                         Bmsc.Rekeying rekeying, boolean allowQopAuth, Optional<Duration> mukLifetime,
                         Optional<Path> scripts, String backend, List<GbaKeys> bootstrappings,
                         List<ServiceConfig> services, Optional<Admin> admin, Optional<SimulatedBsfConfig> simulatedBsf,
                         Optional<StorageConfig> storage) {

    /**
     * A simulated BSF in the BM-SC's process, for labs: its MILENAGE subscribers bootstrap over Ub (HTTP Digest
     * AKA) at {@code bind}, and the BM-SC asks it over Zn for the B-TIDs the static list does not know.
     */
    public record SimulatedBsfConfig(String domain, Endpoint bind, Duration keyLifetime, List<Subscriber> subscribers) {
        public SimulatedBsfConfig {
            subscribers = List.copyOf(subscribers);
        }
    }

    /** A subscriber of the simulated BSF: IMPI, K and OPc (16 bytes each), its SQN_HE to start from. */
    public record Subscriber(String impi, SecretBytes k, SecretBytes opc, long sqn) {
        @Override
        public String toString() {
            return "Subscriber[" + impi + "]";
        }
    }

    /**
     * The admin API: where it listens, the file holding its bearer token (read at start; never logged), and
     * whether an address other than loopback is allowed.
     */
    public record Admin(Endpoint bind, Path tokenFile, boolean allowNonLoopback) {
    }

    public BmscConfig {
        bootstrappings = List.copyOf(bootstrappings);
        services = List.copyOf(services);
    }

    /**
     * Reads {@code file}; relative paths in it are taken from the file's folder.
     *
     * @throws ConfigException naming the file and key of the first problem
     */
    public static BmscConfig read(Path file, Instant now) {
        return read(ConfigNode.read(file), file.toAbsolutePath().getParent(), now);
    }

    static BmscConfig read(ConfigNode root, Path base, Instant now) {
        root.allowOnly("bmsc", "bootstrapping", "services", "admin", "storage");
        ConfigNode b = root.child("bmsc").allowOnly("fqdn", "mikey", "keyManagement", "multicastInterface", "rekeying",
                "allowQopAuth", "mukLifetime", "scripts", "backend");
        String fqdn = b.string("fqdn");
        Optional<Duration> mukLifetime = b.optionalString("mukLifetime").filter(v -> !v.equals("naf-keys"))
                .map(v -> b.duration("mukLifetime").orElseThrow());
        Optional<Path> scripts = b.optionalString("scripts").map(p -> base.resolve(p).normalize());
        List<GbaKeys> bootstrappings = new ArrayList<>();
        ConfigNode zn = root.child("bootstrapping").allowOnly("static", "simulatedBsf");
        for (ConfigNode entry : zn.list("static")) {
            bootstrappings.add(GbaKeys.read(entry, now, true));
        }
        return new BmscConfig(fqdn,
                b.endpoint("mikey", "127.0.0.1:2269"),
                b.endpoint("keyManagement", "127.0.0.1:8080"),
                b.optionalString("multicastInterface"),
                b.choice("rekeying", "push", v -> switch (v) {
                    case "push" -> Bmsc.Rekeying.PUSH;
                    case "solicited-pull" -> Bmsc.Rekeying.SOLICITED_PULL;
                    default -> Bmsc.Rekeying.ON_REQUEST;
                }, "push", "solicited-pull", "on-request"),
                b.bool("allowQopAuth", false),
                mukLifetime,
                scripts,
                b.choice("backend", "native", v -> v, "native", "spring"),
                bootstrappings,
                ServiceConfig.readAll(root),
                admin(root, base),
                simulatedBsf(zn),
                StorageConfig.read(root, base, true));
    }

    private static Optional<SimulatedBsfConfig> simulatedBsf(ConfigNode zn) {
        if (!zn.has("simulatedBsf")) {
            return Optional.empty();
        }
        ConfigNode b = zn.child("simulatedBsf").allowOnly("domain", "bind", "keyLifetime", "subscribers");
        List<Subscriber> subscribers = new ArrayList<>();
        for (ConfigNode s : b.list("subscribers")) {
            s.allowOnly("impi", "k", "opc", "sqn");
            String impi = s.string("impi");
            try {
                org.mbmskeys.mbms.gba.Impi.require(impi);
            } catch (IllegalArgumentException e) {
                throw s.problem("impi", e.getMessage());
            }
            subscribers.add(new Subscriber(impi, s.secretHex("k", 16), s.secretHex("opc", 16), s.integer("sqn", 0, Integer.MAX_VALUE, 32)));
        }
        return Optional.of(new SimulatedBsfConfig(b.string("domain", "bsf.example.org"), b.endpoint("bind", "127.0.0.1:8088"),
                b.duration("keyLifetime").orElse(Duration.ofDays(1)), subscribers));
    }

    private static Optional<Admin> admin(ConfigNode root, Path base) {
        if (!root.has("admin")) {
            return Optional.empty();
        }
        ConfigNode a = root.child("admin").allowOnly("bind", "tokenFile", "allowNonLoopback");
        if (!a.has("tokenFile")) {
            throw a.problem("tokenFile", "is required: a file holding the bearer token (16 or more characters of "
                    + "A-Z a-z 0-9 - . _ ~ + /), readable only by the operator");
        }
        Endpoint bind = a.endpoint("bind", "127.0.0.1:9269");
        boolean allowNonLoopback = a.bool("allowNonLoopback", false);
        if (!allowNonLoopback && !isLoopback(bind)) {
            throw a.problem("bind", "is " + bind + ", not a loopback address: the admin API rotates keys and shows "
                    + "subscribers, so it listens on another address only with allowNonLoopback: true");
        }
        Path tokenFile = a.existingFile("tokenFile", base);
        try {
            AdminToken.read(tokenFile);   // its form now, not once the process has opened its database and sockets
        } catch (IOException e) {
            throw a.problem("tokenFile", "cannot be read: " + e.getClass().getSimpleName());
        } catch (IllegalArgumentException e) {
            throw a.problem("tokenFile", tokenFile + ": " + e.getMessage());
        }
        return Optional.of(new Admin(bind, tokenFile, allowNonLoopback));
    }

    private static boolean isLoopback(Endpoint endpoint) {
        try {
            return InetAddress.getByName(endpoint.host()).isLoopbackAddress();   // an IP address: no DNS is asked
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
