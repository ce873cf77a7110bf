package org.mbmskeys.mbms.digest;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Typed reads of parsed auth-params, failing as {@link DigestFailure#MALFORMED} with the header's rule. */
final class Params {

    private final String header;
    private final Map<String, String> params;
    private final String requiredList;

    Params(String header, Map<String, String> params, String requiredList) {
        this.header = header;
        this.params = params;
        this.requiredList = requiredList;
    }

    String required(String name) {
        String v = params.get(name);
        if (v == null || v.isEmpty()) {
            throw new DigestException(DigestFailure.MALFORMED, header + ": parameter '" + name + "' is "
                    + (v == null ? "missing" : "empty") + "; required are " + requiredList);
        }
        return v;
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(params.get(name));
    }

    boolean has(String name) {
        return params.containsKey(name);
    }

    DigestAlgorithm algorithm(DigestAlgorithm ifAbsent) {
        String text = params.get("algorithm");
        if (text == null) {
            return ifAbsent;
        }
        return DigestAlgorithm.ofToken(text).orElseThrow(() -> new DigestException(
                DigestFailure.UNSUPPORTED_ALGORITHM, header + ": algorithm '" + text
                        + "' is not supported; use MD5 or SHA-256"));
    }

    /** A lower-case hex digest of the algorithm's length. */
    String hexDigest(String name, DigestAlgorithm algorithm) {
        String v = required(name).toLowerCase(Locale.ROOT);
        if (v.length() != algorithm.hexLength() || !v.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new DigestException(DigestFailure.MALFORMED, header + ": " + name + " must be "
                    + algorithm.hexLength() + " hex digits for " + algorithm.token() + ", got " + v.length()
                    + " characters");
        }
        return v;
    }
}
