package org.mbmskeys.mbms.bmsc.keys;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ProtectingKey;
import org.mbmskeys.mbms.keys.TimestampCounter;

final class InMemoryKeyRegistryStorage implements KeyRegistryStorage {

    private record GroupKey(KeyDomainId keyDomain, KeyGroup keyGroup) {
        /** Written out: the record's generated equals is an invokedynamic call that C2 does not always inline. */
        @Override
        public boolean equals(Object o) {
            return o instanceof GroupKey other && keyGroup.equals(other.keyGroup) && keyDomain.equals(other.keyDomain);
        }
    }

    private final ConcurrentMap<GroupKey, KeyGroupRecord> groups = new ConcurrentHashMap<>();
    private final ConcurrentMap<MskRef, RegisteredMsk> msks = new ConcurrentHashMap<>();
    private final ConcurrentMap<ProtectingKey, TimestampCounter> counters = new ConcurrentHashMap<>();

    @Override
    public Optional<KeyGroupRecord> group(KeyDomainId keyDomain, KeyGroup keyGroup) {
        return Optional.ofNullable(groups.get(new GroupKey(keyDomain, keyGroup)));
    }

    @Override
    public List<KeyGroupRecord> groups() {
        return groups.values().stream()
                .sorted(Comparator.comparing((KeyGroupRecord g) -> g.keyDomain().toString())
                        .thenComparingInt(g -> g.keyGroup().value()))
                .toList();
    }

    @Override
    public boolean insertGroup(KeyGroupRecord group) {
        return groups.putIfAbsent(keyOf(group), group) == null;
    }

    @Override
    public boolean replaceGroup(KeyGroupRecord expected, KeyGroupRecord next) {
        GroupKey key = keyOf(expected);
        if (!key.equals(keyOf(next))) {
            throw new IllegalArgumentException("replaceGroup: " + next + " is not the same Key Group as " + expected);
        }
        return groups.replace(key, expected, next);
    }

    @Override
    public Optional<RegisteredMsk> msk(MskRef ref) {
        return Optional.ofNullable(msks.get(ref));
    }

    @Override
    public void putMsk(RegisteredMsk msk) {
        msks.put(msk.ref(), msk);
    }

    @Override
    public boolean replaceMsk(RegisteredMsk expected, RegisteredMsk next) {
        if (!expected.ref().equals(next.ref())) {
            throw new IllegalArgumentException("replaceMsk: MSK " + next.ref() + " is not MSK " + expected.ref());
        }
        return msks.replace(expected.ref(), expected, next);
    }

    @Override
    public void removeMsk(MskRef ref) {
        // The registry hands out copies only, so the stored key has no other user: wipe it.
        RegisteredMsk removed = msks.remove(ref);
        if (removed != null) {
            removed.key().destroy();
        }
    }

    @Override
    public Optional<TimestampCounter> counter(ProtectingKey key) {
        return Optional.ofNullable(counters.get(key));
    }

    @Override
    public boolean compareAndSetCounter(ProtectingKey key, Optional<TimestampCounter> expected, TimestampCounter next) {
        Objects.requireNonNull(next, "next");
        return expected.isEmpty()
                ? counters.putIfAbsent(key, next) == null
                : counters.replace(key, expected.get(), next);
    }

    @Override
    public void removeCounter(ProtectingKey key) {
        counters.remove(key);
    }

    private static GroupKey keyOf(KeyGroupRecord g) {
        return new GroupKey(g.keyDomain(), g.keyGroup());
    }
}
