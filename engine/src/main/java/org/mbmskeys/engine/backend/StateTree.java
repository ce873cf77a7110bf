package org.mbmskeys.engine.backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.StateDefinition;

/**
 * The state hierarchy of one definition, indexed: state {@code i} is the {@code i}-th state of
 * {@link ProcedureDefinition#states()} in declaration order, so every backend and the runtime number
 * states the same way. It answers the structural questions execution needs (parent, depth, least common
 * ancestor, which states an external transition exits and enters) and is built once per definition.
 *
 * <p>Transition semantics shared by all backends (UML external transitions):
 * <ul>
 *   <li>A transition declared on {@code source} (the current leaf or one of its ancestors) to
 *       {@code target} exits every state from the leaf up to, not including, the <em>least common
 *       ancestor</em>: the innermost state that is a proper ancestor of both {@code source} and
 *       {@code target}. So a self-transition exits and re-enters its state, and a transition from a
 *       composite to its own child exits and re-enters the composite.</li>
 *   <li>It then enters from below the ancestor down to {@code target} (outermost first) and on through
 *       initial children to a leaf.</li>
 * </ul>
 *
 * <p>It indexes definitions the {@link org.mbmskeys.engine.model.DefinitionVerifier} has passed (the
 * runtime verifies every definition when it is deployed) and reports nothing to script authors: a name
 * that is not a state, or a parent cycle, fails {@link #of} as the bug it is.
 *
 * <pre>{@code
 * StateTree tree = StateTree.of(definition);
 * int a = tree.index("a"), b = tree.index("b");
 * int lca = tree.leastCommonAncestor(a, b);
 * int[] exited = tree.exitPath(tree.index("a.leaf"), lca);   // innermost first
 * int[] entered = tree.entryPath(lca, b);                     // outermost first, down to b's initial leaf
 * }</pre>
 */
public final class StateTree {

    /** Index meaning "no state": the root above the top-level states, or no error state. */
    public static final int NONE = -1;

    private final ProcedureDefinition definition;
    private final String[] names;
    private final StateDefinition[] states;
    private final Map<String, Integer> indexByName;
    private final int[] parent;
    private final int[] depth;
    private final int[] initialChild;
    private final int initial;
    private final int error;

    private StateTree(ProcedureDefinition definition) {
        this.definition = definition;
        int n = definition.states().size();
        names = new String[n];
        states = new StateDefinition[n];
        indexByName = new HashMap<>(n * 2);
        int i = 0;
        for (StateDefinition s : definition.states().values()) {
            names[i] = s.name();
            states[i] = s;
            indexByName.put(s.name(), i);
            i++;
        }
        parent = new int[n];
        initialChild = new int[n];
        for (i = 0; i < n; i++) {
            StateDefinition s = states[i];
            parent[i] = s.parent().map(this::known).orElse(NONE);
            initialChild[i] = s.initialChild().map(this::known).orElse(NONE);
        }
        depth = depths();
        initial = known(definition.initialState());
        error = definition.errorState().map(this::known).orElse(NONE);
    }

    /**
     * Indexes {@code definition}, which the {@link org.mbmskeys.engine.model.DefinitionVerifier} has passed.
     *
     * @throws IllegalArgumentException if a name in it is not a state or the states do not form a tree:
     *                                  an unverified definition reached a backend, which is a bug
     */
    public static StateTree of(ProcedureDefinition definition) {
        return new StateTree(definition);
    }

    private int known(String name) {
        Integer idx = indexByName.get(name);
        if (idx == null) {
            throw unverified("'" + name + "' is not a state");
        }
        return idx;
    }

    /** Every state's depth; a parent cycle, which the verifier rejects, fails. */
    private int[] depths() {
        int n = names.length;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            for (int p = parent[i]; p != NONE; p = parent[p]) {
                if (++out[i] > n) {
                    throw unverified("state '" + names[i] + "' is its own ancestor");
                }
            }
        }
        return out;
    }

    private IllegalArgumentException unverified(String what) {
        return new IllegalArgumentException("cannot index " + definition + ": " + what + "; definitions are verified "
                + "before they reach a backend, so this one was not (a bug in the engine)");
    }

    public ProcedureDefinition definition() {
        return definition;
    }

    /** How many states. */
    public int size() {
        return names.length;
    }

    /**
     * The index of state {@code name}.
     *
     * @throws IllegalArgumentException if there is no such state
     */
    public int index(String name) {
        Integer idx = indexByName.get(name);
        if (idx == null) {
            throw new IllegalArgumentException("procedure '" + definition.name() + "' v" + definition.version()
                    + " has no state '" + name + "'; states are " + Arrays.toString(names));
        }
        return idx;
    }

    /** The index of state {@code name}, if there is one. */
    public Optional<Integer> find(String name) {
        return Optional.ofNullable(indexByName.get(name));
    }

    public String name(int state) {
        return names[state];
    }

    public StateDefinition state(int state) {
        return states[state];
    }

    /** The enclosing state, or {@link #NONE} for a top-level state. */
    public int parent(int state) {
        return parent[state];
    }

    /** 0 for top-level states. */
    public int depth(int state) {
        return depth[state];
    }

    public boolean isTopLevel(int state) {
        return parent[state] == NONE;
    }

    /** The index of the definition's initial state. */
    public int initial() {
        return initial;
    }

    /** The index of the definition's error state, or {@link #NONE}. */
    public int error() {
        return error;
    }

    /** Whether {@code ancestor} is {@code state} or encloses it. */
    public boolean isAncestorOrSelf(int ancestor, int state) {
        for (int s = state; s != NONE; s = parent[s]) {
            if (s == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The innermost state that is a proper ancestor of both, or {@link #NONE} (the root). */
    public int leastCommonAncestor(int source, int target) {
        for (int a = parent[source]; a != NONE; a = parent[a]) {
            if (a != target && isAncestorOrSelf(a, target)) {
                return a;
            }
        }
        return NONE;
    }

    /** {@code leaf} and its ancestors up to, not including, {@code stop} ({@link #NONE}: all), innermost first. */
    public int[] exitPath(int leaf, int stop) {
        int count = 0;
        for (int s = leaf; s != stop && s != NONE; s = parent[s]) {
            count++;
        }
        int[] out = new int[count];
        int k = 0;
        for (int s = leaf; s != stop && s != NONE; s = parent[s]) {
            out[k++] = s;
        }
        return out;
    }

    /**
     * The states entered to reach {@code target} from just below {@code stop} ({@link #NONE}: from the top),
     * outermost first, then {@code target}'s initial children down to a leaf.
     */
    public int[] entryPath(int stop, int target) {
        int[] down = exitPath(target, stop);
        int leaf = entryLeaf(target);
        int[] descent = exitPath(leaf, target);
        int[] out = new int[down.length + descent.length];
        for (int k = 0; k < down.length; k++) {
            out[k] = down[down.length - 1 - k];
        }
        for (int k = 0; k < descent.length; k++) {
            out[down.length + k] = descent[descent.length - 1 - k];
        }
        return out;
    }

    /** The leaf reached by entering {@code state}: it, or its initial child's leaf, recursively. */
    public int entryLeaf(int state) {
        int s = state;
        while (initialChild[s] != NONE) {
            s = initialChild[s];
        }
        return s;
    }

    /** Names of {@code states}, in order. */
    public List<String> names(int[] states) {
        List<String> out = new ArrayList<>(states.length);
        for (int s : states) {
            out.add(names[s]);
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "state tree of " + definition;
    }
}
