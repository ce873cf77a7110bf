package org.mbmskeys.engine.backend.spring;

import java.util.ArrayList;
import java.util.List;
import org.mbmskeys.engine.backend.StateTree;
import org.mbmskeys.engine.model.Action;
import org.mbmskeys.engine.model.StateDefinition;
import org.mbmskeys.engine.model.TransitionDefinition;

/**
 * Everything about one definition that does not change per lane or per event: its routes (one per model
 * transition, in declaration order), for every possible leaf the routes that apply there in the model's
 * priority order (the leaf's own transitions, then its parent's, outwards; each in declaration order), the
 * moves, and the path entered on start. Shared by the lanes' machines, immutable.
 */
final class RouteTable {

    private static final Option[] NO_OPTIONS = new Option[0];

    final StateTree tree;
    final List<Route> routes;
    final Option[][] optionsByLeaf;
    final Moves moves;
    final int[] startPath;

    RouteTable(StateTree tree) {
        this.tree = tree;
        int n = tree.size();
        Action[][] onEntry = new Action[n][];
        Action[][] onExit = new Action[n][];
        List<Route> all = new ArrayList<>();
        List<List<Route>> declaredOn = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            StateDefinition state = tree.state(s);
            onEntry[s] = state.onEntry().toArray(Action[]::new);
            onExit[s] = state.onExit().toArray(Action[]::new);
            List<Route> own = new ArrayList<>();
            for (TransitionDefinition t : state.transitions()) {
                own.add(new Route(tree, s, t));
            }
            all.addAll(own);
            declaredOn.add(own);
        }
        this.routes = List.copyOf(all);
        this.moves = new Moves(onEntry, onExit);
        this.optionsByLeaf = new Option[n][];
        for (int leaf = 0; leaf < n; leaf++) {
            List<Option> options = new ArrayList<>();
            for (int source = leaf; source != StateTree.NONE; source = tree.parent(source)) {
                for (Route r : declaredOn.get(source)) {
                    int[] exits = r.internal() ? null : tree.exitPath(leaf, r.lca);
                    int[] retryExits = r.retry == null ? null : tree.exitPath(leaf, tree.parent(source));
                    options.add(new Option(r, exits, retryExits));
                }
            }
            optionsByLeaf[leaf] = options.isEmpty() ? NO_OPTIONS : options.toArray(Option[]::new);
        }
        this.startPath = tree.entryPath(StateTree.NONE, tree.initial());
    }
}
