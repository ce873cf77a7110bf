package org.mbmskeys.mbms.bmsc.registrations;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.bmsc.services.ServiceId;

/**
 * The answer to one deregistration request (TS 33.246 §6.3.2.1B).
 *
 * @param items                 one outcome per service ID of the request, in request order
 * @param remaining             the UE's registration after the request; empty once it is registered to
 *                              nothing (the registration is then gone)
 * @param keyGroupsToInvalidate the Key Groups the UE no longer needs for any service it is still registered
 *                              to: "The BM-SC should invalidate those MSKs from the UE, which are not used by
 *                              any other MBMS User Services where the UE is registered"
 */
public record DeregistrationResult(List<Item> items, Optional<Registration> remaining,
                                   Set<KeyGroupRef> keyGroupsToInvalidate) {

    public DeregistrationResult {
        items = List.copyOf(items);
        Objects.requireNonNull(remaining, "remaining");
        keyGroupsToInvalidate = Set.copyOf(keyGroupsToInvalidate);
    }

    /** One service ID of the request and what happened to it. */
    public record Item(ServiceId serviceId, DeregistrationOutcome outcome) {
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
