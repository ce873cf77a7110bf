package org.mbmskeys.engine.dsl;

import groovy.lang.Closure;
import groovy.lang.GroovyObjectSupport;
import java.util.List;
import org.mbmskeys.engine.model.SourceRef;

/**
 * The common part of the script's structural blocks (procedure, state, on, after): a word that is no
 * keyword of the block is reported with where it is, what the block allows instead and a "did you mean",
 * and the build goes on, so one run finds every problem it can. Not for use outside scripts.
 */
public abstract class DslBlock extends GroovyObjectSupport {

    /** Stands for a bare name that did not resolve (reported once); keywords given it stay silent. */
    static final Object UNKNOWN_NAME = new Object() {
        @Override
        public String toString() {
            return "<unknown name>";
        }
    };

    final BuildContext context;

    DslBlock(BuildContext context) {
        this.context = context;
    }

    abstract BlockKind kind();

    /** Groovy calls this for a call that matches no keyword of the block. */
    public Object methodMissing(String name, Object args) {
        Object[] arguments = args instanceof Object[] ? (Object[]) args : new Object[] {args};
        for (Object a : arguments) {
            if (a == UNKNOWN_NAME) {
                return null; // the name itself was reported
            }
        }
        context.report(context.here(name), Keywords.unknownCall(kind(), name, Keywords.typeNames(arguments)));
        return null;
    }

    /** Groovy calls this for a bare name that is no keyword, local variable or imported class. */
    public Object propertyMissing(String name) {
        context.report(context.here(name), Keywords.unknownName(kind(), name, List.of()));
        return UNKNOWN_NAME;
    }

    /** Groovy calls this for an assignment to a name that is no local variable. */
    public void propertyMissing(String name, Object value) {
        context.report(context.here(name), Keywords.unknownName(kind(), name, List.of()));
    }

    SourceRef here(String keyword) {
        return context.here(keyword);
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
            context.scriptFailed(e);
        }
    }

    /** The body of an action-like block as kept in the model: detached from the build-time blocks around it. */
    Closure<?> keep(Closure<?> body) {
        return body.rehydrate(null, context.script(), context.script());
    }

    /** Records a keyword that a block takes once; a second one is reported and ignored. */
    <T> Given<T> once(String keyword, Given<T> previous, T value, SourceRef at, String rule) {
        if (previous != null) {
            context.report(at, "'" + keyword + "' is given twice " + kind().where() + " (first at " + previous.at() + "); " + rule);
            return previous;
        }
        return new Given<>(value, at);
    }

    /** False (and reported) when a name a keyword needs is missing or blank. */
    boolean named(String keyword, String name, SourceRef at) {
        if (name == null || name.isBlank()) {
            context.report(at, keyword + " needs a non-empty name, as in " + Keywords.usage(kind(), keyword));
            return false;
        }
        return true;
    }

    /** False (and reported) when a type a keyword needs is missing. */
    boolean typed(String keyword, Class<?> type, SourceRef at) {
        if (type == null) {
            context.report(at, keyword + " needs a type, as in " + Keywords.usage(kind(), keyword));
            return false;
        }
        return true;
    }
}
