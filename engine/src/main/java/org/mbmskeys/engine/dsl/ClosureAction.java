package org.mbmskeys.engine.dsl;

import groovy.lang.Closure;
import org.mbmskeys.engine.model.Action;
import org.mbmskeys.engine.model.ActionContext;
import org.mbmskeys.engine.model.ActionFailure;
import org.mbmskeys.engine.model.SourceRef;

/**
 * An action written as a closure. The closure is shared by every instance of the definition, so each call
 * runs a rehydrated copy whose delegate is a fresh {@link ActionScope} over that call's context; the
 * shared closure is never changed. DELEGATE_ONLY: the body sees the action keywords and the local
 * variables it captured, never the build-time blocks around it. What the body throws comes out as an
 * {@link ActionFailure} naming the block and the script line, so a failed instance says where it failed.
 */
final class ClosureAction implements Action {

    private final Closure<?> body;
    private final String role;
    private final SourceRef at;

    ClosureAction(Closure<?> body, String role, SourceRef at) {
        this.body = body;
        this.role = role;
        this.at = at;
    }

    /** The shared closure, for tests. */
    Closure<?> body() {
        return body;
    }

    /** The same action, described as {@code role} (known once the whole transition is read). */
    ClosureAction describedAs(String role) {
        return new ClosureAction(body, role, at);
    }

    @Override
    public void execute(ActionContext context) {
        run(body, context, role, at);
    }

    static Object run(Closure<?> body, ActionContext context, String role, SourceRef at) {
        Closure<?> call = body.rehydrate(new ActionScope(context), body.getOwner(), body.getThisObject());
        call.setResolveStrategy(Closure.DELEGATE_ONLY);
        try {
            return call.call();
        } catch (ActionFailure e) {   // a nested script block already said where
            throw e;
        } catch (Exception | AssertionError e) {   // checked exceptions undeclared; a failed Groovy assert is an Error
            throw new ActionFailure(role, at.file(), ActionFailure.lineIn(e, at.file(), at.line()), e);
        }
    }

    @Override
    public String toString() {
        return role + " at " + at;
    }
}
