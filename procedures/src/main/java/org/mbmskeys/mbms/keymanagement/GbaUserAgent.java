package org.mbmskeys.mbms.keymanagement;

import java.util.Locale;
import java.util.Objects;

/**
 * The {@code 3gpp-gba} token of the User-Agent header. TS 33.246 Annex H step 1: the User-Agent "shall
 * include the static string "3gpp-gba" to indicate to the application server (i.e. NAF) that the UE
 * supports 3GPP-bootstrapping based authentication", e.g. {@code MBMSAgent; Release-6 3gpp-gba}, whether the
 * UE's GBA runs in the ME or on a GBA_U card (the HTTP client is in the ME, TS 24.109 §5.2.1 a); step 2:
 * "Upon receiving an HTTP request that contains static string "3gpp-gba" in the User-Agent header the
 * BM-SC responds with HTTP response code 401".
 *
 * <p>The token is matched as a whole product name (the words of the header, separated by white space,
 * {@code ;}, {@code ,} and parentheses, without a {@code /version}), so {@code x3gpp-gbax} does not count.
 *
 * <pre>{@code
 * GbaUserAgent.with("MBMSAgent; Release-6");                    // "MBMSAgent; Release-6 3gpp-gba"
 * GbaUserAgent.announcesGba("MBMSAgent; Release-6 3gpp-gba");   // true
 * }</pre>
 */
public final class GbaUserAgent {

    /** The token a UE able to run GBA puts in its User-Agent (Annex H step 1). */
    public static final String TOKEN = "3gpp-gba";

    /**
     * The token of an HTTP client that resides in the UICC (TS 24.109 §5.2.1 a). It announces GBA too, and the
     * BM-SC challenges it like {@link #TOKEN}: MBMS key management signs with the ME-based MRK, whatever the card.
     */
    public static final String UICC_TOKEN = "3gpp-gba-uicc";

    private GbaUserAgent() {
    }

    /**
     * The User-Agent value for a UE product: {@code product} followed by {@code 3gpp-gba}, or
     * {@code product} itself if it already announces GBA.
     *
     * @throws IllegalArgumentException if {@code product} is blank or holds control characters
     */
    public static String with(String product) {
        Objects.requireNonNull(product, "product");
        if (product.isBlank() || product.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("User-Agent product must be printable text such as "
                    + "'MBMSAgent; Release-6'; got '" + product + "'");
        }
        return announcesGba(product) ? product : product.strip() + " " + TOKEN;
    }

    /** Whether a User-Agent value carries {@code 3gpp-gba} or {@code 3gpp-gba-uicc}; {@code null} does not. */
    public static boolean announcesGba(String userAgent) {
        return hasProduct(userAgent, TOKEN) || hasProduct(userAgent, UICC_TOKEN);
    }

    private static boolean hasProduct(String userAgent, String token) {
        if (userAgent == null) {
            return false;
        }
        for (String word : userAgent.split("[\\s;,()]+")) {
            int slash = word.indexOf('/');
            String name = slash < 0 ? word : word.substring(0, slash);
            if (name.toLowerCase(Locale.ROOT).equals(token)) {
                return true;
            }
        }
        return false;
    }
}
