package org.mbmskeys.mbms.keys;

import java.util.Objects;

/**
 * The identity of one MSK: Key Domain ID + MSK ID (TS 33.246 §6.3.2.1, "every MSK is uniquely
 * identifiable by its Key Domain ID and MSK ID"). Written {@code 001-01/00010002}.
 *
 * <p>A Key Number of 0 is the "current MSK" marker (§6.3.2.1A); it names a request, never a stored MSK.
 */
public record MskRef(KeyDomainId keyDomain, MskId mskId) {

    public MskRef {
        Objects.requireNonNull(keyDomain, "keyDomain");
        Objects.requireNonNull(mskId, "mskId");
    }

    public static MskRef of(KeyDomainId keyDomain, MskId mskId) {
        return new MskRef(keyDomain, mskId);
    }

    /**
     * Reads the written form {@code 001-01/00010002} ({@link #toString()}).
     *
     * @throws IllegalArgumentException if {@code text} is not a Key Domain ID, a slash and 8 hex digits
     */
    public static MskRef parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("an MSK is written as Key Domain ID/MSK ID, as in 001-01/00010002; got '"
                    + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'");
        }
        return new MskRef(KeyDomainId.parse(text.substring(0, slash)), MskId.parseHex(text.substring(slash + 1)));
    }

    public KeyGroup keyGroup() {
        return mskId.keyGroup();
    }

    /**
     * The record's equality, written out: the generated one is an invokedynamic call that C2 does not always
     * inline, and both roles compare MSK references on every message. The generated hashCode agrees with it.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof MskRef other && mskId.equals(other.mskId) && keyDomain.equals(other.keyDomain);
    }

    /** True if both name the same Key Domain ID and Key Group, the unit of the two-MSK rule. */
    public boolean sameGroupAs(MskRef other) {
        return keyDomain.equals(other.keyDomain) && keyGroup().equals(other.keyGroup());
    }

    @Override
    public String toString() {
        return keyDomain + "/" + mskId;
    }
}
