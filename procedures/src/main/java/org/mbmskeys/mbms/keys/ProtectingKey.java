package org.mbmskeys.mbms.keys;

import java.util.Objects;

/**
 * The key that protects a MIKEY message, and so names one outgoing COUNTER stream (TS 33.246
 * §6.4.3, §6.4.6): a UE's MUK for MSK messages, an MSK for MTK messages.
 *
 * <pre>{@code
 * registry.nextCounter(ProtectingKey.muk(mukId));   // MSK delivery to one UE
 * registry.nextCounter(ProtectingKey.msk(mskRef));  // MTK delivery under that MSK
 * }</pre>
 */
public sealed interface ProtectingKey permits ProtectingKey.Muk, ProtectingKey.Msk {

    static ProtectingKey muk(MukId id) {
        return new Muk(id);
    }

    static ProtectingKey msk(MskRef ref) {
        return new Msk(ref);
    }

    /** The MUK of one UE, named by IDi ‖ IDr. */
    record Muk(MukId id) implements ProtectingKey {
        public Muk {
            Objects.requireNonNull(id, "id");
        }

        /** The record's equality, written out for speed as {@link MskRef#equals} says; hashCode agrees with it. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Muk other && id.equals(other.id);
        }

        /** The MUK ID's cached hash: the generated one goes through an invokedynamic bootstrap at each look-up. */
        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }

    /** One MSK. Key Number 0 ("current") names no key and is refused. */
    record Msk(MskRef ref) implements ProtectingKey {
        public Msk {
            Objects.requireNonNull(ref, "ref");
            if (ref.mskId().isCurrentMarker()) {
                throw new IllegalArgumentException("MSK " + ref
                        + " has Key Number 0 ('current'), which names no key; name the MSK by its Key Number");
            }
        }

        /** The record's equality, written out for speed as {@link MskRef#equals} says; hashCode agrees with it. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Msk other && ref.equals(other.ref);
        }

        @Override
        public int hashCode() {
            return ref.hashCode();
        }
    }
}
