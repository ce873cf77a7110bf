package org.mbmskeys.mbms.ue.announcement;

import java.util.Objects;

/**
 * A service announcement value built from received input: valid, or refused with a typed reason.
 *
 * @param <T> the value
 */
public sealed interface AnnouncementCheck<T> {

    record Valid<T>(T value) implements AnnouncementCheck<T> {
        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    record Refused<T>(AnnouncementRejection reason, String detail) implements AnnouncementCheck<T> {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
