package org.mbmskeys.mbms.bmsc.services;

import java.util.Objects;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;

/**
 * One Key Group of one Key Domain: the unit in which a user service names its MSKs. A service
 * announcement lists each MSK as Key Domain ID + MSK ID with Key Number 0, "the current MSK", and "Key
 * Group part of MSK ID is sufficient to identify the MSKs" (TS 33.246 §6.3.2.1A). Written
 * {@code 001-01/0001}.
 *
 * <pre>{@code
 * KeyGroupRef group = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(1));
 * group.current();   // 001-01/00010000, the MSK ID a service announcement carries
 * }</pre>
 */
public record KeyGroupRef(KeyDomainId keyDomain, KeyGroup keyGroup) {

    /** @throws IllegalArgumentException for Key Group 0, which TS 33.246 §6.3.2.1 does not allow */
    public KeyGroupRef {
        Objects.requireNonNull(keyDomain, "keyDomain");
        Objects.requireNonNull(keyGroup, "keyGroup");
        if (keyGroup.isReserved()) {
            throw new IllegalArgumentException("Key Group " + keyGroup + " of Key Domain " + keyDomain
                    + " is not allowed (TS 33.246 §6.3.2.1: Key Group 0 is reserved)");
        }
    }

    public static KeyGroupRef of(KeyDomainId keyDomain, KeyGroup keyGroup) {
        return new KeyGroupRef(keyDomain, keyGroup);
    }

    /** The Key Group of {@code msk}, whatever its Key Number. */
    public static KeyGroupRef of(MskRef msk) {
        return new KeyGroupRef(msk.keyDomain(), msk.keyGroup());
    }

    /** The group's "current MSK" (Key Number 0), as announcements and MSK requests name it (§6.3.2.1A). */
    public MskRef current() {
        return MskRef.of(keyDomain, MskId.current(keyGroup));
    }

    /** True if {@code msk} belongs to this Key Group. */
    public boolean contains(MskRef msk) {
        return keyDomain.equals(msk.keyDomain()) && keyGroup.equals(msk.keyGroup());
    }

    @Override
    public String toString() {
        return keyDomain + "/" + keyGroup;
    }
}
