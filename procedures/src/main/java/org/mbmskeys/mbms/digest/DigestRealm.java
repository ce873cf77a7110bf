package org.mbmskeys.mbms.digest;

import java.util.Objects;
import java.util.regex.Pattern;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * A Digest realm. For GBA-based NAFs such as the BM-SC the realm names the bootstrapping flavour and the
 * NAF FQDN (TS 33.246 Annex H step 2: "The first part is a constant string "3GPP-bootstrapping" ... The
 * second part is the hostname of the server (i.e. FQDN of the BM-SC)"; details in TS 24.109 §5.2):
 * <ul>
 *   <li>{@code 3GPP-bootstrapping@<BM-SC FQDN>} ({@link #gbaMe(String)}), as Annex H;</li>
 *   <li>{@code 3GPP-bootstrapping-uicc@<BM-SC FQDN>} for GBA_U ({@link #gbaU(String)}), a project choice
 *       pending TS 24.109 (see {@link #GBA_U_PREFIX}).</li>
 * </ul>
 * {@link #of(String)} takes any realm (tests, non-GBA deployments). Realms compare exactly (case-sensitive).
 *
 * <pre>{@code
 * DigestRealm.gbaMe("bmsc.example.org").value();   // "3GPP-bootstrapping@bmsc.example.org"
 * }</pre>
 */
public final class DigestRealm {

    static final String GBA_ME_PREFIX = "3GPP-bootstrapping@";
    /** Realm prefix when GBA_U keys are used; TS 33.246 shows only the GBA_ME form. */
    @Unconfirmed("U8: realm prefix for GBA_U, TS 24.109 not read; TS 33.246 Annex H shows only "
            + "\"3GPP-bootstrapping@\", and §6.2.1.3 leaves the details to TS 24.109 §5.2")
    static final String GBA_U_PREFIX = "3GPP-bootstrapping-uicc@";

    private static final Pattern FQDN = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private final String value;

    private DigestRealm(String value) {
        this.value = value;
    }

    /** The GBA_ME realm of the BM-SC (NAF) with this FQDN. */
    public static DigestRealm gbaMe(String bmscFqdn) {
        return new DigestRealm(GBA_ME_PREFIX + requireFqdn(bmscFqdn));
    }

    /** The GBA_U realm of the BM-SC (NAF) with this FQDN. */
    public static DigestRealm gbaU(String bmscFqdn) {
        return new DigestRealm(GBA_U_PREFIX + requireFqdn(bmscFqdn));
    }

    /**
     * Any realm text.
     *
     * @throws IllegalArgumentException if empty or containing control characters
     */
    public static DigestRealm of(String value) {
        return new DigestRealm(HeaderText.requireText("realm", value));
    }

    private static String requireFqdn(String fqdn) {
        Objects.requireNonNull(fqdn, "bmscFqdn");
        if (!FQDN.matcher(fqdn).matches()) {
            throw new IllegalArgumentException("BM-SC FQDN must be a DNS name (letters, digits, '-', dot-separated "
                    + "labels, at most 253 characters) such as bmsc.example.org; got '" + fqdn + "'");
        }
        return fqdn;
    }

    /** The realm as sent in the {@code realm} parameter. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DigestRealm r && value.equals(r.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
