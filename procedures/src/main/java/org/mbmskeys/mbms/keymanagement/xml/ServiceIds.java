package org.mbmskeys.mbms.keymanagement.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Rules shared by the bodies that list MBMS User Service IDs (TS 26.346 {@code serviceID}, an anyURI). */
final class ServiceIds {

    /** Longest service ID accepted; USD service IDs are URNs of a few dozen characters. */
    static final int MAX_LENGTH = 1024;

    private ServiceIds() {
    }

    /**
     * @throws IllegalArgumentException for a blank ID, one with white space at either end, a control
     *                                  character, or more than {@value #MAX_LENGTH} characters
     */
    static String require(String serviceId) {
        Objects.requireNonNull(serviceId, "serviceId");
        String problem = problem(serviceId);
        if (problem != null) {
            throw new IllegalArgumentException("MBMS User Service ID " + problem);
        }
        return serviceId;
    }

    /** What is wrong with {@code serviceId}, or null. */
    static String problem(String serviceId) {
        if (serviceId.isBlank()) {
            return "is empty";
        }
        if (serviceId.length() > MAX_LENGTH) {
            return "has " + serviceId.length() + " characters; at most " + MAX_LENGTH;
        }
        if (!serviceId.strip().equals(serviceId)) {
            return "'" + XmlBodies.clip(serviceId) + "' has white space at an end";
        }
        for (int i = 0; i < serviceId.length(); i++) {
            if (Character.isISOControl(serviceId.charAt(i))) {
                return "'" + XmlBodies.clip(serviceId) + "' has a control character at index " + i;
            }
        }
        return null;
    }

    /** A copy of a list of 1..{@value XmlBodies#MAX_ITEMS} items, for the record constructors. */
    static <T> List<T> requireItems(String what, List<T> items) {
        Objects.requireNonNull(items, what);
        if (items.isEmpty() || items.size() > XmlBodies.MAX_ITEMS) {
            throw new IllegalArgumentException(what + " must hold 1 to " + XmlBodies.MAX_ITEMS + " items (TS 33.246 "
                    + "§6.3.2.4: the list form even for one); got " + items.size());
        }
        return List.copyOf(items);
    }

    /** The IDs of a request body, checked, in order; repeats are kept, as the schema allows them. */
    static List<String> read(List<org.w3c.dom.Element> elements) {
        List<String> out = new ArrayList<>(elements.size());
        for (org.w3c.dom.Element e : elements) {
            String id = XmlBodies.collapsed(e);
            String problem = problem(id);
            if (problem != null) {
                throw new MalformedBodyException(BodyFailure.BAD_ID, "serviceID " + (out.size() + 1) + " " + problem);
            }
            out.add(id);
        }
        return out;
    }
}
