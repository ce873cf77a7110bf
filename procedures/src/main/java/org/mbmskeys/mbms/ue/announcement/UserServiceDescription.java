package org.mbmskeys.mbms.ue.announcement;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The part of an MBMS User Service Description (TS 26.346) that key management needs (TS 33.246 §6.3.2.1A):
 * the service ID the UE registers with, and the service protection description if the service is protected.
 * "If a service protection description is not present in the Service Announcement" the service is
 * unprotected: no registration for key management and no GBA run for MBMS.
 *
 * @throws InvalidAnnouncementException if the service ID is blank
 */
public record UserServiceDescription(String serviceId, Optional<ServiceProtection> protection) {

    public UserServiceDescription {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(protection, "protection");
        if (serviceId.isBlank()) {
            throw new InvalidAnnouncementException(AnnouncementRejection.NO_SERVICE_ID,
                    "an MBMS User Service Description names its service ID; this one is empty");
        }
    }

    /** An unprotected service. */
    public static UserServiceDescription unprotected(String serviceId) {
        return new UserServiceDescription(serviceId, Optional.empty());
    }

    /** A protected service. */
    public static UserServiceDescription protectedBy(String serviceId, ServiceProtection protection) {
        return new UserServiceDescription(serviceId, Optional.of(protection));
    }

    public boolean isProtected() {
        return protection.isPresent();
    }

    /** The constructor's checks, and those of the protection built inside {@code build}, answered as a value. */
    public static AnnouncementCheck<UserServiceDescription> check(Supplier<UserServiceDescription> build) {
        try {
            return new AnnouncementCheck.Valid<>(build.get());
        } catch (InvalidAnnouncementException e) {
            return new AnnouncementCheck.Refused<>(e.reason(), e.getMessage());
        }
    }
}
