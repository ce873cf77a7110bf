package org.mbmskeys.engine.dsl;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.FieldNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.PropertyNode;
import org.mbmskeys.engine.model.NameSuggestions;

/**
 * The type checker's "no such property / method" problems, said the way a script author thinks of them:
 * the member that was not found, on which type (without its package), the members that type does have
 * and the closest one. Used by {@link StaticScriptChecks}.
 */
final class TypeMembers {

    /** Longer lists (String has dozens of methods) are cut; the suggestion still looks at all of them. */
    private static final int LISTED = 20;
    private static final Set<String> HIDDEN = Set.of("getMetaClass", "setMetaClass", "invokeMethod", "getProperty",
            "setProperty", "methodMissing", "propertyMissing", "getClass", "hashCode", "equals", "toString", "wait", "notify",
            "notifyAll");

    private TypeMembers() {
    }

    /** "no property 'nme' on Ping; it has: id; did you mean ...?" */
    static String noProperty(String name, ClassNode type) {
        Set<String> properties = properties(type);
        return "no property '" + name + "' on " + simpleName(type) + "; " + listed("it has", properties)
                + suggestion(name, properties);
    }

    /** "no method frob(Integer) on Ping; its methods: getId; did you mean ...?" */
    static String noMethod(String name, List<String> argumentTypes, ClassNode type) {
        Set<String> methods = methods(type);
        return "no method " + name + "(" + String.join(", ", argumentTypes) + ") on " + simpleName(type) + "; "
                + (methods.contains(name) ? "it takes other arguments; " : "") + listed("its methods", methods)
                + (methods.contains(name) ? "" : suggestion(name, methods));
    }

    /** "cannot assign a String to 'attempts', which is an Integer" */
    static String incompatibleAssignment(String target, ClassNode targetType, ClassNode valueType) {
        return "cannot assign " + article(simpleName(valueType)) + " to " + (target == null ? "a variable" : "'" + target + "'")
                + ", which is " + article(simpleName(targetType));
    }

    /** The type as a script names it: {@code Ack}, {@code Integer}, {@code OnSignal}. */
    static String simpleName(ClassNode type) {
        ClassNode t = ClassHelper.isPrimitiveType(type) ? ClassHelper.getWrapper(type) : type;
        String name = t.getNameWithoutPackage();
        return name.substring(name.lastIndexOf('$') + 1);
    }

    static Set<String> properties(ClassNode type) {
        Set<String> out = new TreeSet<>();
        for (ClassNode t = type; t != null && !ClassHelper.OBJECT_TYPE.equals(t); t = t.getSuperClass()) {
            for (PropertyNode p : t.getProperties()) {
                out.add(p.getName());
            }
            for (FieldNode f : t.getFields()) {
                if (f.isPublic() && !f.getName().contains("$")) {
                    out.add(f.getName());
                }
            }
            for (MethodNode m : t.getMethods()) {
                String property = Keywords.propertyOf(m.getName());
                if (m.isPublic() && m.getParameters().length == 0 && property != null && !property.isEmpty()
                        && !HIDDEN.contains(m.getName()) && !ClassHelper.VOID_TYPE.equals(m.getReturnType())) {
                    out.add(property);
                }
            }
            if (t.isRecord()) {
                t.getRecordComponents().forEach(c -> out.add(c.getName()));
            }
        }
        return out;
    }

    static Set<String> methods(ClassNode type) {
        Set<String> out = new TreeSet<>();
        for (ClassNode t = type; t != null && !ClassHelper.OBJECT_TYPE.equals(t); t = t.getSuperClass()) {
            for (MethodNode m : t.getMethods()) {
                if (m.isPublic() && !m.isStaticConstructor() && !m.getName().startsWith("<") && !m.getName().contains("$")
                        && !HIDDEN.contains(m.getName())) {
                    out.add(m.getName());
                }
            }
        }
        return out;
    }

    private static String listed(String label, Set<String> names) {
        if (names.isEmpty()) {
            return label.equals("it has") ? "it has no properties" : "it has no methods";
        }
        List<String> shown = names.stream().limit(LISTED).toList();
        return label + ": " + String.join(", ", shown) + (names.size() > LISTED ? ", ..." : "");
    }

    private static String suggestion(String name, Set<String> candidates) {
        return NameSuggestions.closest(name, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
    }

    private static String article(String noun) {
        return ("AEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
