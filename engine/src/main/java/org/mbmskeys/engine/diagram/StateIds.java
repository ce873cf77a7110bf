package org.mbmskeys.engine.diagram;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps state names to identifiers every format accepts unquoted: a letter, then letters, digits and
 * underscores. Names that already are such identifiers keep themselves; the others are sanitized
 * ({@code key-exchange.waiting} becomes {@code key_exchange_waiting}) and made unique with {@code _2},
 * {@code _3}, ... in declaration order, so the output is deterministic. The diagrams show the real name
 * as the state's label.
 *
 * <p>Identifiers are never a keyword of a format ({@code end}, {@code node}, {@code state}, ...), never
 * start with an underscore and never end in {@code _start} or {@code _end}: those
 * are left for pseudo-states ({@code __start}, {@code X__start} in DOT; Mermaid names the {@code [*]} of
 * a composite {@code X} as {@code X_start} and {@code X_end}).
 */
final class StateIds {

    /**
     * Words with a meaning in Mermaid's state grammar (its lexer ignores case), PlantUML or DOT. A state
     * called {@code end} or {@code node} would change how the line parses.
     */
    private static final Set<String> RESERVED = Set.of(
            "state", "note", "end", "as", "class", "classdef", "style", "scale", "click", "default",
            "direction", "hide", "root", "acctitle", "accdescr", "statediagram", "title", "caption",
            "legend", "skinparam", "left", "right", "top", "bottom", "of", "node", "edge", "graph",
            "digraph", "subgraph", "strict");

    private final Map<String, String> idByName;

    private StateIds(Map<String, String> idByName) {
        this.idByName = idByName;
    }

    static StateIds assign(Collection<String> names) {
        Map<String, String> ids = new HashMap<>();
        Set<String> taken = new HashSet<>();
        // Safe names claim themselves first, so a sanitized name can never take a real name's id.
        for (String name : names) {
            if (sanitize(name).equals(name)) {
                ids.put(name, name);
                taken.add(name);
            }
        }
        for (String name : names) {
            if (!ids.containsKey(name)) {
                String base = sanitize(name);
                String id = base;
                for (int n = 2; taken.contains(id); n++) {
                    id = base + "_" + n;
                }
                ids.put(name, id);
                taken.add(id);
            }
        }
        return new StateIds(ids);
    }

    String of(String stateName) {
        String id = idByName.get(stateName);
        if (id == null) {
            throw new IllegalArgumentException("no diagram id for state '" + stateName + "'");
        }
        return id;
    }

    static String sanitize(String name) {
        StringBuilder id = new StringBuilder(name.length() + 3);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            id.append(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' ? c : '_');
        }
        if (id.length() == 0 || !isAsciiLetter(id.charAt(0))) {
            id.insert(0, "s_");
        }
        String lower = id.toString().toLowerCase(Locale.ROOT);
        // Mermaid's lexer takes the first rule that matches, not the longest: "default" is a token even as
        // the start of "defaultRoute", and "direction" at the end of a line followed by an indented line
        // starting with tb/bt/rl/lr reads as a layout statement.
        if (lower.startsWith("default")) {
            id.insert(0, "s_");
        }
        if (RESERVED.contains(lower) || lower.endsWith("_start") || lower.endsWith("_end")
                || lower.endsWith("direction")) {
            id.append('_');
        }
        return id.toString();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
