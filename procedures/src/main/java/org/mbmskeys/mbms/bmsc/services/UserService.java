package org.mbmskeys.mbms.bmsc.services;

import java.util.Objects;
import java.util.Set;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * A protected MBMS User Service as the BM-SC defines it: its ID, the Key Groups whose MSKs protect it, and
 * whether it streams or downloads. A UE registered to the service "is registered to receive the MSKs used in
 * these MBMS User Service(s)" (TS 33.246 §6.3.2.1A), may request them (§6.3.2.2.1), and at deregistration
 * loses the ones no other service of it uses (§6.3.2.1B). An unprotected service has no Key Groups and no
 * registration at all (§6.3.2.1A), so it is not defined here.
 *
 * @param keyGroups   at least one; several services may share a Key Group
 * @param serviceType streaming (SRTP) or download (FLUTE); decides the shape of the MIKEY messages
 *                    (§6.4.5.1, §6.4.5.3)
 */
public record UserService(ServiceId serviceId, Set<KeyGroupRef> keyGroups, ServiceType serviceType) {

    /** @throws IllegalArgumentException if no Key Group is given */
    public UserService {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(serviceType, "serviceType");
        keyGroups = Set.copyOf(Objects.requireNonNull(keyGroups, "keyGroups"));
        if (keyGroups.isEmpty()) {
            throw new IllegalArgumentException("service " + serviceId + " names no Key Group; a protected MBMS User "
                    + "Service is protected by the MSKs of at least one (TS 33.246 §6.3.2.1A)");
        }
    }

    public static UserService of(ServiceId serviceId, ServiceType serviceType, KeyGroupRef... keyGroups) {
        return new UserService(serviceId, Set.of(keyGroups), serviceType);
    }

    /** True if the MSKs of {@code group} protect this service. */
    public boolean uses(KeyGroupRef group) {
        return keyGroups.contains(group);
    }
}
