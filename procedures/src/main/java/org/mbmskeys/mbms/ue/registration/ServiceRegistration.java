package org.mbmskeys.mbms.ue.registration;

import java.util.Objects;
import java.util.OptionalInt;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.ue.keys.UiccId;

/**
 * One service the user wanted, as the UE's registration life cycle holds it (TS 33.246 §6.3.2.1A/B).
 *
 * @param serviceId  the MBMS User Service ID
 * @param bmsc       the key management server chosen at the first registration, kept "for subsequent key
 *                   management procedures"
 * @param state      where the registration stands
 * @param userLeft   the user "has previously indicated that he/she no longer wants to receive" the service: no
 *                   registration at power-on
 * @param uicc       the UICC (USIM or SIM) the service was registered with; another card at power-on means no
 *                   registration
 * @param lastStatus the last per-service status code the BM-SC answered, if any
 */
public record ServiceRegistration(String serviceId, Fqdn bmsc, RegistrationState state, boolean userLeft,
                                  UiccId uicc, OptionalInt lastStatus) {

    public ServiceRegistration {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(bmsc, "bmsc");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(uicc, "uicc");
        Objects.requireNonNull(lastStatus, "lastStatus");
    }

    ServiceRegistration with(RegistrationState newState) {
        return new ServiceRegistration(serviceId, bmsc, newState, userLeft, uicc, lastStatus);
    }

    ServiceRegistration answered(RegistrationState newState, int status) {
        return new ServiceRegistration(serviceId, bmsc, newState, userLeft, uicc, OptionalInt.of(status));
    }
}
