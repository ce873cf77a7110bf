package org.mbmskeys.mbms.mikey;

import org.mbmskeys.mbms.profile.InterimProfile;

/**
 * Type of a General Extension payload (RFC 3830 §6.15).
 *
 * <p><b>Open</b> code space: the payload carries its own length, so an extension of an unknown type is
 * kept as it is and re-encoded byte for byte. Unknown codes print as {@code UNKNOWN(n)}.
 */
public record ExtensionType(int code) {

    public static final ExtensionType VENDOR_ID = new ExtensionType(Known.VENDOR_ID.code);
    public static final ExtensionType SDP_IDS = new ExtensionType(Known.SDP_IDS.code);
    /** RFC 4563 Key ID, type 3 (RFC 4563 §4 Table 1, §8; {@link InterimProfile#KEY_ID_EXTENSION_TYPE}). */
    public static final ExtensionType KEY_ID = new ExtensionType(Known.KEY_ID.code);

    /**
     * @throws IllegalArgumentException if {@code code} does not fit the one-byte Type field
     */
    public ExtensionType {
        Known.CODES.requireOneByte(code);
    }

    public static ExtensionType of(int code) {
        return new ExtensionType(code);
    }

    /** Whether this implementation gives the code a name. */
    public boolean isKnown() {
        return Known.CODES.names(code);
    }

    @Override
    public String toString() {
        return Known.CODES.describe(code);
    }

    private enum Known {
        VENDOR_ID(0), SDP_IDS(1), KEY_ID(InterimProfile.KEY_ID_EXTENSION_TYPE);

        static final CodeSpace<Known> CODES = CodeSpace.of("General Extension type", values(), k -> k.code, Enum::name);

        private final int code;

        Known(int code) {
            this.code = code;
        }
    }
}
