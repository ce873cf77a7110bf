package org.mbmskeys.mbms.mikey.protection;

import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskId;

/** The sender side of "Key Group 0 is not allowed" (TS 33.246 §6.3.2.1), shared by the outgoing messages. */
final class KeyGroups {

    private KeyGroups() {
    }

    static void requireNotReserved(MskId mskId) {
        requireNotReserved(mskId.keyGroup());
    }

    static void requireNotReserved(KeyGroup group) {
        if (group.isReserved()) {
            throw new IllegalArgumentException("Key Group " + group + " is reserved; TS 33.246 §6.3.2.1 does not "
                    + "allow it for any MSK");
        }
    }
}
