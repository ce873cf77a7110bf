package org.mbmskeys.mbms.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * The Digest {@code algorithm} values this package implements (RFC 7616 §3.3, §6.1). Closed: the
 * {@code -sess} variants and SHA-512-256 are not implemented and are reported as unsupported.
 * MD5 is the algorithm of TS 33.246 (RFC 2617 is its normative Digest reference, §6.2.1.3; Annex H step 2
 * shows {@code algorithm=MD5}); SHA-256 is offered in addition only when the operator configures it.
 */
public enum DigestAlgorithm {
    MD5("MD5", "MD5", 32),
    SHA_256("SHA-256", "SHA-256", 64);

    private final String token;
    private final String jcaName;
    private final int hexLength;

    DigestAlgorithm(String token, String jcaName, int hexLength) {
        this.token = token;
        this.jcaName = jcaName;
        this.hexLength = hexLength;
    }

    /** The value as written in the {@code algorithm} parameter, e.g. {@code SHA-256}. */
    public String token() {
        return token;
    }

    /** Length of a digest of this algorithm as lower-case hex (the {@code response} length). */
    public int hexLength() {
        return hexLength;
    }

    /** The algorithm named by {@code token}, ignoring case, or empty if this package does not implement it. */
    public static Optional<DigestAlgorithm> ofToken(String token) {
        String upper = token.toUpperCase(Locale.ROOT);
        for (DigestAlgorithm a : values()) {
            if (a.token.equals(upper)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide MD5 and SHA-256 (MessageDigest Javadoc).
            throw new IllegalStateException("JDK lacks " + jcaName, e);
        }
    }
}
