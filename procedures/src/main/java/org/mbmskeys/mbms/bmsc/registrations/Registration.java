package org.mbmskeys.mbms.bmsc.registrations;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.Impi;

/**
 * One UE's registration at the BM-SC (TS 33.246 §6.3.2.1A), keyed by the subscriber's IMPI, which the BSF
 * returns with the GBA keys and which links an old and a new B-TID of the same UE (§6.1).
 *
 * <p>Small on purpose, since a BM-SC holds one per registered UE: the service IDs are the instances shared
 * through {@link org.mbmskeys.mbms.bmsc.services.UserServices}, and nothing here is secret.
 *
 * @param bTid     the B-TID of the UE's last authenticated request (the HTTP Digest username, §6.2.1.3)
 * @param source   where the registration request came from: "The BM-SC receives the IP address of the UE
 *                 from the source IP address field of the MBMS User Service Registration message" and stores
 *                 it "for further key management usage" (§6.3.1); MIKEY goes to that host on port 2269, or on
 *                 the port the UE stated ({@link #mikeyDestination})
 * @param mikeyPort the UDP port the UE stated for MIKEY in its registration (the project's {@code mikeyport}
 *                 parameter, {@link org.mbmskeys.mbms.keymanagement.MikeyPortParameter}), 0 when it stated none
 * @param services the MBMS User Services the UE is registered to, never empty (a UE without services has
 *                 no registration)
 * @param lastMuk  the last MUK the BM-SC derived for the UE, once it has derived one
 */
public record Registration(String impi, BTid bTid, Endpoint source, int mikeyPort, Set<ServiceId> services,
                           Optional<LastMuk> lastMuk) {

    /** @throws IllegalArgumentException if the IMPI is not an NAI, the port not 0..65535 or no service is given */
    public Registration {
        Impi.require(impi);
        Objects.requireNonNull(bTid, "bTid");
        Objects.requireNonNull(source, "source");
        if (mikeyPort < 0 || mikeyPort > 65535) {
            throw new IllegalArgumentException("a stated MIKEY port must be 1..65535 (0 for none), got " + mikeyPort);
        }
        services = Set.copyOf(Objects.requireNonNull(services, "services"));
        Objects.requireNonNull(lastMuk, "lastMuk");
        if (services.isEmpty()) {
            throw new IllegalArgumentException("registration of " + impi + " names no MBMS User Service; a UE "
                    + "registered to nothing has no registration");
        }
    }

    /** A registration that stated no MIKEY port. */
    public Registration(String impi, BTid bTid, Endpoint source, Set<ServiceId> services, Optional<LastMuk> lastMuk) {
        this(impi, bTid, source, 0, services, lastMuk);
    }

    public boolean isRegisteredTo(ServiceId service) {
        return services.contains(service);
    }

    /**
     * Where MIKEY messages for this UE go: the registration's source host (§6.3.1, §6.4.1), on the port the UE
     * stated, else on {@code port}.
     */
    public Endpoint mikeyDestination(int port) {
        return Endpoint.of(source.host(), mikeyPort != 0 ? mikeyPort : port);
    }

    Registration with(BTid newBTid, Endpoint newSource, int newMikeyPort, Set<ServiceId> newServices) {
        return new Registration(impi, newBTid, newSource, newMikeyPort, newServices, lastMuk);
    }

    Registration withBTid(BTid newBTid) {
        return new Registration(impi, newBTid, source, mikeyPort, services, lastMuk);
    }

    Registration withLastMuk(LastMuk muk) {
        return new Registration(impi, bTid, source, mikeyPort, services, Optional.of(muk));
    }
}
