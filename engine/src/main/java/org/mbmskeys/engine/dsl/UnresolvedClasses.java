package org.mbmskeys.engine.dsl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mbmskeys.engine.model.Problem;

/**
 * Classes the compiler could not resolve. Groovy stops before the type checker and before the script runs
 * when a class does not resolve, so one bad import would hide every other problem of the script. The
 * script is therefore compiled a second time with a stand-in for each such class (its import blanked out,
 * an empty class of its name appended, so that every position stays where it was); the problems of that
 * compile that do not mention a stood-in class are the script's other problems. Those that do mention
 * one are consequences of the class being unknown, reported once already.
 */
final class UnresolvedClasses {

    private static final Pattern UNRESOLVED = Pattern.compile("unable to resolve class ([\\w.$]+)");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+([\\w.]+)(?:\\s+as\\s+(\\w+))?\\s*;?\\s*$");

    /** Per line, the simple name a stand-in class needs (null for an import to blank out only). */
    private final Map<Integer, String> byLine = new LinkedHashMap<>();

    /** True if this compiler message says class resolution failed, and the class is noted. */
    boolean note(String message, int line, String[] lines) {
        Matcher m = UNRESOLVED.matcher(message);
        if (!m.lookingAt() || line < 1 || line > lines.length) {
            return false;
        }
        String name = m.group(1);
        Matcher imported = IMPORT.matcher(lines[line - 1]);
        if (imported.matches()) {
            String as = imported.group(2) != null ? imported.group(2) : name.substring(name.lastIndexOf('.') + 1);
            byLine.put(line, as);
            return true;
        }
        if (name.indexOf('.') >= 0 || name.indexOf('$') >= 0) {
            return false; // a qualified name cannot be stood in for by a class of the script
        }
        byLine.putIfAbsent(-byLine.size() - 1, name); // not on an import line: nothing to blank out
        return true;
    }

    boolean isEmpty() {
        return byLine.isEmpty();
    }

    /** The text with the failed imports blanked and a stand-in class for each unresolved name appended. */
    String standIns(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder classes = new StringBuilder();
        for (Map.Entry<Integer, String> e : byLine.entrySet()) {
            if (e.getKey() > 0) {
                lines[e.getKey() - 1] = " ".repeat(lines[e.getKey() - 1].length());
            }
        }
        for (String name : Set.copyOf(byLine.values())) {
            classes.append("\nclass ").append(name).append(" {}");
        }
        return String.join("\n", lines) + classes;
    }

    /**
     * Whether {@code problem} is about a class that was stood in for: the same report again ("class Nope",
     * "'Nope'") or a consequence of its being empty ("no property 'x' on Nope", "cannot assign a Nope").
     */
    boolean mentionsOne(Problem problem) {
        for (String name : byLine.values()) {
            String word = Pattern.quote(name);
            if (Pattern.compile("\\b(?:on|class|an?) " + word + "\\b|'" + word + "'").matcher(problem.message()).find()) {
                return true;
            }
        }
        return false;
    }
}
