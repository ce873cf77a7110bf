package org.mbmskeys.mbms.gba;

/**
 * A host name used as key-derivation input or key management address (NAF FQDN, BSF domain, the BM-SC
 * FQDNs of a service announcement), and the checks behind it. The name is used byte for byte in the KDF, so
 * nothing is normalised: a trailing dot or a different letter case would silently give another key, and the
 * first is rejected here while the second is the caller's to keep consistent. As a value ({@link #of}),
 * equality is that of the text.
 */
public final class Fqdn {

    private static final int MAX_LENGTH = 253;
    private static final int MAX_LABEL = 63;

    private final String name;

    private Fqdn(String name) {
        this.name = name;
    }

    /**
     * The host name {@code name} as a value.
     *
     * @throws IllegalArgumentException if it is not a host name
     */
    public static Fqdn of(String name) {
        return new Fqdn(require("FQDN", name));
    }

    /** The name as given. */
    public String value() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fqdn other && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }

    /** Returns {@code name}, or throws naming {@code what} and the first problem. */
    public static String require(String what, String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new IllegalArgumentException(what + " '" + name + "' is not a host name: " + problem
                    + "; use dot-separated labels of letters, digits and inner hyphens, e.g. bmsc.example.org");
        }
        return name;
    }

    /** The first problem with {@code name}, or {@code null} if it is a valid host name. */
    static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "it is empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "it has " + name.length() + " characters, at most " + MAX_LENGTH + " are allowed";
        }
        if (name.endsWith(".")) {
            return "it ends with a dot (write it without the root label)";
        }
        int labelStart = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '.') {
                String labelProblem = labelProblem(name.substring(labelStart, i));
                if (labelProblem != null) {
                    return "label " + (labelStart == i ? "at position " + i : "'" + name.substring(labelStart, i) + "'")
                            + " " + labelProblem;
                }
                labelStart = i + 1;
                continue;
            }
            char c = name.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!allowed) {
                return "character " + describe(c) + " at position " + i + " is not allowed";
            }
        }
        return null;
    }

    private static String labelProblem(String label) {
        if (label.isEmpty()) {
            return "is empty";
        }
        if (label.length() > MAX_LABEL) {
            return "has " + label.length() + " characters, at most " + MAX_LABEL + " are allowed";
        }
        if (label.startsWith("-") || label.endsWith("-")) {
            return "starts or ends with a hyphen";
        }
        return null;
    }

    private static String describe(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c)
                ? String.format("U+%04X", (int) c)
                : "'" + c + "'";
    }
}
