package org.mbmskeys.mbms.keys;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * MUK ID = IDi ‖ IDr of the MSK message (TS 33.246 §6.4.6.1 step 1): IDi names the BM-SC (NAF), IDr the
 * UE's bootstrapping (B-TID). TS 31.102 EF_MUK keeps one MUK per IDi, so {@link #idi()} is also the key
 * under which a UE holds its current MUK.
 *
 * <p>Both parts are the ID payload data exactly as received; equality is byte equality. The ID type and
 * text encoding are the codec's business (TS 33.246 §6.4.5.1; W9, W10 of docs/wire-profile.md).
 * Identities are not secret; {@code toString()} shows printable ASCII as text and anything else as hex.
 *
 * <pre>{@code
 * MukId id = MukId.of("bmsc.example.org", "I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");
 * }</pre>
 */
public final class MukId {

    private final Bytes idi;
    private final Bytes idr;
    /**
     * Computed once: a MUK ID is a map key on every MSK message (the BM-SC's COUNTER per MUK, the UE's replay
     * counters), and hashing its bytes each time showed in the re-key profile. The field fits in the object's
     * alignment padding, so it costs no memory.
     */
    private final int hash;

    public MukId(Bytes idi, Bytes idr) {
        Objects.requireNonNull(idi, "idi");
        Objects.requireNonNull(idr, "idr");
        if (idi.isEmpty() || idr.isEmpty()) {
            throw new IllegalArgumentException("MUK ID needs a non-empty IDi and IDr (TS 33.246 §6.4.6.1); got IDi of "
                    + idi.length() + " bytes and IDr of " + idr.length() + " bytes");
        }
        this.idi = idi;
        this.idr = idr;
        this.hash = 31 * idi.hashCode() + idr.hashCode();
    }

    /** IDi: the ID payload data naming the BM-SC, as received. */
    public Bytes idi() {
        return idi;
    }

    /** IDr: the ID payload data naming the UE's bootstrapping, as received. */
    public Bytes idr() {
        return idr;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof MukId other && hash == other.hash && idi.equals(other.idi) && idr.equals(other.idr);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** IDi and IDr from their UTF-8 text, e.g. the BM-SC FQDN and the B-TID. */
    public static MukId of(String idi, String idr) {
        return new MukId(utf8(idi, "idi"), utf8(idr, "idr"));
    }

    private static Bytes utf8(String text, String name) {
        return Bytes.wrap(Objects.requireNonNull(text, name).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * True if {@code other} has the same IDr and an IDi that differs from this one at most in the letter case of
     * ASCII letters. IDi is the BM-SC's FQDN (TS 33.246 §6.4.5.1), and DNS names compare without case (RFC 4343);
     * IDr, a B-TID, holds base64 and is compared exactly.
     */
    public boolean sameIgnoringIdiCase(MukId other) {
        if (!idr.equals(other.idr) || idi.length() != other.idi.length()) {
            return false;
        }
        for (int i = 0; i < idi.length(); i++) {
            if (asciiLower(idi.u8(i)) != asciiLower(other.idi.u8(i))) {
                return false;
            }
        }
        return true;
    }

    private static int asciiLower(int b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    /** IDi ‖ IDr as one octet string, the form TS 33.246 §6.4.6.1 names. */
    public Bytes concatenated() {
        return idi.concat(idr);
    }

    @Override
    public String toString() {
        return "MukId[IDi=" + render(idi) + ", IDr=" + render(idr) + "]";
    }

    static String render(Bytes id) {
        for (int i = 0; i < id.length(); i++) {
            int b = id.u8(i);
            if (b < 0x20 || b > 0x7E) {
                return "0x" + id.toHex();
            }
        }
        return new String(id.toByteArray(), StandardCharsets.US_ASCII);
    }
}
