package org.mbmskeys.mbms.keymanagement.xml;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code charset} parameter of a key management body's Content-Type. The bodies are XML media types
 * ({@code application/...+xml}), for which RFC 7303 §3.2 makes a byte order mark authoritative if there is one, else
 * the charset parameter if there is one, else the XML declaration ({@link XmlBodies} applies that order).
 *
 * <pre>{@code
 * BodyCharset.of("application/mbms-register+xml; charset=\"ISO-8859-1\"");   // Optional[ISO-8859-1]
 * BodyCharset.of("application/mbms-register+xml");                           // Optional.empty
 * }</pre>
 */
public final class BodyCharset {

    private BodyCharset() {
    }

    /** The charset parameter's value (a quoted string unquoted), if the Content-Type has a non-empty one. */
    public static Optional<String> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("charset")) {
                String value = parameter.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
