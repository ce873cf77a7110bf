package org.mbmskeys.mbms.keys;

import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * Key Domain ID = MCC ‖ MNC, 3 bytes (TS 33.246 §6.3.2.1). Together with the {@link MskId} it names an
 * MSK uniquely.
 *
 * <p>Written {@code MCC-MNC}, e.g. {@code 001-01} or {@code 310-410}. {@link #plmnOctets()} packs the
 * digits as a PLMN identity (TS 24.008 §10.5.1.3: MCC2‖MCC1, MNC3‖MCC3, MNC2‖MNC1, filler F for a
 * two-digit MNC); MIKEY carries these octets as the Key Domain ID sub-payload of the Key ID extension
 * (TS 33.246 §6.4.4), and this side sends them so.
 *
 * <p>§6.3.2.1 names no packing (U2), and NOTE 1 has the UE use the Key Domain ID only to match what the
 * service announcement gave. So three octets a peer packed otherwise are a Key Domain ID too
 * ({@link #fromOctets}): equal to another exactly when the octets are, and written {@code 0x} and six hex
 * digits (e.g. {@code 0xb8709d}, which {@link #parse} reads back) when they are not BCD digits in this
 * packing. {@link #mcc()} and {@link #mnc()} exist only for the {@code MCC-MNC} form.
 */
public final class KeyDomainId {

    private static final Pattern TEXT = Pattern.compile("(\\d{3})-(\\d{2,3})");
    private static final Pattern OCTETS_TEXT = Pattern.compile("0x([0-9A-Fa-f]{6})");

    private final Bytes octets;
    private final String mcc;   // null for octets that are not BCD digits in the PLMN packing
    private final String mnc;

    private KeyDomainId(Bytes octets, String mcc, String mnc) {
        this.octets = octets;
        this.mcc = mcc;
        this.mnc = mnc;
    }

    /**
     * Parses {@code MCC-MNC} (three MCC digits, a dash, two or three MNC digits) or {@code 0x} and the six hex
     * digits of three octets.
     *
     * @throws IllegalArgumentException with what was expected
     */
    public static KeyDomainId parse(String text) {
        var m = TEXT.matcher(Objects.requireNonNull(text, "text"));
        if (m.matches()) {
            return new KeyDomainId(pack(m.group(1), m.group(2)), m.group(1), m.group(2));
        }
        var o = OCTETS_TEXT.matcher(text);
        if (o.matches()) {
            return fromOctets(Bytes.ofHex(o.group(1)));
        }
        throw new IllegalArgumentException("Key Domain ID must be MCC-MNC (3 digits, '-', 2 or 3 digits), e.g. 001-01, "
                + "or 0x and the 6 hex digits of its 3 octets; got '" + text + "'");
    }

    public static KeyDomainId of(String mcc, String mnc) {
        return parse(mcc + "-" + mnc);
    }

    /**
     * Unpacks three PLMN-identity octets, and only those.
     *
     * @throws IllegalArgumentException if the octets are not 3 or hold a non-decimal digit
     */
    @Unconfirmed("U2: MCC‖MNC packing of the 3 Key Domain octets; §6.3.2.1 gives none")
    public static KeyDomainId fromPlmnOctets(Bytes octets) {
        KeyDomainId id = fromOctets(octets);
        if (id.mcc == null) {
            throw new IllegalArgumentException("Key Domain ID octets are not BCD digits: " + octets);
        }
        return id;
    }

    /**
     * The Key Domain ID of three octets as received, whatever their packing: {@code MCC-MNC} when they are BCD
     * digits as {@link #plmnOctets()} packs them, else known by the octets alone.
     *
     * @throws IllegalArgumentException if the octets are not 3
     */
    public static KeyDomainId fromOctets(Bytes octets) {
        Objects.requireNonNull(octets, "octets");
        if (octets.length() != 3) {
            throw new IllegalArgumentException("Key Domain ID is 3 bytes, got " + octets.length());
        }
        int b0 = octets.u8(0);
        int b1 = octets.u8(1);
        int b2 = octets.u8(2);
        int mnc3 = b1 >> 4;
        String mcc = digits(b0 & 0xF, b0 >> 4, b1 & 0xF);
        String mnc = mnc3 == 0xF ? digits(b2 & 0xF, b2 >> 4) : digits(b2 & 0xF, b2 >> 4, mnc3);
        Bytes copy = Bytes.wrap(octets.toByteArray());   // its own 3 bytes, not a view that keeps a message alive
        return mcc == null || mnc == null ? new KeyDomainId(copy, null, null) : new KeyDomainId(copy, mcc, mnc);
    }

    private static String digits(int... nibbles) {
        StringBuilder sb = new StringBuilder(nibbles.length);
        for (int n : nibbles) {
            if (n > 9) {
                return null;
            }
            sb.append((char) ('0' + n));
        }
        return sb.toString();
    }

    @Unconfirmed("U2: MCC‖MNC packing of the 3 Key Domain octets; §6.3.2.1 gives none")
    private static Bytes pack(String mcc, String mnc) {
        int mnc3 = mnc.length() == 3 ? mnc.charAt(2) - '0' : 0xF;
        return Bytes.of(
                (byte) (((mcc.charAt(1) - '0') << 4) | (mcc.charAt(0) - '0')),
                (byte) ((mnc3 << 4) | (mcc.charAt(2) - '0')),
                (byte) (((mnc.charAt(1) - '0') << 4) | (mnc.charAt(0) - '0')));
    }

    /** Whether the octets are an MCC and MNC in the PLMN packing, so {@link #mcc()} and {@link #mnc()} exist. */
    public boolean isPlmn() {
        return mcc != null;
    }

    /** @throws IllegalStateException for octets that are not an MCC-MNC in the PLMN packing */
    public String mcc() {
        return requirePlmn(mcc);
    }

    /** @throws IllegalStateException for octets that are not an MCC-MNC in the PLMN packing */
    public String mnc() {
        return requirePlmn(mnc);
    }

    private String requirePlmn(String part) {
        if (part == null) {
            throw new IllegalStateException("Key Domain ID " + this + " is not an MCC-MNC in the PLMN packing");
        }
        return part;
    }

    /** The three octets: the PLMN packing of {@code MCC-MNC}, or the octets as received. */
    public Bytes plmnOctets() {
        return octets;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyDomainId k && octets.equals(k.octets);
    }

    @Override
    public int hashCode() {
        return octets.hashCode();
    }

    /** {@code MCC-MNC}, or {@code 0x} and six hex digits. */
    @Override
    public String toString() {
        return mcc != null ? mcc + "-" + mnc : "0x" + HexFormat.of().formatHex(octets.toByteArray());
    }
}
