package org.mbmskeys.mbms.ue.registration;

import java.util.List;
import java.util.Objects;
import org.mbmskeys.mbms.gba.Fqdn;

/**
 * An HTTP request the UE must send to one BM-SC's Key Request function, for one or more services: one POST
 * carries "a list of one or more MBMS User Service IDs" (TS 33.246 §6.3.2.1A, §6.3.2.1B). The caller sends it
 * and reports the answer back ({@link UeServiceRegistrations#answered}).
 */
public sealed interface RegistrationAction {

    Fqdn bmsc();

    List<String> serviceIds();

    /** MBMS User Service Registration (§6.3.2.1A). */
    record Register(Fqdn bmsc, List<String> serviceIds) implements RegistrationAction {
        public Register {
            Objects.requireNonNull(bmsc, "bmsc");
            serviceIds = List.copyOf(serviceIds);
        }
    }

    /** MBMS User Service Deregistration (§6.3.2.1B). */
    record Deregister(Fqdn bmsc, List<String> serviceIds) implements RegistrationAction {
        public Deregister {
            Objects.requireNonNull(bmsc, "bmsc");
            serviceIds = List.copyOf(serviceIds);
        }
    }
}
