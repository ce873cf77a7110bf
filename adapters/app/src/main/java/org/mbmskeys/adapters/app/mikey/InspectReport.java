package org.mbmskeys.adapters.app.mikey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mbmskeys.adapters.app.support.Json;
import org.mbmskeys.adapters.app.support.TerminalText;

/**
 * What {@code mikey inspect} found, and its two renderings. JSON: one object whose top-level members are
 * always present: {@code length}, {@code malformed}, {@code hdr}, {@code payloads} (each with a
 * {@code payload} member naming it), {@code mbms}, {@code key}; absent parts are {@code null}. Code points
 * are {@code {"name":..., "code":...}} objects.
 *
 * @param failure the one-line verdict when the command exits 1 (malformed, not in the profile with
 *                {@code --key}, MAC does not verify)
 */
record InspectReport(int length, Section malformed, Section hdr, List<Section> payloads, Section mbms, Section key,
                     Optional<String> failure) {

    private static final String INDENT = "  ";
    private static final int NAME_WIDTH = 21;

    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("MIKEY message, ").append(length).append(" bytes\n");
        List<Section> all = new ArrayList<>();
        add(all, malformed);
        add(all, hdr);
        all.addAll(payloads);
        add(all, mbms);
        add(all, key);
        for (Section s : all) {
            sb.append(s.title()).append('\n');
            s.fields().forEach((name, value) -> field(sb, INDENT, name, value));
        }
        return sb.toString().replace("\n", System.lineSeparator());
    }

    String json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("length", length);
        out.put("malformed", plain(malformed));
        out.put("hdr", plain(hdr));
        List<Object> list = new ArrayList<>();
        for (Section p : payloads) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("payload", p.title());
            m.putAll(plain(p));
            list.add(m);
        }
        out.put("payloads", malformed == null ? list : null);
        out.put("mbms", plain(mbms));
        out.put("key", plain(key));
        return Json.object(out);
    }

    private static void add(List<Section> all, Section s) {
        if (s != null) {
            all.add(s);
        }
    }

    private static void field(StringBuilder sb, String indent, String name, Object value) {
        if (value instanceof List<?> list) {
            sb.append(indent).append(name).append('\n');
            for (Object item : list) {
                sb.append(indent).append(INDENT).append("- ").append(inline((Map<?, ?>) item)).append('\n');
            }
            return;
        }
        sb.append(indent).append(String.format("%-" + NAME_WIDTH + "s", name)).append(' ').append(text(value)).append('\n');
    }

    private static String inline(Map<?, ?> item) {
        StringBuilder sb = new StringBuilder();
        item.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(k).append(' ').append(text(v));
        });
        return sb.toString();
    }

    private static String text(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        String text = TerminalText.safe(value.toString());
        return text.isEmpty() ? "(empty)" : text;
    }

    /** The section as plain maps and lists for {@link Json}: {@link Coded} becomes {@code {name, code}}. */
    private static Map<String, Object> plain(Section s) {
        return s == null ? null : plainMap(s.fields());
    }

    private static Map<String, Object> plainMap(Map<?, ?> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(String.valueOf(k), plainValue(v)));
        return out;
    }

    private static Object plainValue(Object v) {
        if (v instanceof Coded c) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("code", c.code());
            return m;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                out.add(item instanceof Map<?, ?> m ? plainMap(m) : plainValue(item));
            }
            return out;
        }
        return v;
    }
}
