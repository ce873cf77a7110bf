package org.mbmskeys.mbms.ue.announcement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.keymanagement.BackOffParameters;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * The service protection description of a User Service Description (TS 33.246 §6.3.2.1A; its XML form is
 * TS 26.346's, not modelled here): what the UE needs to register and to get the MSKs.
 *
 * @param keyManagementServers FQDNs of the BM-SCs' key management, one or more "for load balancing purposes";
 *                             the UE picks one at registration and keeps it ({@link ServiceAccess})
 * @param uiccKeyManagementRequired "UICC key management required: yes/no"
 * @param gba2gAllowed "2G GBA allowed: yes/no"; an absent flag means not allowed
 * @param msks the MSKs of the service as Key Domain ID + Key Group: "The Key Number values in the Service
 *             Announcement shall be ignored by the UE", so every MSK ID is kept with Key Number 0, the
 *             current MSK; duplicates are dropped, order kept
 * @param backOff back-off mode parameters for MSK requests, valid for every MSK of the service; the UE shall
 *                use them when present
 * @param sessions which MSK (Key Group) protects which RTP session or FLUTE channel, by session identifier;
 *                 every MSK named here is one of {@code msks}
 * @param serviceType streaming or download (TS 33.246 §4.2: the MTKs of a Key Group protect one RTP session or
 *                    FLUTE channel)
 * @throws InvalidAnnouncementException for a description §6.3.2.1A does not allow, e.g. one that both allows
 *                                      2G GBA and requires UICC key management
 */
public record ServiceProtection(List<Fqdn> keyManagementServers, boolean uiccKeyManagementRequired,
                                boolean gba2gAllowed, List<MskRef> msks, Optional<BackOffParameters> backOff,
                                Map<String, MskRef> sessions, ServiceType serviceType) {

    public ServiceProtection {
        Objects.requireNonNull(backOff, "backOff");
        Objects.requireNonNull(serviceType, "serviceType");
        keyManagementServers = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(keyManagementServers,
                "keyManagementServers")));
        msks = List.copyOf(currentOf(Objects.requireNonNull(msks, "msks")));
        Map<String, MskRef> mapping = new LinkedHashMap<>();
        Objects.requireNonNull(sessions, "sessions").forEach((session, msk) -> mapping.put(
                Objects.requireNonNull(session, "session id"), current(Objects.requireNonNull(msk, "session MSK"))));
        sessions = Collections.unmodifiableMap(mapping);
        if (keyManagementServers.isEmpty()) {
            throw new InvalidAnnouncementException(AnnouncementRejection.NO_KEY_MANAGEMENT_SERVER, "a protected "
                    + "service names one or more key management server FQDNs (TS 33.246 §6.3.2.1A); this one none");
        }
        if (msks.isEmpty()) {
            throw new InvalidAnnouncementException(AnnouncementRejection.NO_MSK, "a protected service names the "
                    + "Key Domain ID and MSK ID of each MSK it needs (TS 33.246 §6.3.2.1A); this one none");
        }
        if (uiccKeyManagementRequired && gba2gAllowed) {
            throw new InvalidAnnouncementException(AnnouncementRejection.UICC_REQUIRED_WITH_2G_GBA, "the description "
                    + "allows 2G GBA and requires UICC key management; TS 33.246 §6.3.2.1A: it \"shall not allow 2G "
                    + "GBA and require UICC key management at the same time\"");
        }
        for (MskRef msk : msks) {
            if (msk.keyGroup().isReserved()) {
                throw new InvalidAnnouncementException(AnnouncementRejection.RESERVED_KEY_GROUP, "MSK " + msk
                        + " is in Key Group 0, reserved for future use (TS 33.246 §6.3.2.1)");
            }
        }
        for (Map.Entry<String, MskRef> e : sessions.entrySet()) {
            if (!msks.contains(e.getValue())) {
                throw new InvalidAnnouncementException(AnnouncementRejection.SESSION_MSK_NOT_ANNOUNCED, "session '"
                        + e.getKey() + "' is mapped to MSK " + e.getValue() + ", which is not among the service's "
                        + "MSKs " + msks);
            }
        }
    }

    /** The same checks as the constructor, answered as a value: for descriptions read from the network. */
    public static AnnouncementCheck<ServiceProtection> check(Supplier<ServiceProtection> build) {
        try {
            return new AnnouncementCheck.Valid<>(build.get());
        } catch (InvalidAnnouncementException e) {
            return new AnnouncementCheck.Refused<>(e.reason(), e.getMessage());
        }
    }

    /** The MSK that protects this session, if the description maps it. */
    public Optional<MskRef> mskFor(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    /** True if this service uses the MSKs of this Key Group (by Key Domain ID and Key Group). */
    public boolean usesKeyGroup(MskRef msk) {
        return msks.stream().anyMatch(m -> m.sameGroupAs(msk));
    }

    private static List<MskRef> currentOf(List<MskRef> announced) {
        LinkedHashSet<MskRef> current = new LinkedHashSet<>();
        for (MskRef msk : announced) {
            current.add(current(Objects.requireNonNull(msk, "msk")));
        }
        return new ArrayList<>(current);
    }

    /** §6.3.2.1A: the announced Key Number is ignored; Key Number 0 denotes the current MSK of the group. */
    private static MskRef current(MskRef msk) {
        return MskRef.of(msk.keyDomain(), MskId.current(msk.keyGroup()));
    }
}
