package org.mbmskeys.engine.dsl;

import groovy.lang.Closure;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;
import org.mbmskeys.engine.model.ActionContext;
import org.mbmskeys.engine.model.Guard;
import org.mbmskeys.engine.model.SourceRef;

/**
 * A guard written as a closure, rehydrated per call like {@link ClosureAction}; its value is read with
 * Groovy truth. What it throws comes out as an {@link org.mbmskeys.engine.model.ActionFailure} naming the
 * guard and the script line.
 */
final class ClosureGuard implements Guard {

    private final Closure<?> body;
    private final String role;
    private final SourceRef at;

    ClosureGuard(Closure<?> body, SourceRef at) {
        this(body, "guard", at);
    }

    private ClosureGuard(Closure<?> body, String role, SourceRef at) {
        this.body = body;
        this.role = role;
        this.at = at;
    }

    /** The same guard, described as {@code role} (known once the whole transition is read). */
    ClosureGuard describedAs(String role) {
        return new ClosureGuard(body, role, at);
    }

    @Override
    public boolean test(ActionContext context) {
        return DefaultTypeTransformation.castToBoolean(ClosureAction.run(body, context, role, at));
    }

    @Override
    public String toString() {
        return role + " at " + at;
    }
}
