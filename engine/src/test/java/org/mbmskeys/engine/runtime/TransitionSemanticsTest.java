package org.mbmskeys.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mbmskeys.engine.model.ProcedureBuilder.StateBuilder;
import org.mbmskeys.engine.Harness;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.TestEvents.Go;
import org.mbmskeys.engine.TestEvents.Leave;
import org.mbmskeys.engine.TestEvents.Hello;
import org.mbmskeys.engine.TestEvents.Message;
import org.mbmskeys.engine.TestEvents.Ping;
import org.mbmskeys.engine.TestEvents.Stop;
import org.mbmskeys.engine.model.ProcedureBuilder;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Nested states: entry outermost first, exit innermost first, exits stop at the least common ancestor,
 * transitions of enclosing states apply inside, the innermost matching transition wins.
 */
@OnBothBackends
class TransitionSemanticsTest {

    @Parameter
    String backend;

    private final List<String> log = new ArrayList<>();

    /** Logs "enter x" / "exit x" for a state. */
    private StateBuilder logged(StateBuilder s, String name) {
        return s.onEntry(ctx -> log.add("enter " + name)).onExit(ctx -> log.add("exit " + name));
    }

    /**
     * <pre>
     * session { a { a1, a2 }, b }, done
     * </pre>
     */
    private ProcedureDefinition nested() {
        return ProcedureDefinition.builder("p")
                .state("session", s -> logged(s, "session")
                        .state("a", a -> logged(a, "a")
                                .state("a1", a1 -> logged(a1, "a1")
                                        .on(Go.class, t -> t.action(ctx -> log.add("action a1->a2")).to("a2"))
                                        .on(Ping.class, t -> t.action(ctx -> log.add("action a1->b")).to("b")))
                                .state("a2", a2 -> logged(a2, "a2")
                                        .on(Go.class, t -> t.action(ctx -> log.add("action a2->a2")).to("a2")))
                                .on(Hello.class, t -> t.action(ctx -> log.add("action a->a1")).to("a1")))
                        .state("b", b -> logged(b, "b"))
                        .on(Stop.class, t -> t.action(ctx -> log.add("action session->done")).to("done")))
                .finalState("done")
                .errorState("failed")
                .build();
    }

    @Test
    void startEntersTheInitialStateAndItsInitialChildrenOutermostFirst() {
        Harness h = Harness.of(backend, nested());
        h.engine.start("p", "k", Map.of());

        assertThat(log).containsExactly("enter session", "enter a", "enter a1");
        assertThat(h.state("p", "k")).isEqualTo("a1");
        assertThat(h.trace("p", "k").steps()).containsExactly(new Step.Started(List.of("session", "a", "a1"), "a1"));
    }

    @Test
    void siblingTransitionExitsOnlyTheSourceThenRunsActionsThenEntersTheTarget() {
        Harness h = Harness.of(backend, nested());
        h.engine.start("p", "k", Map.of());
        log.clear();

        h.engine.send("p", "k", new Go());

        assertThat(log).containsExactly("exit a1", "action a1->a2", "enter a2");
        assertThat(h.journal.steps.get(1))
                .isEqualTo(new Step.Transitioned("a1", "a1", "Go", List.of("a1"), List.of("a2"), "a2"));
    }

    @Test
    void transitionToAStateOutsideTheCompositeExitsInnermostFirstUpToTheCommonAncestor() {
        Harness h = Harness.of(backend, nested());
        h.engine.start("p", "k", Map.of());
        log.clear();

        h.engine.send("p", "k", new Ping());   // a1 -> b: leaves a1 and a, session stays entered

        assertThat(log).containsExactly("exit a1", "exit a", "action a1->b", "enter b");
        assertThat(h.state("p", "k")).isEqualTo("b");
    }

    @Test
    void selfTransitionExitsAndReentersTheState() {
        Harness h = Harness.of(backend, nested());
        h.engine.start("p", "k", Map.of());
        h.engine.send("p", "k", new Go());
        log.clear();

        h.engine.send("p", "k", new Go());   // a2 -> a2

        assertThat(log).containsExactly("exit a2", "action a2->a2", "enter a2");
    }

