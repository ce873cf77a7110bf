package org.mbmskeys.mbms.bmsc.services;

import java.util.Objects;

/**
 * An MBMS User Service ID: what a UE lists in a registration or deregistration request, one status code
 * each in the answer (TS 33.246 §6.3.2.1A, §6.3.2.1B, §6.3.2.4). TS 26.346 makes it the {@code serviceId}
 * URI of the User Service Description; this type only insists on printable text without white space, so
 * that an identifier read from a request can always be written to a log line or a response body.
 *
 * <pre>{@code
 * ServiceId id = ServiceId.of("urn:example:mbms:news");
 * }</pre>
 */
public record ServiceId(String value) implements Comparable<ServiceId> {

    /** Longer identifiers are refused: no User Service ID needs more, and a request should not make us hold more. */
    public static final int MAX_LENGTH = 1024;

    /**
     * @throws IllegalArgumentException if the text is empty, longer than {@value #MAX_LENGTH} characters or
     *                                  holds white space or control characters
     */
    public ServiceId {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public static ServiceId of(String value) {
        return new ServiceId(value);
    }

    /**
     * What is wrong with {@code text} as a User Service ID, or {@code null} if nothing is; lets a request
     * handler answer 400 for one item without an exception.
     */
    public static String problem(String text) {
        if (text == null || text.isEmpty()) {
            return "MBMS User Service ID is empty; expected the serviceId of a User Service Description, "
                    + "e.g. urn:example:mbms:news";
        }
        if (text.length() > MAX_LENGTH) {
            return "MBMS User Service ID is " + text.length() + " characters long; at most " + MAX_LENGTH
                    + " are accepted";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                return "MBMS User Service ID has " + String.format("U+%04X", (int) c) + " at position " + i
                        + "; a service ID (a URI) has no white space or control characters";
            }
        }
        return null;
    }

    @Override
    public int compareTo(ServiceId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
