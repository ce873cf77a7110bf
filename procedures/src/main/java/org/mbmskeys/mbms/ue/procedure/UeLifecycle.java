package org.mbmskeys.mbms.ue.procedure;

import org.mbmskeys.mbms.keymanagement.xml.RegisterResponse;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.registration.RegistrationAction;

/**
 * The UE's registration life cycle ({@code UeServiceRegistrations} of that UE, with the service announcements
 * and the card), as {@code ue.service}, {@code ue.registration} and {@code ue.deregistration} call it
 * (TS 33.246 §6.3.2.1A, §6.3.2.1B, §6.3.2.4, G.2.4). Each call answers the requests to send and what to tell
 * a listener.
 */
public interface UeLifecycle {

    /** The user wants {@code serviceId}: register it if it is protected and the card allows it (§6.3.2.1A). */
    LifecycleStep use(String ue, String serviceId);

    /** The user no longer wants {@code serviceId}: deregister it; it stays off at power-on (§6.3.2.1B). */
    LifecycleStep leave(String ue, String serviceId);

    /** Power-on: register again what the user did not leave, unless the card changed (§6.3.2.1A). */
    LifecycleStep powerOn(String ue);

    /** Power-down: deregister every ongoing service (§6.3.2.1B). */
    LifecycleStep powerDown(String ue);

    /** The network released the key management PDP context / PDN connection: register again (§6.3.2.1A). */
    LifecycleStep connectionLost(String ue);

    /**
     * Another UICC (or SIM) is inserted: every MBMS key and the GBA bootstrapping are deleted (§6.1), and services
     * registered with the old card are forgotten.
     */
    LifecycleStep uiccChanged(String ue, UiccId uicc);

    /**
     * Whether {@code request} is still awaited before it is sent (again): false once the user left its services, the
     * UE powered down or another card made it forget them (§6.1).
     */
    boolean awaited(String ue, RegistrationAction request);

    /** The BM-SC answered {@code request} with per-service codes (§6.3.2.4); repeats only for 401 and 503 (G.2.4). */
    LifecycleStep answered(String ue, RegistrationAction request, RegisterResponse body);

    /** The whole of {@code request} failed with {@code status}, or got no usable answer ({@code 0}). */
    LifecycleStep failed(String ue, RegistrationAction request, int status);

    /**
     * The script gave {@code request} up without a usable answer (no answer, a 401 to credentials, 503 too
     * often, GBA failed): its services are left not registered, and the outcome says why.
     */
    LifecycleStep gaveUp(String ue, RegistrationAction request, UeOutcome.Failure failure, String detail);
}
