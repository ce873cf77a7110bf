package org.mbmskeys.adapters.app.mikey;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One block of the inspect report (a payload, the MBMS classification, the key check): a title for the
 * text form and named fields in order. Field values are {@link String}, {@link Number}, {@link Boolean},
 * {@link Coded}, a list of field maps, or {@code null} (JSON {@code null}, text {@code none}).
 * The field names are the JSON names; the text form uses the same names so the two are easy to relate.
 */
final class Section {

    private final String title;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    Section(String title) {
        this.title = title;
    }

    Section put(String name, Object value) {
        if (fields.containsKey(name)) {
            throw new IllegalStateException("field " + name + " of " + title + " set twice");
        }
        fields.put(name, value);
        return this;
    }

    String title() {
        return title;
    }

    Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }
}
