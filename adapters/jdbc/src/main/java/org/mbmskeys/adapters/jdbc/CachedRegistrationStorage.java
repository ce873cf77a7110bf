package org.mbmskeys.adapters.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.mbms.bmsc.registrations.Registration;
import org.mbmskeys.mbms.bmsc.registrations.RegistrationStorage;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.gba.BTid;

/**
 * A Caffeine cache of registrations by IMPI in front of a shared storage. The cache is only a hint:
 * <ul>
 *   <li>every write (insert, replace, remove) goes to the storage with the caller's expected record, so the
 *       database alone decides a race between nodes;</li>
 *   <li>a write that answers false evicts the IMPI, so the caller's re-read (every {@code Registrations} loop
 *       re-reads after a failed compare-and-set) comes from the database;</li>
 *   <li>a read hit is at most {@code ttl} old: another node's change is seen here at the latest {@code ttl}
 *       after it (or at once, after this node's next failed write for the IMPI);</li>
 *   <li>absence is not cached (a UE that registered on another node is found at once), nor are the look-ups by
 *       B-TID and by service, which go to the storage every time.</li>
 * </ul>
 * A stale hit can therefore only make this node start from an old record, whose compare-and-set then fails and
 * is retried on fresh data; or, for a read that decides nothing by itself (where to send MIKEY, the last MUK),
 * act on a registration that another node changed less than {@code ttl} ago, as if the request had arrived
 * that much later.
 */
public final class CachedRegistrationStorage implements RegistrationStorage {

    private final RegistrationStorage storage;
    private final Cache<String, Registration> byImpi;

    /**
     * @param storage    the shared storage (normally {@link JdbcRegistrationStorage})
     * @param ttl        how long a read hit may be served, e.g. 5 seconds
     * @param maxEntries the bound on cached registrations
     * @param ticker     the cache's clock (Caffeine's {@link Ticker#systemTicker()} in production)
     */
    public CachedRegistrationStorage(RegistrationStorage storage, Duration ttl, long maxEntries, Ticker ticker) {
        this.storage = Objects.requireNonNull(storage, "storage");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("cache ttl must be positive, got " + ttl);
        }
        this.byImpi = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries)
                .ticker(Objects.requireNonNull(ticker, "ticker")).build();
    }

    @Override
    public Optional<Registration> find(String impi) {
        Registration hit = byImpi.getIfPresent(Objects.requireNonNull(impi, "impi"));
        if (hit != null) {
            return Optional.of(hit);
        }
        Optional<Registration> found = storage.find(impi);
        found.ifPresent(r -> byImpi.put(impi, r));
        return found;
    }

    @Override
    public Optional<Registration> findByBTid(BTid bTid) {
        return storage.findByBTid(bTid);
    }

    @Override
    public boolean insert(Registration registration) {
        return remember(registration.impi(), storage.insert(registration), Optional.of(registration));
    }

    @Override
    public boolean replace(Registration expected, Registration next) {
        return remember(expected.impi(), storage.replace(expected, next), Optional.of(next));
    }

    @Override
    public boolean remove(Registration expected) {
        return remember(expected.impi(), storage.remove(expected), Optional.empty());
    }

    @Override
    public List<String> registeredTo(ServiceId service, Optional<String> after, int limit) {
        return storage.registeredTo(service, after, limit);
    }

    @Override
    public long count() {
        return storage.count();
    }

    private boolean remember(String impi, boolean written, Optional<Registration> now) {
        if (written && now.isPresent()) {
            byImpi.put(impi, now.get());
        } else {
            byImpi.invalidate(impi);   // removed, or we lost a race: the next read goes to the storage
        }
        return written;
    }
}
