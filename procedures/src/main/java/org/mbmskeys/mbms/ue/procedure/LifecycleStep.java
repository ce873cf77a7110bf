package org.mbmskeys.mbms.ue.procedure;

import java.util.List;
import org.mbmskeys.mbms.ue.registration.RegistrationAction;

/**
 * What one life cycle event needs: the registration and deregistration requests to send (one per BM-SC) and
 * the outcomes to report.
 */
public record LifecycleStep(List<RegistrationAction> requests, List<UeOutcome> outcomes) {

    public LifecycleStep {
        requests = List.copyOf(requests);
        outcomes = List.copyOf(outcomes);
    }

    public static LifecycleStep of(List<RegistrationAction> requests) {
        return new LifecycleStep(requests, List.of());
    }

    public static LifecycleStep none() {
        return new LifecycleStep(List.of(), List.of());
    }
}
