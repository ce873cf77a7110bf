package org.mbmskeys.mbms.bmsc.services;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mbmskeys.mbms.gba.Impi;

/**
 * A {@link Membership} from one allow-list per service: a subscriber may register to a service iff its
 * IMPI is on that service's list. A service without a list admits nobody (fail closed: forgetting to fill
 * a list must not give a paid service away). Thread-safe; changes apply to the next registration.
 */
public final class AllowListMembership implements Membership {

    private final ConcurrentMap<ServiceId, Set<String>> lists = new ConcurrentHashMap<>();

    AllowListMembership() {
    }

    /** Puts the subscribers on the list of {@code service}. */
    public AllowListMembership allow(ServiceId service, String... impis) {
        Objects.requireNonNull(service, "service");
        Set<String> list = lists.computeIfAbsent(service, s -> ConcurrentHashMap.newKeySet());
        for (String impi : impis) {
            list.add(Impi.require(impi));
        }
        return this;
    }

    /** Takes the subscriber off the list of {@code service}; true if it was on it. */
    public boolean revoke(ServiceId service, String impi) {
        Set<String> list = lists.get(Objects.requireNonNull(service, "service"));
        return list != null && list.remove(impi);
    }

    @Override
    public boolean mayRegister(String impi, ServiceId service) {
        Set<String> list = lists.get(service);
        return list != null && impi != null && list.contains(impi);
    }
}
