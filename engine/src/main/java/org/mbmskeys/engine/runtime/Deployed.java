package org.mbmskeys.engine.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mbmskeys.engine.backend.ExecutableProcedure;
import org.mbmskeys.engine.backend.StateTree;
import org.mbmskeys.engine.model.InputDefinition;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.RetryDefinition;
import org.mbmskeys.engine.model.StateDefinition;
import org.mbmskeys.engine.model.TimerDefinition;
import org.mbmskeys.engine.model.TransitionDefinition;
import org.mbmskeys.engine.model.Trigger;
import org.mbmskeys.engine.model.VariableDefinition;

/**
 * One deployed definition version with the layout of its instance records: values (inputs, then
 * variables) by index, timers by slot, retry counters by slot, and which states end an instance. Shared
 * by every instance that runs this version; immutable after construction.
 */
final class Deployed {

    private static final int[] NO_SLOTS = new int[0];

    final Registry registry;
    final ProcedureDefinition definition;
    final String name;
    final int version;
    final ExecutableProcedure executable;
    final StateTree tree;
    final String[] valueNames;
    final int inputCount;
    final Map<String, Integer> valueIndex;
    final InputDefinition[] inputs;
    final VariableDefinition[] variables;
    final TimerSlot[] timers;
    final int[][] timersOfState;
    final int[] retrySlot;
    final int[] retryState;
    /** Top-level final and error states: reaching one ends the instance. */
    final boolean[] endsInstance;
    final int correlationInput;

    Deployed(Registry registry, ProcedureDefinition definition, ExecutableProcedure executable) {
        this.registry = registry;
        this.definition = definition;
        this.name = definition.name();
        this.version = definition.version();
        this.executable = executable;
        this.tree = executable.tree();
        inputs = definition.inputs().toArray(InputDefinition[]::new);
        variables = definition.variables().toArray(VariableDefinition[]::new);
        inputCount = inputs.length;
        valueNames = new String[inputs.length + variables.length];
        valueIndex = new HashMap<>();
        for (int i = 0; i < inputs.length; i++) {
            valueNames[i] = inputs[i].name();
            valueIndex.put(inputs[i].name(), i);
        }
        for (int v = 0; v < variables.length; v++) {
            valueNames[inputCount + v] = variables[v].name();
            valueIndex.put(variables[v].name(), inputCount + v);
        }
        correlationInput = definition.correlationKey().map(k -> valueIndex.getOrDefault(k, -1)).orElse(-1);

        int n = tree.size();
        List<TimerSlot> slots = new ArrayList<>();
        timersOfState = new int[n][];
        retrySlot = new int[n];
        Arrays.fill(retrySlot, -1);
        List<Integer> retries = new ArrayList<>();
        endsInstance = new boolean[n];
        for (int s = 0; s < n; s++) {
            StateDefinition state = tree.state(s);
            int[] own = state.timers().isEmpty() ? NO_SLOTS : new int[state.timers().size()];
            for (int k = 0; k < own.length; k++) {
                TimerDefinition timer = state.timers().get(k);
                own[k] = slots.size();
                slots.add(new TimerSlot(this, slots.size(), s, timer, retryOf(state, timer)));
            }
            timersOfState[s] = own;
            if (state.transitions().stream().map(TransitionDefinition::retry).anyMatch(r -> r.isPresent())) {
                retrySlot[s] = retries.size();
                retries.add(s);
            }
            endsInstance[s] = state.kind().isTerminal() && tree.isTopLevel(s);
        }
        timers = slots.toArray(TimerSlot[]::new);
        retryState = retries.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The retry of {@code timer}'s transition in {@code state}, or null. */
    private static RetryDefinition retryOf(StateDefinition state, TimerDefinition timer) {
        for (TransitionDefinition t : state.transitions()) {
            if (t.trigger() instanceof Trigger.OnTimer on && on.name().equals(timer.name()) && t.retry().isPresent()) {
                return t.retry().get();
            }
        }
        return null;
    }

    /** The slot of timer {@code timer} declared by {@code state}, or -1. */
    int timerSlot(int state, String timer) {
        for (int slot : timersOfState[state]) {
            if (timers[slot].timer.name().equals(timer)) {
                return slot;
            }
        }
        return -1;
    }

    Object[] initialValues(Object[] inputValues) {
        if (valueNames.length == 0) {
            return null;
        }
        Object[] values = Arrays.copyOf(inputValues, valueNames.length);
        for (int v = 0; v < variables.length; v++) {
            values[inputCount + v] = variables[v].initialValue();
        }
        return values;
    }

    List<String> variableNames() {
        return Arrays.asList(valueNames).subList(inputCount, valueNames.length);
    }

    List<String> inputNames() {
        return Arrays.asList(valueNames).subList(0, inputCount);
    }

    @Override
    public String toString() {
        return "procedure '" + name + "' v" + version;
    }
}
