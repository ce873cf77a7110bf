package org.mbmskeys.adapters.app.config;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;

/**
 * What {@code mbms-keys ue --config FILE} runs: one or more UEs on one address, the BM-SC they use, the user
 * services they know from the service announcement and which ones each UE uses. Each UE's GBA bootstrapping
 * was made elsewhere and is given as keys (the BM-SC's configuration lists the same bootstrapping). The
 * commented example is docs/ue.example.yaml; docs/processes.md explains every key.
 */
public record UeConfig(String bmscFqdn, Endpoint bmscKeyManagement, String address, String multicastInterface,
                       List<UeEntry> ues, List<ServiceConfig> services, Optional<Bsf> bsf,
                       Optional<StorageConfig> storage) {

    /**
     * One UE: its name, card, MIKEY port (2269, or 0 for any free one), either GBA keys made elsewhere or a
     * (simulated) USIM that bootstraps with the BSF over Ub, and the services it uses.
     */
    public record UeEntry(String name, String uicc, int mikeyPort, Optional<GbaKeys> gba, Optional<Usim> usim, List<String> use) {
        public UeEntry {
            use = List.copyOf(use);
        }
    }

    /** A simulated USIM: IMPI, K and OPc (16 bytes each). */
    public record Usim(String impi, SecretBytes k, SecretBytes opc) {
        @Override
        public String toString() {
            return "Usim[" + impi + "]";
        }
    }

    /** The BSF the USIMs bootstrap with over Ub: its address and its domain (the Digest realm, the B-TIDs' domain). */
    public record Bsf(Endpoint address, String domain) {
    }

    public UeConfig {
        ues = List.copyOf(ues);
        services = List.copyOf(services);
    }

    /** @throws ConfigException naming the file and key of the first problem */
    public static UeConfig read(Path file, Instant now) {
        return read(ConfigNode.read(file), file.toAbsolutePath().getParent(), now);
    }

    static UeConfig read(ConfigNode root, Path base, Instant now) {
        root.allowOnly("bmsc", "network", "ues", "services", "bsf", "storage");
        Optional<Bsf> bsf = Optional.empty();
        if (root.has("bsf")) {
            ConfigNode b = root.child("bsf").allowOnly("address", "domain");
            bsf = Optional.of(new Bsf(b.endpoint("address", "127.0.0.1:8088"), b.string("domain", "bsf.example.org")));
        }
        ConfigNode b = root.child("bmsc").allowOnly("fqdn", "keyManagement");
        ConfigNode net = root.child("network").allowOnly("address", "multicastInterface");
        String address = net.string("address", "127.0.0.1");
        if (!address.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            throw net.problem("address", "must be an IP address (no DNS is consulted), got \"" + address + "\"");
        }
        List<ServiceConfig> services = ServiceConfig.readAll(root);
        Set<String> known = services.stream().map(ServiceConfig::id).collect(Collectors.toSet());
        List<UeEntry> ues = new ArrayList<>();
        Map<Integer, String> ports = new HashMap<>();
        Map<String, Boolean> names = new HashMap<>();
        List<ConfigNode> entries = root.list("ues");
        if (entries.isEmpty()) {
            throw root.problem("ues", "list at least one UE");
        }
        for (ConfigNode u : entries) {
            u.allowOnly("name", "uicc", "mikeyPort", "gba", "usim", "use");
            String name = u.string("name");
            if (names.put(name, true) != null) {
                throw u.problem("name", "\"" + name + "\" is used twice");
            }
            String uicc = u.string("uicc");
            int port = u.integer("mikeyPort", 0, 65535, 2269);
            if (port != 0 && ports.putIfAbsent(port, name) != null) {
                throw u.problem("mikeyPort", port + " is also the port of " + ports.get(port)
                        + "; UEs on one address need ports of their own (0: any free port)");
            }
            if (u.has("gba") == u.has("usim")) {
                throw u.problem("gba", "give either gba (the UE's GBA keys: impi, rand, ck, ik) or usim (impi, k, opc: "
                        + "it bootstraps with the BSF named under bsf)");
            }
            Optional<GbaKeys> gba = u.has("gba") ? Optional.of(GbaKeys.read(u.child("gba"), now, false)) : Optional.empty();
            Optional<Usim> usim = Optional.empty();
            if (u.has("usim")) {
                if (bsf.isEmpty()) {
                    throw u.problem("usim", "needs a BSF to bootstrap with: add bsf (address, domain) at the top level");
                }
                ConfigNode c = u.child("usim").allowOnly("impi", "k", "opc");
                usim = Optional.of(new Usim(c.string("impi"), c.secretHex("k", 16), c.secretHex("opc", 16)));
            }
            List<String> use = u.strings("use");
            for (String s : use) {
                if (!known.contains(s)) {
                    throw u.problem("use", "\"" + s + "\" is not among the services listed under services: " + known);
                }
            }
            ues.add(new UeEntry(name, uicc, port, gba, usim, use));
        }
        return new UeConfig(b.string("fqdn"), b.endpoint("keyManagement", "127.0.0.1:8080"), address,
                net.string("multicastInterface", "lo"), ues, services, bsf, StorageConfig.read(root, base, false));
    }
}
