package org.mbmskeys.mbms.bmsc.services;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** User service definitions in a map. */
final class InMemoryUserServiceStorage implements UserServiceStorage {

    private final ConcurrentMap<ServiceId, UserService> services = new ConcurrentHashMap<>();

    @Override
    public List<UserService> all() {
        List<UserService> all = new ArrayList<>(services.values());
        all.sort(Comparator.comparing(UserService::serviceId));
        return List.copyOf(all);
    }

    @Override
    public void store(UserService service) {
        services.put(Objects.requireNonNull(service, "service").serviceId(), service);
    }
}
