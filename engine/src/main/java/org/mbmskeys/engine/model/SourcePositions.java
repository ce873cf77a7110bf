package org.mbmskeys.engine.model;

/**
 * Finer positions than the model keeps, for {@link DefinitionVerifier} messages. The model records where
 * each procedure, state, transition, timer, input and variable was declared; a script also knows where
 * the {@code initial}, {@code goTo} and {@code correlateBy} words were, so a problem with one of those
 * points at that word instead of at the enclosing declaration.
 *
 * <p>Every method defaults to the enclosing declaration, which is what a definition built in Java gets
 * ({@link #OF_MODEL}).
 *
 * <pre>{@code
 * List<Problem> problems = DefinitionVerifier.verify(definition, SourcePositions.OF_MODEL);
 * }</pre>
 */
public interface SourcePositions {

    /** Positions taken from the model alone. */
    SourcePositions OF_MODEL = new SourcePositions() {
    };

    /** Where the procedure's initial state was named. */
    default SourceRef initialState(ProcedureDefinition procedure) {
        return procedure.declaredAt();
    }

    /** Where {@code state}'s initial child was named. */
    default SourceRef initialChild(StateDefinition state) {
        return state.declaredAt();
    }

    /** Where {@code transition}'s target was named. */
    default SourceRef target(TransitionDefinition transition) {
        return transition.declaredAt();
    }

    /** Where the correlation key was named. */
    default SourceRef correlationKey(ProcedureDefinition procedure) {
        return procedure.declaredAt();
    }
}
