package org.mbmskeys.mbms.digest;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory {@link NonceCounts} (the default): remembers, per used nonce, the nonce-counts accepted
 * ({@link NonceCountWindow}), so a replayed request (an nc seen before) is rejected (RFC 7616 §3.4, §5.3). Memory is
 * bounded:
 * <ul>
 *   <li>an entry lives until its nonce expires; after that the nonce is STALE anyway, so forgetting it
 *       cannot let a replay through;</li>
 *   <li>when {@code maxNonces} entries exist, the one first used longest ago is evicted (expired entries
 *       at the head go first) and the issue time of the evicted nonce becomes a floor: any untracked nonce
 *       issued at or before the floor is refused as {@link Outcome#FORGOTTEN} (the server answers
 *       stale=true and the client moves to a new nonce). So eviction costs a round trip, never a replay.</li>
 * </ul>
 * A new nonce costs O(1) amortised, also when full: entries are kept in first-use order, only the head is
 * ever looked at for expiry or eviction, and nothing scans the map (an expired entry behind a live one
 * waits for its turn at the head). Thread-safe; one lock, held for a map operation.
 */
final class NonceCountTracker implements NonceCounts {

    private record Entry(NonceCountWindow counts, Instant issuedAt, Instant expiresAt) {
    }

    private final int maxNonces;
    private final Map<String, Entry> byNonce = new LinkedHashMap<>();
    private Instant floor;

    NonceCountTracker(int maxNonces) {
        this.maxNonces = maxNonces;
    }

    @Override
    public synchronized Outcome advance(String nonce, long nc, Instant issuedAt, Instant expiresAt, Instant now) {
        Entry entry = byNonce.get(nonce);
        if (entry != null) {
            Optional<NonceCountWindow> next = entry.counts().accept(nc);
            if (next.isEmpty()) {
                return Outcome.REPLAYED;
            }
            byNonce.put(nonce, new Entry(next.get(), entry.issuedAt(), entry.expiresAt()));
            return Outcome.ACCEPTED;
        }
        if (floor != null && !issuedAt.isAfter(floor)) {
            return Outcome.FORGOTTEN;
        }
        dropExpiredHead(now);
        if (byNonce.size() >= maxNonces) {
            Iterator<Entry> eldest = byNonce.values().iterator();
            Entry evicted = eldest.next();
            eldest.remove();
            if (floor == null || evicted.issuedAt().isAfter(floor)) {
                floor = evicted.issuedAt();
            }
            if (!issuedAt.isAfter(floor)) {
                return Outcome.FORGOTTEN;
            }
        }
        byNonce.put(nonce, new Entry(NonceCountWindow.first(nc), issuedAt, expiresAt));
        return Outcome.ACCEPTED;
    }

    // Entries are roughly in expiry order (used soon after issue), so this keeps the map small without a
    // scan; each entry is removed once, so the loop is O(1) amortised per new nonce.
    private void dropExpiredHead(Instant now) {
        Iterator<Entry> it = byNonce.values().iterator();
        while (it.hasNext() && now.isAfter(it.next().expiresAt())) {
            it.remove();
        }
    }

    synchronized int size() {
        return byNonce.size();
    }
}
