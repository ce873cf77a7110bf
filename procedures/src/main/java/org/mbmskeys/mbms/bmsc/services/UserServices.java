package org.mbmskeys.mbms.bmsc.services;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The protected MBMS User Services this BM-SC offers, and which of them use a Key Group: what a
 * registration checks a service ID against (unknown: 501, TS 33.246 table G.2.4-1), what an MSK request is
 * authorised by (§6.3.2.2.1: the UE must be registered to "any MBMS User Service that uses the MSKs"), and
 * what decides which MSKs a deregistration leaves unused (§6.3.2.1B).
 *
 * <p>Services are few and change rarely, while every request reads them: the whole catalogue is one
 * immutable snapshot, replaced on each change (copy on write), so reads take no lock. {@link #lookup}
 * returns the defined {@link ServiceId} instance, so registrations of a million UEs share one object per
 * service instead of holding a copy of its text each.
 *
 * <pre>{@code
 * UserServices services = new UserServices();
 * services.define(UserService.of(ServiceId.of("urn:example:news"), ServiceType.STREAMING, group));
 * services.usingKeyGroup(group);   // [urn:example:news]
 * }</pre>
 */
public final class UserServices {

    /** What {@link #define} did. */
    public enum Definition {
        /** The service is new. */
        DEFINED,
        /** The same definition was there already; nothing changed. */
        UNCHANGED,
        /** A service with this ID was defined differently; it was replaced. */
        REPLACED
    }

    private record Catalogue(Map<ServiceId, UserService> byId, Map<KeyGroupRef, List<ServiceId>> byGroup) {
        static final Catalogue EMPTY = new Catalogue(Map.of(), Map.of());

        static Catalogue of(Map<ServiceId, UserService> services) {
            Map<KeyGroupRef, TreeSet<ServiceId>> groups = new HashMap<>();
            for (UserService s : services.values()) {
                for (KeyGroupRef g : s.keyGroups()) {
                    groups.computeIfAbsent(g, k -> new TreeSet<>()).add(s.serviceId());
                }
            }
            Map<KeyGroupRef, List<ServiceId>> byGroup = new HashMap<>();
            groups.forEach((g, ids) -> byGroup.put(g, List.copyOf(ids)));
            return new Catalogue(Map.copyOf(services), Map.copyOf(byGroup));
        }
    }

    private final AtomicReference<Catalogue> catalogue = new AtomicReference<>(Catalogue.EMPTY);

    /**
     * Defines {@code service}, or replaces the definition with its ID (a changed set of Key Groups takes
     * effect for every registered UE at once: authorisation reads the definition, not a copy).
     */
    public Definition define(UserService service) {
        Objects.requireNonNull(service, "service");
        while (true) {
            Catalogue now = catalogue.get();
            UserService old = now.byId().get(service.serviceId());
            if (service.equals(old)) {
                return Definition.UNCHANGED;
            }
            Map<ServiceId, UserService> next = new HashMap<>(now.byId());
            // Keep the ID instance registrations already share, if there is one.
            ServiceId id = old == null ? service.serviceId() : old.serviceId();
            next.put(id, new UserService(id, service.keyGroups(), service.serviceType()));
            if (catalogue.compareAndSet(now, Catalogue.of(next))) {
                return old == null ? Definition.DEFINED : Definition.REPLACED;
            }
        }
    }

    /**
     * Removes the service; true if it was defined. UEs registered to it stay registered until they
     * deregister (their registration names the ID), but can no longer register to it or be authorised by it.
     */
    public boolean remove(ServiceId serviceId) {
        Objects.requireNonNull(serviceId, "serviceId");
        while (true) {
            Catalogue now = catalogue.get();
            if (!now.byId().containsKey(serviceId)) {
                return false;
            }
            Map<ServiceId, UserService> next = new HashMap<>(now.byId());
            next.remove(serviceId);
            if (catalogue.compareAndSet(now, Catalogue.of(next))) {
                return true;
            }
        }
    }

    /** The service with this ID; its {@link UserService#serviceId()} is the shared instance. */
    public Optional<UserService> lookup(ServiceId serviceId) {
        return Optional.ofNullable(catalogue.get().byId().get(Objects.requireNonNull(serviceId, "serviceId")));
    }

    /** The services that use the MSKs of {@code group}, in ID order. */
    public List<ServiceId> usingKeyGroup(KeyGroupRef group) {
        return catalogue.get().byGroup().getOrDefault(Objects.requireNonNull(group, "group"), List.of());
    }

    /** The Key Groups of the given services that are defined (unknown IDs are skipped). */
    public Set<KeyGroupRef> keyGroupsOf(Iterable<ServiceId> serviceIds) {
        Map<ServiceId, UserService> byId = catalogue.get().byId();
        Set<KeyGroupRef> groups = new java.util.HashSet<>();
        for (ServiceId id : serviceIds) {
            UserService s = byId.get(id);
            if (s != null) {
                groups.addAll(s.keyGroups());
            }
        }
        return Set.copyOf(groups);
    }

    /** Every defined service, in ID order. */
    public List<UserService> all() {
        List<UserService> all = new ArrayList<>(catalogue.get().byId().values());
        all.sort(Comparator.comparing(UserService::serviceId));
        return List.copyOf(all);
    }
}
