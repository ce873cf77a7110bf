package org.mbmskeys.adapters.app.run;

import java.lang.reflect.RecordComponent;

/**
 * Structured log lines: {@code event=registered ue=alice serviceId=urn:3gpp:mbms:news status=200}. A value with
 * spaces is quoted. Only for records that carry no key material (the roles' outcomes, configuration summaries).
 */
final class EventLine {

    private EventLine() {
    }

    /** {@code event=<name>} followed by every component of {@code record}. */
    static String of(String event, Record record) {
        StringBuilder sb = new StringBuilder("event=").append(event);
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                sb.append(' ').append(c.getName()).append('=').append(value(c.getAccessor().invoke(record)));
            } catch (ReflectiveOperationException e) {
                sb.append(' ').append(c.getName()).append("=?");
            }
        }
        return sb.toString();
    }

    /** {@code event=<name> key=value ...} from alternating keys and values. */
    static String of(String event, Object... keysAndValues) {
        StringBuilder sb = new StringBuilder("event=").append(event);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            sb.append(' ').append(keysAndValues[i]).append('=').append(value(keysAndValues[i + 1]));
        }
        return sb.toString();
    }

    /** "ServiceRegistered" to "service-registered". */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static String value(Object v) {
        String s = String.valueOf(v);
        return s.isEmpty() || s.contains(" ") ? "\"" + s.replace("\"", "'") + "\"" : s;
    }
}
