package org.mbmskeys.adapters.app.config;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mbmskeys.engine.spi.Endpoint;

/**
 * What {@code mbms-keys ue --config FILE} runs: one or more UEs on one address, the BM-SC they use, the user
 * services they know from the service announcement and which ones each UE uses. Each UE's GBA bootstrapping
 * was made elsewhere and is given as keys (the BM-SC's configuration lists the same bootstrapping). The
 * commented example is docs/ue.example.yaml; docs/processes.md explains every key.
 */
public record UeConfig(String bmscFqdn, Endpoint bmscKeyManagement, String address, String multicastInterface,
                       List<UeEntry> ues, List<ServiceConfig> services) {

    /** One UE: its name, card, MIKEY port (2269, or 0 for any free one), GBA keys and the services it uses. */
    public record UeEntry(String name, String uicc, int mikeyPort, GbaKeys gba, List<String> use) {
        public UeEntry {
            use = List.copyOf(use);
        }
    }

    public UeConfig {
        ues = List.copyOf(ues);
        services = List.copyOf(services);
    }

    /** @throws ConfigException naming the file and key of the first problem */
    public static UeConfig read(Path file, Instant now) {
        return read(ConfigNode.read(file), now);
    }

    static UeConfig read(ConfigNode root, Instant now) {
        root.allowOnly("bmsc", "network", "ues", "services");
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
            u.allowOnly("name", "uicc", "mikeyPort", "gba", "use");
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
            if (!u.has("gba")) {
                throw u.problem("gba", "is required: the UE's GBA keys (impi, rand, ck, ik)");
            }
            GbaKeys gba = GbaKeys.read(u.child("gba"), now, false);
            List<String> use = u.strings("use");
            for (String s : use) {
                if (!known.contains(s)) {
                    throw u.problem("use", "\"" + s + "\" is not among the services listed under services: " + known);
                }
            }
            ues.add(new UeEntry(name, uicc, port, gba, use));
        }
        return new UeConfig(b.string("fqdn"), b.endpoint("keyManagement", "127.0.0.1:8080"), address,
                net.string("multicastInterface", "lo"), ues, services);
    }
}
