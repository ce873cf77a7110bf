package org.mbmskeys.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, shared procedure definition: the states (nested), transitions, timers, inputs and
 * variables of one procedure, with the spec clause it implements. Built once (by the Groovy DSL or in
 * Java with {@link #builder(String)}), verified by {@link DefinitionVerifier} when a script is compiled and
 * whenever it is deployed, then used by every instance.
 *
 * <p>Structural consistency (parents, initial children, state names) is checked here and throws
 * {@link IllegalArgumentException}; the user-facing checks that collect every problem with its position
 * are the verifier's.
 *
 * @param version        grows when a reloaded script replaces the definition; instances keep theirs. Only
 *                       a label: numbers restart at 1 when a repository is built anew
 * @param correlationKey the input whose value identifies an instance, if any
 * @param states         in declaration order
 * @param fingerprint    the durable identity of what the definition does, kept in every instance record:
 *                       a stored instance is bound after a restart to the deployed definition with its
 *                       fingerprint, whatever its number (see {@link Fingerprints}). Given as null, it is
 *                       taken from the structure; the DSL gives the fingerprint of the script text
 */
public record ProcedureDefinition(String name, int version, String description, String specRef,
                                  List<InputDefinition> inputs, Optional<String> correlationKey,
                                  List<VariableDefinition> variables, Map<String, StateDefinition> states,
                                  String initialState, Optional<String> errorState, SourceRef declaredAt,
                                  String fingerprint) {

    public ProcedureDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(specRef, "specRef");
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(correlationKey, "correlationKey");
        variables = List.copyOf(variables);
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
        Objects.requireNonNull(initialState, "initialState");
        Objects.requireNonNull(errorState, "errorState");
        Objects.requireNonNull(declaredAt, "declaredAt");
        for (var e : states.entrySet()) {
            if (!e.getKey().equals(e.getValue().name())) {
                throw new IllegalArgumentException("state map key '" + e.getKey() + "' names state '" + e.getValue().name() + "'");
            }
        }
        if (fingerprint == null) {
            fingerprint = Fingerprints.ofStructure(name, inputs, correlationKey, variables, states, initialState, errorState);
        }
    }

    /** A definition whose fingerprint is taken from its structure (see {@link Fingerprints}). */
    public ProcedureDefinition(String name, int version, String description, String specRef, List<InputDefinition> inputs,
                               Optional<String> correlationKey, List<VariableDefinition> variables,
                               Map<String, StateDefinition> states, String initialState, Optional<String> errorState,
                               SourceRef declaredAt) {
        this(name, version, description, specRef, inputs, correlationKey, variables, states, initialState, errorState,
                declaredAt, null);
    }

    /** A builder for a definition written in Java; see {@link ProcedureBuilder}. */
    public static ProcedureBuilder builder(String name) {
        return new ProcedureBuilder(name);
    }

    /** This definition as version {@code newVersion}: a reloaded script gets the next version number. */
    public ProcedureDefinition withVersion(int newVersion) {
        return new ProcedureDefinition(name, newVersion, description, specRef, inputs, correlationKey, variables, states,
                initialState, errorState, declaredAt, fingerprint);
    }

    /**
     * This definition with the fingerprint {@code newFingerprint}, e.g. {@link Fingerprints#ofText} of the
     * text it was built from, or a tag of your own for a definition built in Java whose closures changed.
     */
    public ProcedureDefinition withFingerprint(String newFingerprint) {
        Objects.requireNonNull(newFingerprint, "newFingerprint");
        return new ProcedureDefinition(name, version, description, specRef, inputs, correlationKey, variables, states,
                initialState, errorState, declaredAt, newFingerprint);
    }

    /** The state {@code stateName}. */
    public StateDefinition state(String stateName) {
        StateDefinition s = states.get(stateName);
        if (s == null) {
            throw new IllegalArgumentException("procedure '" + name + "' has no state '" + stateName + "'; states are "
                    + states.keySet());
        }
        return s;
    }

    public boolean hasState(String stateName) {
        return states.containsKey(stateName);
    }

    /** The direct children of {@code stateName}, in declaration order. */
    public List<StateDefinition> children(String stateName) {
        List<StateDefinition> out = new ArrayList<>();
        for (StateDefinition s : states.values()) {
            if (s.parent().filter(stateName::equals).isPresent()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The top-level states, in declaration order. */
    public List<StateDefinition> topLevelStates() {
        return states.values().stream().filter(s -> s.parent().isEmpty()).toList();
    }

    /** {@code stateName} and its ancestors, innermost first. */
    public List<String> path(String stateName) {
        List<String> out = new ArrayList<>();
        Optional<String> s = Optional.of(stateName);
        while (s.isPresent()) {
            out.add(s.get());
            s = state(s.get()).parent();
        }
        return out;
    }

    /** The leaf reached by entering {@code stateName}: it, or its initial child's leaf, recursively. */
    public String entryLeaf(String stateName) {
        String s = stateName;
        while (state(s).initialChild().isPresent()) {
            s = state(s).initialChild().get();
        }
        return s;
    }

    public Optional<InputDefinition> input(String inputName) {
        return inputs.stream().filter(i -> i.name().equals(inputName)).findFirst();
    }

    public Optional<VariableDefinition> variable(String variableName) {
        return variables.stream().filter(v -> v.name().equals(variableName)).findFirst();
    }

    @Override
    public String toString() {
        return "procedure '" + name + "' v" + version + " (" + states.size() + " states)";
    }
}