    @Test
    void transitionFromACompositeToItsOwnChildExitsAndReentersTheComposite() {
        Harness h = Harness.of(backend, nested());
        h.engine.start("p", "k", Map.of());
        h.engine.send("p", "k", new Go());   // in a2
        log.clear();

        h.engine.send("p", "k", new Hello("x"));   // declared on a, to a1: external, so a is left and entered again

        assertThat(log).containsExactly("exit a2", "exit a", "action a->a1", "enter a", "enter a1");
        assertThat(h.journal.steps.get(h.journal.steps.size() - 1))
                .isEqualTo(new Step.Transitioned("a2", "a", "Hello", List.of("a2", "a"), List.of("a", "a1"), "a1"));
    }

    @Test
    void transitionOfAnEnclosingStateAppliesInEveryDescendantAndExitsAllTheWayUp() {
        Harness h = Harness.of(backend, nested());
        h.engine.start("p", "k", Map.of());
        log.clear();

        h.engine.send("p", "k", new Stop());   // declared on session; the leaf is a1

        assertThat(log).containsExactly("exit a1", "exit a", "exit session", "action session->done");
        assertThat(h.journal.ended).hasSize(1);
        assertThat(h.journal.ended.get(0).last().state()).isEqualTo("done");
    }

    @Test
    void innermostMatchingTransitionWinsOverAnAncestors() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("outer", o -> o
                        .state("inner", i -> i.on(Go.class, "innerTarget"))
                        .state("innerTarget")
                        .on(Go.class, "outerTarget"))
                .state("outerTarget", s -> s.on(Leave.class, "left"))
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Go());

        assertThat(h.state("p", "k")).isEqualTo("innerTarget");
    }

    @Test
    void anEventTypeMatchesItsSubtypes() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Message.class, "b"))
                .state("b", s -> s.on(Leave.class, "left"))
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Hello("ue"));

        assertThat(h.state("p", "k")).isEqualTo("b");
    }

    @Test
    void internalTransitionRunsItsActionsWithoutExitingOrEntering() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .variable("pings", Integer.class, 0)
                .state("a", s -> logged(s, "a").on(Leave.class, "left")
                        .on(Ping.class, t -> t.action(ctx -> ctx.set("pings", (Integer) ctx.get("pings") + 1))))
                .errorState("failed")
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k", Map.of());
        log.clear();

        h.engine.send("p", "k", new Ping());
        h.engine.send("p", "k", new Ping());

        assertThat(log).isEmpty();
        assertThat(h.engine.instance("p", "k").orElseThrow().variables()).containsEntry("pings", 2);
        assertThat(h.journal.steps.get(2)).isEqualTo(new Step.Internal("a", "a", "Ping"));
    }

    @Test
    void anActionSeesTheStateBeingEnteredAndTheEventBeingHandled() {
        List<String> seen = new ArrayList<>();
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Go.class, t -> t.action(ctx -> seen.add("action in " + ctx.state() + " on "
                        + ctx.event().getClass().getSimpleName())).to("b")))
                .state("b", s -> s.on(Leave.class, "left").onEntry(ctx -> seen.add("entry in " + ctx.state())))
                .errorState("failed")
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Go());

        assertThat(seen).containsExactly("action in a on Go", "entry in b");
    }

    @Test
    void aNestedFinalStateDoesNotEndTheInstanceButATopLevelOneDoes() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("outer", o -> o
                        .state("working", w -> w.on(Go.class, "finished"))
                        .finalState("finished")
                        .on(Stop.class, "done"))
                .finalState("done")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Go());
        assertThat(h.state("p", "k")).isEqualTo("finished");
        assertThat(h.journal.ended).isEmpty();

        h.engine.send("p", "k", new Stop());
        assertThat(h.state("p", "k")).isEqualTo("(none)");
        assertThat(h.journal.ended).extracting(e -> e.last().state()).containsExactly("done");
    }
}
