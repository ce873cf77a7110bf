package org.mbmskeys.engine.dsl;

import groovy.lang.Closure;
import groovy.lang.GroovyObjectSupport;
import groovy.lang.MetaClass;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.List;
import org.mbmskeys.engine.model.SourceRef;

/**
 * The common part of the script's structural blocks (procedure, state, on, after): a word that is no
 * keyword of the block is reported with where it is, what the block allows instead and a "did you mean",
 * and the build goes on, so one run finds every problem it can. Not for use outside scripts.
 */
public abstract class DslBlock extends GroovyObjectSupport {

    // Fields of block classes start with $ so that no word of a script can name one: Groovy resolves a
    // bare word to a field of any visibility before it calls propertyMissing.
    final BuildContext $context;

    DslBlock(BuildContext context) {
        this.$context = context;
    }

    /** Scripts see the keywords only; see {@link BlockMetaClass}. */
    @Override
    public MetaClass getMetaClass() {
        return BlockMetaClass.of(getClass());
    }

    @Override
    public void setMetaClass(MetaClass metaClass) {
        throw new UnsupportedOperationException("a DSL block's meta class is fixed");
    }

    abstract BlockKind kind();

    /** Groovy calls this for a call that matches no keyword of the block. */
    public Object methodMissing(String name, Object args) {
        Object[] arguments = args instanceof Object[] ? (Object[]) args : new Object[] {args};
        if (recover(name, arguments)) {
            return null; // the unknown word itself was reported
        }
        $context.report($context.here(name), Keywords.unknownCall(kind(), name, Keywords.typeNames(arguments)));
        return new UnknownName(name, true);
    }

    /** Groovy calls this for a bare name that is no keyword, local variable or imported class. */
    public Object propertyMissing(String name) {
        $context.report($context.here(name), Keywords.unknownName(kind(), name, List.of()));
        return new UnknownName(name, false);
    }

    /** Groovy calls this for an assignment to a name that is no local variable. */
    public void propertyMissing(String name, Object value) {
        $context.report($context.here(name), Keywords.unknownName(kind(), name, List.of()));
    }

    /**
     * A keyword was given an unknown word (already reported): call it again with stand-ins for the word
     * ({@link UnknownName#standIn}) if they fit one of its forms. True if there was such a word.
     */
    private boolean recover(String name, Object[] arguments) {
        boolean unknown = false;
        for (Object a : arguments) {
            unknown |= a instanceof UnknownName;
        }
        if (!unknown) {
            return false;
        }
        for (Method form : getClass().getMethods()) {
            if (form.getName().equals(name) && form.getParameterCount() == arguments.length) {
                Object[] recovered = standIns(form.getParameterTypes(), arguments);
                if (recovered != null) {
                    getMetaClass().invokeMethod(this, name, recovered);
                    return true;
                }
            }
        }
        return true;
    }

    /** The arguments with stand-ins for unknown words, or null if they do not fit {@code types}. */
    private static Object[] standIns(Class<?>[] types, Object[] arguments) {
        Object[] out = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            Object a = arguments[i] instanceof UnknownName u ? u.standIn(types[i]) : arguments[i];
            if (a == null ? types[i].isPrimitive() || arguments[i] instanceof UnknownName : !boxed(types[i]).isInstance(a)) {
                return null;
            }
            out[i] = a;
        }
        return out;
    }

    private static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
    }

    SourceRef here(String keyword) {
        return $context.here(keyword);
    }

    /** Runs a block body once, against {@code delegate}, without touching the script's closure. */
    void evaluate(Closure<?> body, DslBlock delegate) {
        if (body == null) {
            return;
        }
        Closure<?> call = body.rehydrate(delegate, body.getOwner(), body.getThisObject());
        call.setResolveStrategy(Closure.DELEGATE_ONLY);
        try {
            call.call();
        } catch (Exception e) {
            $context.scriptFailed(e);
        }
    }

    /** The body of an action-like block as kept in the model: detached from the build-time blocks around it. */
    Closure<?> keep(Closure<?> body) {
        return body.rehydrate(null, $context.script(), $context.script());
    }

    /** Records a keyword that a block takes once; a second one is reported and ignored. */
    <T> Given<T> once(String keyword, Given<T> previous, T value, SourceRef at, String rule) {
        if (previous != null) {
            $context.report(at, "'" + keyword + "' is given twice " + kind().where() + " (first at " + previous.at() + "); " + rule);
            return previous;
        }
        return new Given<>(value, at);
    }

    /** False (and reported) when a name a keyword needs is missing or blank. */
    boolean named(String keyword, String name, SourceRef at) {
        if (name == null || name.isBlank()) {
            $context.report(at, keyword + " needs a non-empty name, as in " + Keywords.usage(kind(), keyword));
            return false;
        }
        return true;
    }

    /** False (and reported) when a type a keyword needs is missing. */
    boolean typed(String keyword, Class<?> type, SourceRef at) {
        if (type == null) {
            $context.report(at, keyword + " needs a type, as in " + Keywords.usage(kind(), keyword));
            return false;
        }
        return true;
    }
}
