package org.mbmskeys.engine.dsl;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mbmskeys.engine.model.NameSuggestions;

/**
 * The keywords of each block, read from the public methods of the block's classes (so the lists in
 * messages cannot drift from what a script can call), and the texts of the messages about them. Both the
 * dynamic path (methodMissing at build time) and the static type checker use these texts, so a mistake
 * reads the same whichever way the script is compiled.
 */
final class Keywords {

    private static final Map<BlockKind, Set<String>> KEYWORDS = new EnumMap<>(BlockKind.class);
    private static final Set<String> ACTION_PROPERTIES = new TreeSet<>();
    private static final Set<String> GROOVY_OBJECT = Set.of("getMetaClass", "setMetaClass", "invokeMethod", "getProperty",
            "setProperty");

    static {
        for (BlockKind block : BlockKind.values()) {
            Set<String> words = new TreeSet<>();
            for (Class<?> type : block.keywordClasses()) {
                for (Method m : type.getDeclaredMethods()) {
                    if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || m.isBridge()
                            || Modifier.isStatic(m.getModifiers()) || m.getName().endsWith("Missing")
                            || GROOVY_OBJECT.contains(m.getName())) {
                        continue;
                    }
                    String property = propertyName(m);
                    if (property != null) {
                        ACTION_PROPERTIES.add(property);
                        words.add(property);
                    } else {
                        words.add(m.getName());
                    }
                }
            }
            KEYWORDS.put(block, words);
        }
    }

    /** What a procedure name may look like: it ends up in ids, logs and diagrams. */
    static final Pattern PROCEDURE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");

    private Keywords() {
    }

    /** Every keyword of {@code block}, sorted. */
    static Set<String> of(BlockKind block) {
        return KEYWORDS.get(block);
    }

    /** The properties an action block reads: event, now, attempt, ... */
    static Set<String> actionProperties() {
        return ACTION_PROPERTIES;
    }

    /** A call of {@code name} with arguments of the given (simple) type names went nowhere in {@code block}. */
    static String unknownCall(BlockKind block, String name, List<String> argumentTypes) {
        if (of(block).contains(name)) {
            return name + "(" + String.join(", ", argumentTypes) + ") is not valid " + block.where() + ": expected "
                    + usage(block, name);
        }
        return notAKeyword(block, name, List.of());
    }

    /** A bare name {@code name} (no call) did not resolve in {@code block}. */
    static String unknownName(BlockKind block, String name, Collection<String> variables) {
        if (of(block).contains(name) && !(block == BlockKind.ACTION && ACTION_PROPERTIES.contains(name))) {
            return name + " is not valid " + block.where() + " without arguments: expected " + usage(block, name);
        }
        if (!name.isEmpty() && Character.isUpperCase(name.charAt(0))) {
            return "unknown name '" + name + "' " + block.where() + ": no such keyword, and no class '" + name
                    + "' is imported; import it at the top of the script (import org.example." + name + ")";
        }
        if (block == BlockKind.ACTION) {
            String suggested = NameSuggestions.closest(name, variables).or(() -> NameSuggestions.closest(name, ACTION_PROPERTIES))
                    .map(c -> "did you mean '" + c + "'? ").orElse("");
            return "unknown name '" + name + "' " + block.where() + ": not a procedure variable nor an action property; "
                    + suggested + (variables.isEmpty() ? "variables: none" : "variables: "
                    + String.join(", ", new TreeSet<>(variables))) + "; action properties: " + String.join(", ", ACTION_PROPERTIES);
        }
        return notAKeyword(block, name, variables);
    }

    private static String notAKeyword(BlockKind block, String name, Collection<String> extra) {
        for (BlockKind other : BlockKind.values()) {
            if (other != block && of(other).contains(name)) {
                return "'" + name + "' is not allowed " + block.where() + ": it belongs " + other.where()
                        + "; allowed here: " + String.join(", ", of(block));
            }
        }
        Set<String> candidates = new TreeSet<>(of(block));
        candidates.addAll(extra);
        return "unknown keyword '" + name + "' " + block.where() + "; " + suggestion(name, candidates)
                + "allowed here: " + String.join(", ", of(block));
    }

    private static String suggestion(String name, Collection<String> candidates) {
        return NameSuggestions.closest(name, candidates).map(c -> "did you mean '" + c + "'? ").orElse("");
    }

    /** How keyword {@code name} is written in {@code block}, for "expected ..." texts. */
    static String usage(BlockKind block, String name) {
        return Keyword.named(name).map(k -> k.usage(block)).orElse(name);
    }

    /** Simple type names of runtime arguments, as a script author would write them. */
    static List<String> typeNames(Object[] arguments) {
        List<String> out = new ArrayList<>();
        for (Object a : arguments) {
            out.add(a == null ? "null" : simpleName(a.getClass()));
        }
        return out;
    }

    static String simpleName(Class<?> type) {
        if (groovy.lang.Closure.class.isAssignableFrom(type)) {
            return "Closure";
        }
        if (groovy.lang.GString.class.isAssignableFrom(type)) {
            return "String";
        }
        if (type.isPrimitive()) {
            return boxedName(type);
        }
        return type.getSimpleName();
    }

    private static String boxedName(Class<?> primitive) {
        if (primitive == int.class) {
            return "Integer";
        }
        if (primitive == char.class) {
            return "Character";
        }
        String n = primitive.getName();
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** "event" for the getter name "getEvent", else null. */
    static String propertyOf(String methodName) {
        if (methodName.startsWith("get") && methodName.length() > 3) {
            return Character.toLowerCase(methodName.charAt(3)) + methodName.substring(4);
        }
        return null;
    }

    private static String propertyName(Method m) {
        if (m.getParameterCount() == 0 && m.getName().startsWith("get") && m.getName().length() > 3
                && m.getReturnType() != void.class) {
            return Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
        }
        return null;
    }
}
