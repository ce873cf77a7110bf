package org.mbmskeys.mbms.bmsc.keys;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * One Key Group of a Key Domain as the BM-SC key registry stores it (TS 33.246 §6.3.2.1): its service type
 * (the MSKs of one Key Group protect the MTKs of one RTP session or FLUTE channel, §4.2), the last Key
 * Number issued (0 = none yet), the current MSK and the previous MSK, which stays until the next rotation
 * replaces it (a UE keeps two MSKs per Key Group as well).
 */
public record KeyGroupRecord(KeyDomainId keyDomain, KeyGroup keyGroup, ServiceType serviceType, int lastKeyNumber,
                             Optional<MskRef> current, Optional<MskRef> previous) {

    public KeyGroupRecord {
        Objects.requireNonNull(keyDomain, "keyDomain");
        Objects.requireNonNull(keyGroup, "keyGroup");
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
        if ((lastKeyNumber & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("last Key Number is 16 bits (0..65535), got " + lastKeyNumber);
        }
        current.ifPresent(ref -> requireInGroup(ref, keyDomain, keyGroup));
        previous.ifPresent(ref -> requireInGroup(ref, keyDomain, keyGroup));
    }

    /** A new group: no MSK issued yet. */
    public static KeyGroupRecord empty(KeyDomainId keyDomain, KeyGroup keyGroup, ServiceType serviceType) {
        return new KeyGroupRecord(keyDomain, keyGroup, serviceType, 0, Optional.empty(), Optional.empty());
    }

    /** The Key Number the next rotation issues: 1, 2, …, 65535, then 1 again; never 0 ("current"). */
    public int nextKeyNumber() {
        return lastKeyNumber == 0xFFFF ? 1 : lastKeyNumber + 1;
    }

    /** True if {@code ref} is the current or the previous MSK. */
    public boolean holds(MskRef ref) {
        return current.equals(Optional.of(ref)) || previous.equals(Optional.of(ref));
    }

    KeyGroupRecord rotatedTo(MskRef next) {
        return new KeyGroupRecord(keyDomain, keyGroup, serviceType, next.mskId().keyNumber(), Optional.of(next), current);
    }

    KeyGroupRecord without(MskRef ref) {
        return new KeyGroupRecord(keyDomain, keyGroup, serviceType, lastKeyNumber,
                current.filter(r -> !r.equals(ref)), previous.filter(r -> !r.equals(ref)));
    }

    private static void requireInGroup(MskRef ref, KeyDomainId keyDomain, KeyGroup keyGroup) {
        if (!ref.keyDomain().equals(keyDomain) || !ref.keyGroup().equals(keyGroup)) {
            throw new IllegalArgumentException("MSK " + ref + " does not belong to Key Group " + keyGroup
                    + " of Key Domain " + keyDomain);
        }
    }

    @Override
    public String toString() {
        return "KeyGroup[" + keyDomain + "/" + keyGroup + ", " + serviceType + ", last Key Number " + lastKeyNumber
                + ", current " + current.map(MskRef::toString).orElse("none")
                + ", previous " + previous.map(MskRef::toString).orElse("none") + "]";
    }
}
