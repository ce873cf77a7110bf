package org.mbmskeys.mbms.digest;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Digest realm. For GBA-based NAFs such as the BM-SC the realm names the bootstrapped key and the NAF FQDN
 * (TS 24.109 §5.2.2.1 item 3; TS 33.246 Annex H step 2: "The first part is a constant string
 * "3GPP-bootstrapping" ... The second part is the hostname of the server (i.e. FQDN of the BM-SC)").
 *
 * <p>MBMS key management always uses {@code 3GPP-bootstrapping@<BM-SC FQDN>} ({@link #bootstrapping(String)}),
 * with GBA_ME and with GBA_U alike. The Digest password is base64(MRK) (Annex H step 4), and the MRK is
 * Ks_NAF (GBA_ME) or comes from Ks_ext_NAF (GBA_U, §6.1) in both UICC and ME key management: an ME-based key.
 * TS 24.109 §5.2.2.1 gives the prefix {@code 3GPP-bootstrapping} to the ME-based key Ks_ext_NAF, and
 * {@code 3GPP-bootstrapping-uicc} only to Ks_int_NAF for an HTTP client inside the UICC, which MBMS key
 * management never is (the UICC holds the MUK, not the HTTP client). {@link #of(String)} takes any realm
 * (tests, non-GBA deployments). Realms are equal when their text is ({@link #equals}); {@link #matches} also
 * takes a GBA realm whose FQDN differs only in letter case, as DNS names do.
 *
 * <pre>{@code
 * DigestRealm.bootstrapping("bmsc.example.org").value();   // "3GPP-bootstrapping@bmsc.example.org"
 * }</pre>
 */
public final class DigestRealm {

    static final String BOOTSTRAPPING_PREFIX = "3GPP-bootstrapping@";

    private static final Pattern FQDN = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private final String value;
    /** Where the BM-SC FQDN starts in {@link #value} for a GBA realm; -1 for any other realm. */
    private final int fqdnAt;

    private DigestRealm(String value, int fqdnAt) {
        this.value = value;
        this.fqdnAt = fqdnAt;
    }

    /**
     * The realm of the BM-SC (NAF) with this FQDN for its ME-based GBA key, the one MBMS key management uses
     * whatever the GBA mode and the key management (TS 24.109 §5.2.2.1, TS 33.246 Annex H step 2).
     */
    public static DigestRealm bootstrapping(String bmscFqdn) {
        return new DigestRealm(BOOTSTRAPPING_PREFIX + requireFqdn(bmscFqdn), BOOTSTRAPPING_PREFIX.length());
    }

    /**
     * Any realm text.
     *
     * @throws IllegalArgumentException if empty or containing control characters
     */
    public static DigestRealm of(String value) {
        return new DigestRealm(HeaderText.requireText("realm", value), -1);
    }

    private static String requireFqdn(String fqdn) {
        Objects.requireNonNull(fqdn, "bmscFqdn");
        if (!FQDN.matcher(fqdn).matches()) {
            throw new IllegalArgumentException("BM-SC FQDN must be a DNS name (letters, digits, '-', dot-separated "
                    + "labels, at most 253 characters) such as bmsc.example.org; got '" + fqdn + "'");
        }
        return fqdn;
    }

    /**
     * Whether a realm a peer sent names this one: the same text, or for a GBA realm the same prefix and the same
     * FQDN in another letter case. TS 24.109 §5.2.2.1 asks that "the second part of the realm attribute is equal
     * to the FQDN of the NAF", and DNS names compare without regard to case (RFC 4343); the prefix is a constant
     * string and compares exactly.
     */
    public boolean matches(String received) {
        Objects.requireNonNull(received, "received");
        if (value.equals(received)) {
            return true;
        }
        return fqdnAt > 0 && received.length() == value.length() && received.regionMatches(0, value, 0, fqdnAt)
                && received.regionMatches(true, fqdnAt, value, fqdnAt, value.length() - fqdnAt);
    }

    /** The BM-SC FQDN of a GBA realm ({@link #bootstrapping}); empty for any other realm. */
    Optional<String> bmscFqdn() {
        return fqdnAt > 0 ? Optional.of(value.substring(fqdnAt)) : Optional.empty();
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
