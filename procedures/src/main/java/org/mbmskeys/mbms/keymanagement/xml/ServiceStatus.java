package org.mbmskeys.mbms.keymanagement.xml;

import java.util.Objects;
import org.mbmskeys.mbms.keymanagement.ItemStatus;

/**
 * The status of one MBMS User Service ID in a registration or deregistration answer (TS 33.246 §6.3.2.4;
 * TS 26.346 §11.7 {@code Response}).
 */
public record ServiceStatus(String serviceId, ItemStatus status) {

    /** @throws IllegalArgumentException for a blank or control-character service ID */
    public ServiceStatus {
        ServiceIds.require(serviceId);
        Objects.requireNonNull(status, "status");
    }
}
