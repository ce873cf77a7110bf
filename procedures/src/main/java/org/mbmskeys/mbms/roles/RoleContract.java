package org.mbmskeys.mbms.roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.mbmskeys.engine.model.DefinitionCheck;
import org.mbmskeys.engine.model.InputDefinition;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.SourcePositions;
import org.mbmskeys.engine.model.StateDefinition;
import org.mbmskeys.engine.model.TransitionDefinition;
import org.mbmskeys.engine.model.Trigger;

/**
 * What a role's Java code expects of the procedures it starts, signals and routes to: for each procedure
 * name, the inputs it is started with, the events it must take and the signals it must handle. Checked like
 * any other rule of a script ({@link DefinitionCheck}), so an operator's script that overrides a shipped one
 * and drops an input or a signal the role relies on is refused at load time, and by
 * {@code mbms-keys procedures check}, rather than failing at the first start.
 *
 * @param role         the role, for messages ({@code BM-SC}, {@code UE})
 * @param expectations by procedure name
 */
public record RoleContract(String role, Map<String, Expectation> expectations) implements DefinitionCheck {

    /**
     * What every script of a role declares: the TS 33.246 clause it implements ({@code spec 'TS 33.246 §...'}) and
     * a description of what it does, which the living documentation and the diagrams show.
     */
    public static final DefinitionCheck CLAUSE_AND_PURPOSE = (definition, where) -> {
        List<Problem> problems = new ArrayList<>();
        if (!definition.specRef().startsWith("TS 33.246 §")) {
            problems.add(new Problem(definition.declaredAt(), "procedure '" + definition.name() + "' names no TS 33.246 "
                    + "clause; add spec 'TS 33.246 §...'"));
        }
        if (definition.description().isBlank()) {
            problems.add(new Problem(definition.declaredAt(), "procedure '" + definition.name() + "' has no description; "
                    + "add description '...' saying what it does"));
        }
        return problems;
    };

    /**
     * @throws IllegalArgumentException if there is no procedure, or the names do not share one namespace
     *                                  ({@code bmsc.}, {@code ue.})
     */
    public RoleContract {
        Objects.requireNonNull(role, "role");
        expectations = Map.copyOf(expectations);
        if (expectations.isEmpty()) {
            throw new IllegalArgumentException("a role contract names at least one procedure");
        }
        String first = expectations.keySet().iterator().next();
        String namespace = first.substring(0, first.indexOf('.') + 1);
        if (namespace.isEmpty() || !expectations.keySet().stream().allMatch(n -> n.startsWith(namespace))) {
            throw new IllegalArgumentException("the procedures of a role share one namespace, as bmsc.msk-push and "
                    + "bmsc.registration do; got " + new TreeSet<>(expectations.keySet()));
        }
    }

    /**
     * What the role expects of one procedure.
     *
     * @param inputs  input name -&gt; type, exactly the inputs the role starts it with
     * @param events  event classes it must take in some state
     * @param signals signal names it must take in some state
     * @param why     one sentence: who starts or signals it and how, for messages
     */
    public record Expectation(Map<String, Class<?>> inputs, Set<Class<?>> events, Set<String> signals, String why) {

        public Expectation {
            inputs = Map.copyOf(inputs);
            events = Set.copyOf(events);
            signals = Set.copyOf(signals);
            Objects.requireNonNull(why, "why");
        }
    }

    /** The procedure names the role relies on. */
    public Set<String> procedures() {
        return expectations.keySet();
    }

    /** The prefix every procedure of the role has: {@code bmsc.}, {@code ue.}. */
    public String namespace() {
        String any = expectations.keySet().iterator().next();
        return any.substring(0, any.indexOf('.') + 1);
    }

    /**
     * For the role's own script folder: refuses a procedure the role does not run (another role's script, a misspelt
     * name). The role would load it and never start it, and the shipped script it displaced would be missing.
     *
     * @param howOverridesWork one sentence for the message: how a script of the folder replaces a shipped one
     */
    public DefinitionCheck onlyItsOwn(String howOverridesWork) {
        Objects.requireNonNull(howOverridesWork, "howOverridesWork");
        return (definition, where) -> expectations.containsKey(definition.name()) ? List.of()
                : List.of(problem(definition, "is not a " + role + " procedure (the " + role + " runs "
                        + String.join(", ", new TreeSet<>(expectations.keySet())) + "); " + howOverridesWork));
    }

    /**
     * For a checker that sees any scripts ({@code mbms-keys procedures check}): a procedure named in the role's
     * {@link #namespace()} is held to what the role holds it to when it loads it: it must be one the role runs, keep
     * this contract and name its clause and purpose ({@link #CLAUSE_AND_PURPOSE}). Other names pass (an
     * integrator's own procedures).
     */
    public DefinitionCheck forItsNamespace() {
        return (definition, where) -> {
            if (!definition.name().startsWith(namespace())) {
                return List.of();
            }
            if (!expectations.containsKey(definition.name())) {
                return List.of(problem(definition, "is not one the " + role + " runs ("
                        + String.join(", ", new TreeSet<>(expectations.keySet())) + "): the " + role
                        + " refuses it when it loads its scripts"));
            }
            List<Problem> problems = new ArrayList<>(CLAUSE_AND_PURPOSE.check(definition, where));
            problems.addAll(check(definition, where));
            return problems;
        };
    }

    @Override
    public List<Problem> check(ProcedureDefinition definition, SourcePositions where) {
        Expectation expected = expectations.get(definition.name());
        if (expected == null) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, Class<?>> declared = definition.inputs().stream()
                .collect(Collectors.toMap(InputDefinition::name, InputDefinition::type));
        expected.inputs().forEach((name, type) -> {
            Class<?> has = declared.get(name);
            if (has == null) {
                problems.add(problem(definition, "must declare input '" + name + "' (" + type.getSimpleName() + "): "
                        + expected.why()));
            } else if (!has.isAssignableFrom(type)) {
                problems.add(problem(definition, "declares input '" + name + "' as " + has.getSimpleName() + ", but the "
                        + role + " gives a " + type.getSimpleName() + ": " + expected.why()));
            }
        });
        declared.keySet().stream().filter(name -> !expected.inputs().containsKey(name)).sorted().forEach(name ->
                problems.add(problem(definition, "declares input '" + name + "', which the " + role + " does not give: "
                        + expected.why())));
        List<Trigger> triggers = new ArrayList<>();
        for (StateDefinition state : definition.states().values()) {
            for (TransitionDefinition t : state.transitions()) {
                triggers.add(t.trigger());
            }
        }
        for (Class<?> event : expected.events()) {
            boolean taken = triggers.stream().anyMatch(t -> t instanceof Trigger.OnEvent e && e.type().isAssignableFrom(event));
            if (!taken) {
                problems.add(problem(definition, "takes no " + event.getSimpleName() + " in any state: " + expected.why()));
            }
        }
        for (String signal : expected.signals()) {
            if (!triggers.contains(Trigger.signal(signal))) {
                problems.add(problem(definition, "handles no signal '" + signal + "' in any state: " + expected.why()));
            }
        }
        return problems;
    }

    private Problem problem(ProcedureDefinition definition, String text) {
        return new Problem(definition.declaredAt(), "procedure '" + definition.name() + "' " + text);
    }
}
