package org.mbmskeys.mbms.mikey;

import org.mbmskeys.mbms.profile.InterimProfile;

/**
 * Key ID Type of one Key ID sub-payload inside an RFC 4563 Key ID extension ({@link KeyIdExtension}):
 * RFC 4563 §4 Table 2 defines 0 = MBMS Key Domain ID, 1 = MSK ID, 2 = MTK ID; 241..255 are for private
 * use (§8). The MUK is never named by a Key ID: IDi ‖ IDr name it (TS 33.246 §6.4.6.1).
 *
 * <p><b>Open</b> code space: every sub-payload carries its own length, so a Key ID of a type this
 * implementation does not know is skipped by readers and re-encoded byte for byte. Unknown codes print as
 * {@code UNKNOWN(n)}.
 */
public record KeyIdType(int code) {

    public static final KeyIdType KEY_DOMAIN = new KeyIdType(Known.KEY_DOMAIN.code);
    public static final KeyIdType MSK = new KeyIdType(Known.MSK.code);
    public static final KeyIdType MTK = new KeyIdType(Known.MTK.code);

    /** First code of the private-use range (RFC 4563 §8). */
    public static final int FIRST_PRIVATE_USE = 241;

    /**
     * @throws IllegalArgumentException if {@code code} does not fit the one-byte Key ID Type field
     */
    public KeyIdType {
        Known.CODES.requireOneByte(code);
    }

    public static KeyIdType of(int code) {
        return new KeyIdType(code);
    }

    /** Whether this implementation gives the code a name. */
    public boolean isKnown() {
        return Known.CODES.names(code);
    }

    /** The name without the code, e.g. {@code KEY_DOMAIN}, or {@code UNKNOWN}. */
    public String name() {
        return Known.CODES.nameOf(code);
    }

    @Override
    public String toString() {
        return Known.CODES.describe(code);
    }

    private enum Known {
        KEY_DOMAIN(InterimProfile.KEY_ID_TYPE_KEY_DOMAIN),
        MSK(InterimProfile.KEY_ID_TYPE_MSK),
        MTK(InterimProfile.KEY_ID_TYPE_MTK);

        static final CodeSpace<Known> CODES = CodeSpace.of("Key ID Type", values(), k -> k.code, Enum::name);

        private final int code;

        Known(int code) {
            this.code = code;
        }
    }
}
