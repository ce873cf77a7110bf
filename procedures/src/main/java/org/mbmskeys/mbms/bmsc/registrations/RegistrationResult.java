package org.mbmskeys.mbms.bmsc.registrations;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.bmsc.services.ServiceId;

/**
 * The answer to one registration request (TS 33.246 §6.3.2.1A).
 *
 * @param items              one outcome per service ID of the request, in request order (duplicates
 *                           included), for the response body (§6.3.2.4)
 * @param registration       the UE's registration after the request; empty if it has none (every service
 *                           refused and none registered before)
 * @param keyGroupsToDeliver the Key Groups of the services registered by this request: "The BM-SC Key
 *                           Distribution function initiates MSK delivery procedure(s) [...] for those MBMS
 *                           User Services for which the response message indicated success"
 */
public record RegistrationResult(List<Item> items, Optional<Registration> registration,
                                 Set<KeyGroupRef> keyGroupsToDeliver) {

    public RegistrationResult {
        items = List.copyOf(items);
        Objects.requireNonNull(registration, "registration");
        keyGroupsToDeliver = Set.copyOf(keyGroupsToDeliver);
    }

    /** One service ID of the request and what happened to it. */
    public record Item(ServiceId serviceId, RegistrationOutcome outcome) {
        public Item {
            Objects.requireNonNull(serviceId, "serviceId");
            Objects.requireNonNull(outcome, "outcome");
        }

        /** As the BM-SC's log prints it: {@code urn:3gpp:mbms:news REGISTERED}. */
        @Override
        public String toString() {
            return serviceId + " " + outcome;
        }
    }
}
