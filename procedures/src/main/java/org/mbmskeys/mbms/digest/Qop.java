package org.mbmskeys.mbms.digest;

import java.util.Locale;
import java.util.Optional;

/**
 * Digest quality of protection (RFC 7616 §3.3, RFC 2617 §3.2.1). Closed. {@link #AUTH_INT} also protects
 * the entity body and is the TS 33.246 default (Annex H steps 2 and 4); {@link #AUTH} is accepted only
 * when the operator allows it.
 */
public enum Qop {
    AUTH("auth"),
    AUTH_INT("auth-int");

    private final String token;

    Qop(String token) {
        this.token = token;
    }

    /** The value as written on the wire: {@code auth} or {@code auth-int}. */
    public String token() {
        return token;
    }

    /** The qop named by {@code token}, ignoring case, or empty if unknown. */
    public static Optional<Qop> ofToken(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        for (Qop q : values()) {
            if (q.token.equals(lower)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }
}
