package org.mbmskeys.mbms.gba;

/**
 * IMPI checks. The IMPI is the KDF parameter P2 as UTF-8 octets (TS 33.220 B.3), so it must fit a 2-byte
 * length; control characters would only come from a parsing mistake upstream.
 */
public final class Impi {

    private Impi() {
    }

    /** Returns {@code impi}, or throws {@link IllegalArgumentException} saying what is wrong and what is expected. */
    public static String require(String impi) {
        if (impi == null || impi.isEmpty()) {
            throw new IllegalArgumentException("IMPI is empty; expected an NAI such as 001010123456789@ims.mnc001.mcc001.3gppnetwork.org");
        }
        for (int i = 0; i < impi.length(); i++) {
            char c = impi.charAt(i);
            // Printable ASCII other than the space, every character of a usual NAI, is neither: the BM-SC checks an
            // IMPI each time it builds a push or a delivery record, so the common case skips the two look-ups.
            if (c > ' ' && c < 0x7F) {
                continue;
            }
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("IMPI has " + String.format("U+%04X", (int) c) + " at position " + i
                        + "; an IMPI is an NAI without white space or control characters");
            }
        }
        // A char is at most 3 UTF-8 bytes (a surrogate pair, two chars, is 4), so most IMPIs need no encoding
        // here; this check runs for every MIKEY message the BM-SC builds.
        if (impi.length() > KdfInput.MAX_PARAMETER_LENGTH / 3 && KdfInput.utf8(impi).length() > KdfInput.MAX_PARAMETER_LENGTH) {
            throw new IllegalArgumentException("IMPI is longer than " + KdfInput.MAX_PARAMETER_LENGTH
                    + " UTF-8 bytes, too long for the KDF length field");
        }
        return impi;
    }
}
