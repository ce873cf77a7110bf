package org.mbmskeys.engine.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mbmskeys.engine.TestEvents.Go;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.SourceRef;
import org.mbmskeys.engine.model.StateDefinition;
import org.mbmskeys.engine.model.StateKind;
import org.mbmskeys.engine.model.TimerDefinition;
import org.mbmskeys.engine.model.TransitionDefinition;
import org.mbmskeys.engine.model.Trigger;
import org.junit.jupiter.api.Test;

/** Indexing, the least common ancestor, exit and entry paths; an unverified definition fails as a bug. */
class StateTreeTest {

    /** root-level: s { a { a1, a2 }, b }, t */
    private final StateTree tree = StateTree.of(ProcedureDefinition.builder("p")
            .state("s", s -> s.state("a", a -> a.state("a1").state("a2")).state("b"))
            .state("t")
            .build());

    private int i(String name) {
        return tree.index(name);
    }

    private List<String> names(int[] states) {
        return tree.names(states);
    }

    @Test
    void statesAreNumberedInDeclarationOrderParentsFirst() {
        assertThat(names(new int[] {0, 1, 2, 3, 4, 5})).containsExactly("s", "a", "a1", "a2", "b", "t");
        assertThat(tree.parent(i("a1"))).isEqualTo(i("a"));
        assertThat(tree.depth(i("a1"))).isEqualTo(2);
        assertThat(tree.isTopLevel(i("t"))).isTrue();
        assertThat(tree.initial()).isEqualTo(i("s"));
        assertThat(tree.entryLeaf(i("s"))).isEqualTo(i("a1"));
    }

    @Test
    void theLeastCommonAncestorIsTheInnermostProperAncestorOfBoth() {
        assertThat(tree.leastCommonAncestor(i("a1"), i("a2"))).isEqualTo(i("a"));
        assertThat(tree.leastCommonAncestor(i("a1"), i("b"))).isEqualTo(i("s"));
        assertThat(tree.leastCommonAncestor(i("a"), i("a"))).isEqualTo(i("s"));        // self: exit and re-enter
        assertThat(tree.leastCommonAncestor(i("a"), i("a1"))).isEqualTo(i("s"));       // to own child: external
        assertThat(tree.leastCommonAncestor(i("a1"), i("a"))).isEqualTo(i("s"));       // to own ancestor: re-enter it
        assertThat(tree.leastCommonAncestor(i("a1"), i("t"))).isEqualTo(StateTree.NONE);
    }

    @Test
    void exitPathsRunInnermostFirstAndEntryPathsOutermostFirstDownToALeaf() {
        assertThat(names(tree.exitPath(i("a1"), i("s")))).containsExactly("a1", "a");
        assertThat(names(tree.exitPath(i("a1"), StateTree.NONE))).containsExactly("a1", "a", "s");
        assertThat(names(tree.entryPath(i("s"), i("a")))).containsExactly("a", "a1");
        assertThat(names(tree.entryPath(StateTree.NONE, i("a2")))).containsExactly("s", "a", "a2");
        assertThat(names(tree.entryPath(StateTree.NONE, i("t")))).containsExactly("t");
    }

    @Test
    void anUnknownStateNameIsRefusedListingTheStates() {
        assertThatThrownBy(() -> tree.index("x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("procedure 'p' v1 has no state 'x'; states are [s, a, a1, a2, b, t]");
        assertThat(tree.find("x")).isEmpty();
    }

    private static StateDefinition state(String name, String parent, String initialChild, int line,
                                         List<TransitionDefinition> transitions, List<TimerDefinition> timers) {
        return new StateDefinition(name, Optional.ofNullable(parent), Optional.ofNullable(initialChild), StateKind.NORMAL,
                List.of(), List.of(), transitions, timers, new SourceRef("broken.groovy", line, 3));
    }

    @Test
    void anUnverifiedDefinitionIsABugNotAUserMessage() {
        Map<String, StateDefinition> states = new LinkedHashMap<>();
        states.put("a", state("a", "ghost", null, 2, List.of(), List.of()));
        ProcedureDefinition broken = new ProcedureDefinition("broken", 1, "", "", List.of(), Optional.empty(), List.of(),
                states, "a", Optional.empty(), new SourceRef("broken.groovy", 1, 1));

        assertThatThrownBy(() -> StateTree.of(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot index procedure 'broken' v1 (1 states): 'ghost' is not a state; definitions are verified "
                        + "before they reach a backend, so this one was not (a bug in the engine)");
    }

    @Test
    void aParentCycleIsABugToo() {
        Map<String, StateDefinition> states = new LinkedHashMap<>();
        states.put("d", state("d", "e", null, 7, List.of(), List.of()));
        states.put("e", state("e", "d", null, 8, List.of(), List.of()));
        ProcedureDefinition broken = new ProcedureDefinition("broken", 1, "", "", List.of(), Optional.empty(), List.of(),
                states, "d", Optional.empty(), new SourceRef("broken.groovy", 1, 1));

        assertThatThrownBy(() -> StateTree.of(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("state 'd' is its own ancestor");
    }
}
