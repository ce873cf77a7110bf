package org.mbmskeys.mbms.bmsc.registrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.gba.BTid;

/**
 * Registrations in three flat maps: IMPI → record, B-TID → IMPI, service → sorted IMPIs. No per-UE
 * collections beyond the record's own small service set, so an idle registered UE costs a few hundred bytes.
 * Each change runs inside {@code compute} on the IMPI's entry, which serialises changes of one UE, so
 * the two look-ups always follow the record.
 */
final class InMemoryRegistrationStorage implements RegistrationStorage {

    private final ConcurrentMap<String, Registration> byImpi = new ConcurrentHashMap<>();
    private final ConcurrentMap<BTid, String> byBTid = new ConcurrentHashMap<>();
    private final ConcurrentMap<ServiceId, ConcurrentSkipListSet<String>> byService = new ConcurrentHashMap<>();

    @Override
    public Optional<Registration> find(String impi) {
        return Optional.ofNullable(byImpi.get(Objects.requireNonNull(impi, "impi")));
    }

    @Override
    public Optional<Registration> findByBTid(BTid bTid) {
        String impi = byBTid.get(Objects.requireNonNull(bTid, "bTid"));
        // The B-TID entry moves inside the change, before the record itself is swapped: for a moment a reader can
        // meet an entry and a record of different B-TIDs, and must not answer a record that does not name this one.
        return impi == null ? Optional.empty()
                : find(impi).filter(r -> r.bTid().equals(bTid));
    }

    @Override
    public boolean insert(Registration registration) {
        AtomicBoolean done = new AtomicBoolean();
        byImpi.compute(registration.impi(), (impi, current) -> {
            if (current != null) {
                return current;
            }
            index(null, registration);
            done.set(true);
            return registration;
        });
        return done.get();
    }

    @Override
    public boolean replace(Registration expected, Registration next) {
        if (!expected.impi().equals(next.impi())) {
            throw new IllegalArgumentException("replace: registration of " + next.impi() + " is not the one of "
                    + expected.impi());
        }
        AtomicBoolean done = new AtomicBoolean();
        byImpi.computeIfPresent(expected.impi(), (impi, current) -> {
            if (!current.equals(expected)) {
                return current;
            }
            index(current, next);
            done.set(true);
            return next;
        });
        return done.get();
    }

    @Override
    public boolean remove(Registration expected) {
        AtomicBoolean done = new AtomicBoolean();
        byImpi.computeIfPresent(expected.impi(), (impi, current) -> {
            if (!current.equals(expected)) {
                return current;
            }
            index(current, null);
            done.set(true);
            return null;
        });
        return done.get();
    }

    @Override
    public List<String> registeredTo(ServiceId service, Optional<String> after, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        ConcurrentSkipListSet<String> impis = byService.get(service);
        if (impis == null || limit == 0) {
            return List.of();
        }
        List<String> page = new ArrayList<>(Math.min(limit, 1024));
        for (String impi : after.isPresent() ? impis.tailSet(after.get(), false) : impis) {
            page.add(impi);
            if (page.size() == limit) {
                break;
            }
        }
        return List.copyOf(page);
    }

    @Override
    public long count() {
        return byImpi.size();
    }

    /** How many B-TIDs the look-up by B-TID holds (for the test that none is kept after its record moved on). */
    int bTidsIndexed() {
        return byBTid.size();
    }

    /** Moves the look-ups from {@code old} to {@code next} (either may be null); called under the IMPI's lock. */
    private void index(Registration old, Registration next) {
        // Drop the entry of a B-TID the record stops naming (else every B-TID a UE ever had would stay), but only when
        // it changes: removing and putting back the same one would let a reader miss the UE in between.
        if (old != null && (next == null || !old.bTid().equals(next.bTid()))) {
            byBTid.remove(old.bTid(), old.impi());
        }
        if (next != null) {
            byBTid.put(next.bTid(), next.impi());
        }
        Set<ServiceId> before = old == null ? Set.of() : old.services();
        Set<ServiceId> after = next == null ? Set.of() : next.services();
        for (ServiceId s : before) {
            if (!after.contains(s)) {
                ConcurrentSkipListSet<String> impis = byService.get(s);
                if (impis != null) {
                    impis.remove(old.impi());
                }
            }
        }
        for (ServiceId s : after) {
            if (!before.contains(s)) {
                byService.computeIfAbsent(s, k -> new ConcurrentSkipListSet<>()).add(next.impi());
            }
        }
    }
}
