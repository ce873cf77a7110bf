package org.mbmskeys.engine.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.GString;
import java.util.ArrayList;
import java.util.List;
import org.mbmskeys.engine.model.InputDefinition;
import org.mbmskeys.engine.model.SourceRef;
import org.mbmskeys.engine.model.StateKind;
import org.mbmskeys.engine.model.VariableDefinition;

/**
 * The keywords of a {@code procedure('name') { ... }} block: what the procedure is (description, spec
 * clause), what it starts with (inputs, correlation key), what it remembers (variables) and its states.
 *
 * <pre>{@code
 * procedure('example.push') {
 *     description 'Pushes a key and waits for the acknowledgement'
 *     spec 'TS 33.246 §6.3.2.3'
 *     input 'ue', String
 *     correlateBy 'ue'
 *     variable 'attempts', Integer, 0
 *     initial 'sending'
 *     state('sending') { ... }
 *     finalState 'done'
 *     errorState 'failed'
 * }
 * }</pre>
 */
public final class ProcedureSpec extends DslBlock {

    final String $name;
    final SourceRef $at;
    Given<String> $description;
    Given<String> $spec;
    Given<String> $initial;
    Given<String> $correlateBy;
    Given<String> $errorState;
    final List<InputDefinition> $inputs = new ArrayList<>();
    final List<VariableDefinition> $variables = new ArrayList<>();
    final List<StateSpec> $states = new ArrayList<>();

    ProcedureSpec(BuildContext context, String name, SourceRef at) {
        super(context);
        this.$name = name;
        this.$at = at;
    }

    @Override
    BlockKind kind() {
        return BlockKind.PROCEDURE;
    }

    /** What the procedure does, in a sentence; shown in diagrams and documentation. */
    public void description(String text) {
        SourceRef where = here("description");
        if (named("description", text, where)) {
            $description = once("description", $description, text, where, "give it once");
        }
    }

    /** The specification clause the procedure implements, e.g. {@code 'TS 33.246 §6.3.2.3'}. */
    public void spec(String reference) {
        SourceRef where = here("spec");
        if (named("spec", reference, where)) {
            $spec = once("spec", $spec, reference, where, "give it once");
        }
    }

    /** An input the procedure is started with, and the type its value must have. */
    public void input(String name, Class<?> type) {
        SourceRef where = here("input");
        if (named("input", name, where) && typed("input", type, where)) {
            $inputs.add(new InputDefinition(name, type, where));
        }
    }

    /** The input whose value identifies an instance: messages for that value go to that instance. */
    public void correlateBy(String input) {
        SourceRef where = here("correlateBy");
        if (named("correlateBy", input, where)) {
            $correlateBy = once("correlateBy", $correlateBy, input, where, "a procedure has one correlation key");
        }
    }

    /** A procedure variable of {@code type}, initially null. */
    public void variable(String name, Class<?> type) {
        declareVariable(name, type, null, here("variable"));
    }

    /** A procedure variable of {@code type} with an initial value. */
    public void variable(String name, Class<?> type, Object initialValue) {
        declareVariable(name, type, initialValue, here("variable"));
    }

    /** The state an instance starts in. */
    public void initial(String state) {
        SourceRef where = here("initial");
        if (named("initial", state, where)) {
            $initial = once("initial", $initial, state, where, "a procedure has one initial state");
        }
    }

    /** A state; it may nest states, then it names its initial child with {@code initial 'child'}. */
    public void state(String name, @DelegatesTo(value = StateSpec.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        declareState(name, StateKind.NORMAL, "state", body);
    }

    /** A final state: the procedure ends when it gets there. */
    public void finalState(String name) {
        declareState(name, StateKind.FINAL, "finalState", null);
    }

    /** A final state with entry actions, e.g. {@code finalState('done') { onEntry { emit 'delivered' } }}. */
    public void finalState(String name, @DelegatesTo(value = StateSpec.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        declareState(name, StateKind.FINAL, "finalState", body);
    }

    /** The error state: where an instance goes when an action or guard throws. The procedure ends there. */
    public void errorState(String name) {
        declareState(name, StateKind.ERROR, "errorState", null);
    }

    /** The error state with entry actions, e.g. {@code errorState('failed') { onEntry { emit 'failed' } }}. */
    public void errorState(String name, @DelegatesTo(value = StateSpec.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        declareState(name, StateKind.ERROR, "errorState", body);
    }

    private void declareState(String stateName, StateKind kind, String keyword, Closure<?> body) {
        SourceRef where = here(keyword);
        if (!named(keyword, stateName, where)) {
            return;
        }
        if (kind == StateKind.ERROR) {
            Given<String> first = $errorState;
            $errorState = once("errorState", $errorState, stateName, where, "a procedure has one error state");
            if (first != null) {
                return;
            }
        }
        StateSpec state = new StateSpec($context, stateName, kind, where, null);
        $states.add(state);
        evaluate(body, state);
    }

    private static String article(String noun) {
        return ("AEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private void declareVariable(String variableName, Class<?> type, Object initialValue, SourceRef where) {
        if (!named("variable", variableName, where) || !typed("variable", type, where)) {
            return;
        }
        Object value = initialValue instanceof GString ? initialValue.toString() : initialValue;
        if (Keywords.actionProperties().contains(variableName)) {
            $context.report(where, "variable '" + variableName + "' would be hidden by the action property '" + variableName
                    + "'; choose another name (action properties: " + String.join(", ", Keywords.actionProperties()) + ")");
            return;
        }
        if (value == null && type.isPrimitive()) {
            $context.report(where, "variable '" + variableName + "' has primitive type " + type.getName() + " and needs an initial value, as in "
                    + "variable '" + variableName + "', " + type.getName() + ", 0");
            return;
        }
        VariableDefinition probe = new VariableDefinition(variableName, type, null, where);
        if (value != null && !probe.accepts(value)) {
            $context.report(where, "variable '" + variableName + "' is a " + type.getSimpleName() + " but its initial value "
                    + (value instanceof CharSequence ? "'" + value + "'" : value) + " is " + article(value.getClass().getSimpleName())
                    + "; give a " + type.getSimpleName() + (type == Long.class && value instanceof Integer ? ", e.g. " + value + "L" : ""));
            return;
        }
        $variables.add(new VariableDefinition(variableName, type, value, where));
    }
}
