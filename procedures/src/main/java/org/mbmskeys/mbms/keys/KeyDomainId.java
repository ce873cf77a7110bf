package org.mbmskeys.mbms.keys;

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
 * (TS 33.246 §6.4.4), and a reader refuses octets that are not BCD digits.
 */
public final class KeyDomainId {

    private static final Pattern TEXT = Pattern.compile("(\\d{3})-(\\d{2,3})");

    private final String mcc;
    private final String mnc;

    private KeyDomainId(String mcc, String mnc) {
        this.mcc = mcc;
        this.mnc = mnc;
    }

    /**
     * Parses {@code MCC-MNC}: three MCC digits, a dash, two or three MNC digits.
     *
     * @throws IllegalArgumentException with what was expected
     */
    public static KeyDomainId parse(String text) {
        var m = TEXT.matcher(Objects.requireNonNull(text, "text"));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "Key Domain ID must be MCC-MNC (3 digits, '-', 2 or 3 digits), e.g. 001-01; got '" + text + "'");
        }
        return new KeyDomainId(m.group(1), m.group(2));
    }

    public static KeyDomainId of(String mcc, String mnc) {
        return parse(mcc + "-" + mnc);
    }

    /**
     * Unpacks three PLMN-identity octets.
     *
     * @throws IllegalArgumentException if the octets are not 3 or hold a non-decimal digit
     */
    @Unconfirmed("U2: MCC‖MNC packing of the 3 Key Domain octets; §6.3.2.1 gives none")
    public static KeyDomainId fromPlmnOctets(Bytes octets) {
        if (octets.length() != 3) {
            throw new IllegalArgumentException("Key Domain ID is 3 bytes, got " + octets.length());
        }
        int b0 = octets.u8(0);
        int b1 = octets.u8(1);
        int b2 = octets.u8(2);
        int mnc3 = b1 >> 4;
        String mcc = digits(b0 & 0xF, b0 >> 4, b1 & 0xF);
        String mnc = mnc3 == 0xF ? digits(b2 & 0xF, b2 >> 4) : digits(b2 & 0xF, b2 >> 4, mnc3);
        if (mcc == null || mnc == null) {
            throw new IllegalArgumentException("Key Domain ID octets are not BCD digits: " + octets);
        }
        return new KeyDomainId(mcc, mnc);
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

    public String mcc() {
        return mcc;
    }

    public String mnc() {
        return mnc;
    }

    /** The three octets packed as a PLMN identity. */
    @Unconfirmed("U2: MCC‖MNC packing of the 3 Key Domain octets; §6.3.2.1 gives none")
    public Bytes plmnOctets() {
        int mnc3 = mnc.length() == 3 ? mnc.charAt(2) - '0' : 0xF;
        return Bytes.of(
                (byte) (((mcc.charAt(1) - '0') << 4) | (mcc.charAt(0) - '0')),
                (byte) ((mnc3 << 4) | (mcc.charAt(2) - '0')),
                (byte) (((mnc.charAt(1) - '0') << 4) | (mnc.charAt(0) - '0')));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyDomainId k && mcc.equals(k.mcc) && mnc.equals(k.mnc);
    }

    @Override
    public int hashCode() {
        return mcc.hashCode() * 31 + mnc.hashCode();
    }

    /** {@code MCC-MNC}. */
    @Override
    public String toString() {
        return mcc + "-" + mnc;
    }
}
