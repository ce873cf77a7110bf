package org.mbmskeys.engine.dsl;

import groovy.lang.Closure;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;
import org.mbmskeys.engine.model.ActionContext;
import org.mbmskeys.engine.model.Guard;
import org.mbmskeys.engine.model.SourceRef;

/** A guard written as a closure, rehydrated per call like {@link ClosureAction}; its value is read with Groovy truth. */
final class ClosureGuard implements Guard {

    private final Closure<?> body;
    private final SourceRef at;

    ClosureGuard(Closure<?> body, SourceRef at) {
        this.body = body;
        this.at = at;
    }

    @Override
    public boolean test(ActionContext context) {
        return DefaultTypeTransformation.castToBoolean(ClosureAction.run(body, context));
    }

    @Override
    public String toString() {
        return "guard at " + at;
    }
}
