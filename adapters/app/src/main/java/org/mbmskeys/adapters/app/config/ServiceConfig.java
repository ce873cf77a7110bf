package org.mbmskeys.adapters.app.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;

/**
 * One user service as both ends configure it: its ID, type and Key Group (§6.3.1), and its sessions. For a
 * streaming session: where the media goes (RTP destination), the SRTP policy the MTK messages carry, and so
 * the group its MTK messages go to (the media's address on the MIKEY port, §6.3.3.2).
 */
public record ServiceConfig(String id, ServiceType type, KeyGroupRef keyGroup, List<Session> sessions) {

    /** One session of the service. For download services only {@code id} matters. */
    public record Session(String id, Endpoint rtp, Endpoint mtkGroup, long ssrc, long roc, int rocRate,
                          SrtpAuthentication authentication) {
    }

    public ServiceConfig {
        sessions = List.copyOf(sessions);
    }

    /**
     * Reads the {@code services} list of a configuration ({@code bmsc.yaml} or {@code ue.yaml}).
     *
     * @throws ConfigException naming the key of the first problem
     */
    static List<ServiceConfig> readAll(ConfigNode root) {
        List<ServiceConfig> services = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> sessionIds = new HashSet<>();
        for (ConfigNode s : root.list("services")) {
            s.allowOnly("id", "type", "keyDomain", "keyGroup", "sessions");
            String id = s.string("id");
            if (!ids.add(id)) {
                throw s.problem("id", "\"" + id + "\" is listed twice; every service needs its own ID");
            }
            ServiceType type = s.choice("type", "streaming",
                    v -> v.equals("streaming") ? ServiceType.STREAMING : ServiceType.DOWNLOAD, "streaming", "download");
            KeyDomainId domain;
            try {
                domain = KeyDomainId.parse(s.string("keyDomain"));
            } catch (IllegalArgumentException e) {
                throw s.problem("keyDomain", "must be MCC-MNC such as 001-01, or 0x and 6 hex digits (" + e.getMessage() + ")");
            }
            String groupHex = s.string("keyGroup");
            if (!groupHex.matches("[0-9a-fA-F]{4}")) {
                throw s.problem("keyGroup", "\"" + groupHex + "\" is not 4 hex digits (a Key Group is 2 bytes, e.g. \"0101\"; "
                        + "quote it so YAML keeps it text)");
            }
            List<Session> sessions = new ArrayList<>();
            for (ConfigNode n : s.list("sessions")) {
                n.allowOnly("id", "rtp", "ssrc", "roc", "rocRate", "srtpAuthentication");
                String sessionId = n.string("id");
                if (!sessionIds.add(sessionId)) {
                    throw n.problem("id", "\"" + sessionId + "\" is used twice; session IDs are unique across services");
                }
                if (type == ServiceType.DOWNLOAD) {
                    n.allowOnly("id");
                    sessions.add(new Session(sessionId, null, null, 0, 0, 0, null));
                    continue;
                }
                Endpoint rtp = n.endpoint("rtp", null);
                // The BM-SC sends a session's MTK messages to the media's address on the MIKEY port (§6.3.3.2).
                Endpoint group = Endpoint.of(rtp.host(), 2269);
                String ssrc = n.string("ssrc", "00000001");
                if (!ssrc.matches("[0-9a-fA-F]{8}")) {
                    throw n.problem("ssrc", "must be 8 hex digits (the SRTP SSRC, 4 bytes), got \"" + ssrc + "\"");
                }
                int rocRate = n.integer("rocRate", 0, 255, 10);
                long roc = n.integer("roc", 0, Integer.MAX_VALUE, 0);
                SrtpAuthentication auth = n.choice("srtpAuthentication", "rccm1",
                        v -> SrtpAuthentication.valueOf(v.toUpperCase()), "rccm1", "rccm2", "rccm3");
                sessions.add(new Session(sessionId, rtp, group, Long.parseLong(ssrc, 16), roc, rocRate, auth));
            }
            services.add(new ServiceConfig(id, type, KeyGroupRef.of(domain, KeyGroup.parseHex(groupHex)), sessions));
        }
        return services;
    }
}
