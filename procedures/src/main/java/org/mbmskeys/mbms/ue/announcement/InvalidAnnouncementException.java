package org.mbmskeys.mbms.ue.announcement;

import java.util.Objects;

/**
 * A service announcement value that TS 33.246 §6.3.2.1A does not allow, with its typed reason. Thrown by the
 * constructors; {@link ServiceProtection#check} and {@link UserServiceDescription#check} answer the same as a
 * value.
 */
public final class InvalidAnnouncementException extends IllegalArgumentException {

    private final AnnouncementRejection reason;

    public InvalidAnnouncementException(AnnouncementRejection reason, String detail) {
        super(detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public AnnouncementRejection reason() {
        return reason;
    }
}
