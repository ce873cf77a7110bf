package org.mbmskeys.engine.backend.spring;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.mbmskeys.engine.backend.StateTree;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.configurers.StateConfigurer;
import org.springframework.statemachine.config.builders.StateMachineStateConfigurer;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;

/**
 * Builds the Spring state machine of one definition for one lane: states named as the model's, nested
 * through {@code parent(...)}, and one Spring transition per model transition (two for a bounded retry),
 * whose guard and action go through the lane's {@link Dispatch}. See {@link SpringStatemachineBackend}
 * for the mapping and why it is shaped this way.
 */
final class MachineAssembly {

    private MachineAssembly() {
    }

    /**
     * A machine id made only of {@code [A-Za-z0-9_-]}: Spring uses the id as a regular expression on every
     * notification, and an id with metacharacters silently disables listeners
     * ({@code StateMachineHandlerCallHelper.getCacheEntries} in Spring Statemachine 4.0.2).
     */
    static String machineId(StateTree tree, int lane) {
        String name = tree.definition().name().replaceAll("[^A-Za-z0-9_-]", "_");
        return name + "-v" + tree.definition().version() + "-lane" + lane;
    }

    static StateMachine<String, String> build(RouteTable table, Dispatch dispatch, String machineId) {
        try {
            StateMachineBuilder.Builder<String, String> builder = StateMachineBuilder.builder();
            builder.configureConfiguration()
                    .withConfiguration().machineId(machineId).autoStartup(false)
                    .and()
                    // Our model is verified already, and Spring's verifier refuses valid models (a procedure
                    // with no transition at all, for instance).
                    .withVerifier().enabled(false);
            states(table.tree, builder.configureStates());
            transitions(table, dispatch, builder.configureTransitions());
            StateMachine<String, String> machine = builder.build();
            machine.startReactively().block();
            return machine;
        } catch (Exception e) {
            throw new IllegalStateException("Spring Statemachine could not build machine '" + machineId + "' for "
                    + table.tree.definition() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The top-level region starts in the initial state's top-level ancestor, each composite's region in its
     * initial child. (Only the lane's machine starts there, once; instances are placed by reset.)
     */
    private static void states(StateTree tree, StateMachineStateConfigurer<String, String> states) throws Exception {
        int top = tree.initial();
        while (!tree.isTopLevel(top)) {
            top = tree.parent(top);
        }
        region(tree, StateTree.NONE, tree.name(top), states.withStates());
        for (int s = 0; s < tree.size(); s++) {
            Optional<String> initialChild = tree.state(s).initialChild();
            if (initialChild.isPresent()) {
                region(tree, s, initialChild.get(), states.withStates().parent(tree.name(s)));
            }
        }
    }

    private static void region(StateTree tree, int parent, String initial, StateConfigurer<String, String> region) {
        Set<String> names = new LinkedHashSet<>();
        for (int s = 0; s < tree.size(); s++) {
            if (tree.parent(s) == parent) {
                names.add(tree.name(s));
            }
        }
        region.initial(initial).states(names);
    }

    private static void transitions(RouteTable table, Dispatch dispatch,
                                    StateMachineTransitionConfigurer<String, String> transitions) throws Exception {
        StateTree tree = table.tree;
        for (Route route : table.routes) {
            String source = tree.name(route.source);
            if (route.retry != null) {
                transitions.withExternal().source(source).target(source).event(route.key)
                        .guard(context -> dispatch.permits(route, true))
                        .action(context -> dispatch.perform(route, true));
            }
            if (route.internal()) {
                transitions.withInternal().source(source).event(route.key)
                        .guard(context -> dispatch.permits(route, false))
                        .action(context -> dispatch.perform(route, false));
            } else {
                transitions.withExternal().source(source).target(tree.name(route.target)).event(route.key)
                        .guard(context -> dispatch.permits(route, false))
                        .action(context -> dispatch.perform(route, false));
            }
        }
    }
}
