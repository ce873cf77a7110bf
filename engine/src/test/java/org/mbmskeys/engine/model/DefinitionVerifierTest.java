package org.mbmskeys.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.engine.model.Definitions.child;
import static org.mbmskeys.engine.model.Definitions.errorState;
import static org.mbmskeys.engine.model.Definitions.finalState;
import static org.mbmskeys.engine.model.Definitions.initialChild;
import static org.mbmskeys.engine.model.Definitions.line;
import static org.mbmskeys.engine.model.Definitions.on;
import static org.mbmskeys.engine.model.Definitions.onTimer;
import static org.mbmskeys.engine.model.Definitions.procedure;
import static org.mbmskeys.engine.model.Definitions.state;
import static org.mbmskeys.engine.model.Definitions.timer;
import static org.mbmskeys.engine.model.Definitions.withAction;
import static org.mbmskeys.engine.model.Definitions.withEntry;
import static org.mbmskeys.engine.model.Definitions.withTimers;
import static org.mbmskeys.engine.model.Definitions.withVariables;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier on definitions built in Java: every check, with its exact message. */
class DefinitionVerifierTest {

    record Ack() {
    }

    private static List<String> problems(ProcedureDefinition d) {
        return DefinitionVerifier.verify(d).stream().map(Problem::toString).toList();
    }

    @Test
    void acceptsASoundProcedure() {
        ProcedureDefinition d = procedure("a", "failed", List.of(), null,
                withEntry(state("a", 2, on(Ack.class, "done", 3))), finalState("done", 4), errorState("failed", 5));

        assertThat(problems(d)).isEmpty();
        assertThat(DefinitionVerifier.requireValid(d)).isSameAs(d);
    }

    @Test
    void requireValidThrowsWithEveryProblemAndACount() {
        ProcedureDefinition d = procedure("a", state("a", 2, on(Ack.class, "nowhere", 3)), state("b", 4));

        assertThatThrownBy(() -> DefinitionVerifier.requireValid(d))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessage("""
                        java:3:1: on(Ack) in state 'a' goes to 'nowhere', which is not a state; declared states: a, b
                        java:4:1: state 'b' is unreachable: no transition from the initial state 'a' leads to it; add goTo 'b' \
                        to a transition, or remove the state
                        2 problems in 1 file""");
    }

    @Test
    void reportsAProcedureWithoutStates() {
        assertThat(problems(procedure("a"))).containsExactly(
                "java:1:1: procedure 'p' has no states; declare at least one state('name') { ... } and a finalState 'name'");
    }

    @Test
    void reportsAnUnknownInitialState() {
        assertThat(problems(procedure("strat", state("start", 2, on(Ack.class, "done", 3)), finalState("done", 4))))
                .containsExactly("java:1:1: initial state 'strat' is not a state of procedure 'p'; did you mean 'start'? "
                        + "declared states: done, start");
    }

    @Test
    void reportsAnUnknownTarget() {
        assertThat(problems(procedure("a", state("a", 2, on(Ack.class, "dnoe", 3), on(String.class, "done", 4)), finalState("done", 5))))
                .containsExactly("java:3:1: on(Ack) in state 'a' goes to 'dnoe', which is not a state; did you mean 'done'? "
                        + "declared states: a, done");
    }

    @Test
    void reportsAnUnknownParentAndSkipsChecksThatNeedTheTree() {
        assertThat(problems(procedure("a", child(state("a", 2, on(Ack.class, "done", 3)), "top"), finalState("done", 4))))
                .containsExactly("java:2:1: state 'a' names parent 'top', which is not a state; declared states: a, done");
    }

    @Test
    void reportsAStateThatIsItsOwnAncestor() {
        ProcedureDefinition d = procedure("a", child(initialChild(state("a", 2), "b"), "b"), child(initialChild(state("b", 3), "a"), "a"));

        assertThat(problems(d)).contains(
                "java:2:1: state 'a' is its own ancestor (a in b in a); states nest as a tree: give it a parent outside itself",
                "java:3:1: state 'b' is its own ancestor (b in a in b); states nest as a tree: give it a parent outside itself");
    }

    @Test
    void reportsACompositeStateWithoutInitialChild() {
        ProcedureDefinition d = procedure("outer", state("outer", 2, on(Ack.class, "done", 3)), child(state("x", 4), "outer"),
                child(state("y", 5), "outer"), finalState("done", 6));

        assertThat(problems(d)).containsExactly("java:2:1: state 'outer' has child states but no initial child; "
                        + "add initial 'x' inside state('outer') (children: x, y)",
                "java:5:1: state 'y' is unreachable: no transition from the initial state 'outer' leads to it; add goTo 'y' to "
                        + "a transition, or remove the state");
    }

    @Test
    void reportsAnInitialChildThatIsNoChild() {
        ProcedureDefinition d = procedure("outer", initialChild(state("outer", 2, on(Ack.class, "done", 3)), "z"),
                child(state("x", 4), "outer"), finalState("done", 6));
        ProcedureDefinition leaf = procedure("a", initialChild(state("a", 2, on(Ack.class, "done", 3)), "x"), finalState("done", 6));

        assertThat(problems(d)).containsExactly(
                "java:2:1: initial child 'z' of state 'outer' is not one of its children; children of 'outer': x");
        assertThat(problems(leaf)).containsExactly("java:2:1: state 'a' names initial child 'x' but has no child states; "
                + "declare state('x') { ... } inside it, or remove the initial");
    }

    @Test
    void reportsErrorStateMistakes() {
        ProcedureDefinition unknown = procedure("a", "failde", List.of(), null, state("a", 2, on(Ack.class, "done", 3)),
                finalState("done", 4), errorState("failed", 5));
        ProcedureDefinition normal = procedure("a", "done", List.of(), null, state("a", 2, on(Ack.class, "done", 3)),
                state("done", 4, on(Ack.class, "a", 5)));
        ProcedureDefinition second = procedure("a", "failed", List.of(), null, withEntry(state("a", 2, on(Ack.class, "done", 3))),
                finalState("done", 4), errorState("failed", 5), errorState("broken", 6));

        assertThat(problems(unknown)).contains("java:1:1: error state 'failde' is not a state of procedure 'p'; "
                + "did you mean 'failed'? declared states: a, done, failed");
        assertThat(problems(normal)).containsExactly(
                "java:4:1: the error state 'done' is declared as a NORMAL state; declare it with errorState 'done'");
        assertThat(problems(second)).contains("java:6:1: state 'broken' is an error state, but the procedure's error state "
                + "is 'failed'; a procedure has exactly one error state");
    }

    @Test
    void requiresAnErrorStateWhenAnActionOrGuardMayFail() {
        ProcedureDefinition d = procedure("a", withEntry(state("a", 2, on(Ack.class, "done", 3))), finalState("done", 4));

        assertThat(problems(d)).containsExactly("java:1:1: procedure 'p' has actions or guards, which may fail, but no error "
                + "state; add errorState 'failed' (an instance whose action or guard throws moves there)");
    }

    @Test
    void countsTheErrorStateReachableOnlyWhenSomethingCanFail() {
        ProcedureDefinition noActions = procedure("a", "failed", List.of(), null, state("a", 2, on(Ack.class, "done", 3)),
                finalState("done", 4), errorState("failed", 5));
        ProcedureDefinition withAction = procedure("a", "failed", List.of(), null,
                state("a", 2, withAction(on(Ack.class, "done", 3))), finalState("done", 4), errorState("failed", 5));
        ProcedureDefinition targeted = procedure("a", "failed", List.of(), null,
                state("a", 2, on(Ack.class, "done", 3), on(String.class, "failed", 4)), finalState("done", 5), errorState("failed", 6));

        assertThat(problems(noActions)).containsExactly("java:5:1: error state 'failed' is unreachable: the procedure has no "
                + "action or guard that could fail and no transition goes to it; remove it, or add goTo 'failed'");
        assertThat(problems(withAction)).isEmpty();
        assertThat(problems(targeted)).isEmpty();
    }

    @Test
    void reportsDuplicateInputsAndVariablesAndABadCorrelationKey() {
        List<InputDefinition> inputs = List.of(new InputDefinition("ue", String.class, line(2)),
                new InputDefinition("ue", String.class, line(3)));
        ProcedureDefinition d = withVariables(procedure("a", null, inputs, "eu", state("a", 5, on(Ack.class, "done", 6)),
                        finalState("done", 7)),
                new VariableDefinition("n", Integer.class, 0, line(8)), new VariableDefinition("n", Integer.class, 1, line(9)));

        assertThat(problems(d)).containsExactly(
                "java:3:1: duplicate input 'ue': already declared at java:2:1; input names are unique",
                "java:1:1: correlation key 'eu' is not an input; did you mean 'ue'? declared inputs: ue",
                "java:9:1: duplicate variable 'n': already declared at java:8:1; variable names are unique");
    }

    @Test
    void asksToDeclareTheCorrelationKeyWhenThereAreNoInputs() {
        assertThat(problems(procedure("a", null, List.of(), "ue", state("a", 2, on(Ack.class, "done", 3)), finalState("done", 4))))
                .containsExactly("java:1:1: correlation key 'ue' is not an input; declare it first with input 'ue', String "
                        + "(or its type)");
    }

    @Test
    void reportsTimerMistakes() {
        ProcedureDefinition d = procedure("a",
                withTimers(state("a", 2, onTimer("t", "b", null, 3), onTimer("missing", "b", null, 4)), timer("t", 5), timer("lonely", 6)),
                withTimers(state("b", 7, onTimer("t", "done", null, 8)), timer("t", 9)),
                finalState("done", 10));

        assertThat(problems(d)).containsExactly(
                "java:6:1: timer 'lonely' of state 'a' has no transition; add one triggered by Trigger.timer('lonely')",
                "java:4:1: a transition of state 'a' waits for timer 'missing', which state 'a' does not declare; "
                        + "timers of 'a': lonely, t",
                "java:9:1: duplicate timer 't': already declared in state 'a' at java:5:1; timer names are unique in a procedure");
    }

    @Test
    void reportsTimersAndTransitionsInFinalAndErrorStates() {
        StateDefinition done = withTimers(new StateDefinition("done", java.util.Optional.empty(), java.util.Optional.empty(),
                StateKind.FINAL, List.of(), List.of(), List.of(onTimer("t", "a", null, 5), on(Ack.class, "a", 6)), List.of(),
                line(4)), timer("t", 7));
        StateDefinition failed = new StateDefinition("failed", java.util.Optional.empty(), java.util.Optional.empty(),
                StateKind.ERROR, List.of(), List.of(), List.of(on(Ack.class, "a", 9)), List.of(), line(8));

        assertThat(problems(procedure("a", "failed", List.of(), null, state("a", 2, on(Ack.class, "done", 3)), done, failed)))
                .containsExactly(
                        "java:7:1: final state 'done' cannot have timers: the procedure ends there; remove after(5s) or "
                                + "declare 'done' with state(...)",
                        "java:6:1: final state 'done' cannot have transitions: the procedure ends there; remove on(Ack) or "
                                + "declare 'done' with state(...)",
                        "java:9:1: error state 'failed' cannot have transitions: the procedure ends there; remove on(Ack) or "
                                + "declare 'failed' with state(...)",
                        "java:8:1: error state 'failed' is unreachable: the procedure has no action or guard that could fail "
                                + "and no transition goes to it; remove it, or add goTo 'failed'");
    }

    @Test
    void reportsEventTypesThatNeverFire() {
        ProcedureDefinition d = procedure("a", state("a", 2, on(Signal.class, "done", 3), on(TimerFired.class, "done", 4),
                on(int.class, "done", 5), on(Ack.class, "done", 6)), finalState("done", 7));

        assertThat(problems(d)).containsExactly(
                "java:3:1: on(Signal) in state 'a' would never fire: signals are matched by name; write on(signal('name')) { ... }",
                "java:4:1: on(TimerFired) in state 'a' would never fire: timers are declared with after(duration) { ... }",
                "java:5:1: on(int) in state 'a' would never fire: events are objects; expected an event class or signal('name')");
    }

    @Test
    void reportsARetryWithoutAPlaceToGiveUp() {
        ProcedureDefinition d = procedure("a", withTimers(state("a", 2, onTimer("t", null, 3, 3), on(Ack.class, "done", 4)),
                timer("t", 5)), finalState("done", 6));

        assertThat(problems(d)).containsExactly("java:3:1: after(5s) in state 'a' retries 3 times but has no target for when "
                + "the retries are used up; add goTo 'failed' (or another state)");
    }

    @Test
    void reportsARetryWhoseLongestDelayIsShorterThanItsTimer() {
        ProcedureDefinition d = ProcedureDefinition.builder("a")
                .state("a", s -> s.on(Ack.class, "done").after("t", java.time.Duration.ofSeconds(5), t -> t
                        .retry(new RetryDefinition(3, 2.0, java.util.Optional.of(java.time.Duration.ofSeconds(2)), 0))
                        .declaredAt(new SourceRef("java", 3, 1)).to("done")))
                .finalState("done")
                .build();

        assertThat(problems(d)).containsExactly("java:3:1: retry max: 2s is shorter than the timer's delay 5s: the longest "
                + "delay of a retry is at least the timer's own");
    }

    @Test
    void reportsTheTopmostUnreachableStateOnly() {
        ProcedureDefinition d = procedure("a", state("a", 2, on(Ack.class, "done", 3)),
                initialChild(state("island", 4, on(Ack.class, "done", 5)), "inner"), child(state("inner", 6), "island"),
                finalState("done", 7));

        assertThat(problems(d)).containsExactly("java:4:1: state 'island' is unreachable: no transition from the initial "
                + "state 'a' leads to it; add goTo 'island' to a transition, or remove the state");
    }

    @Test
    void countsEnclosingTransitionsAsAWayOutButNotOnesBackToTheSameState() {
        ProcedureDefinition d = procedure("outer",
                initialChild(state("outer", 2, on(Ack.class, "done", 3)), "inner"), child(state("inner", 4), "outer"),
                state("loop", 5, on(Ack.class, "loop", 6)), finalState("done", 7));
        ProcedureDefinition reachLoop = procedure("outer",
                initialChild(state("outer", 2, on(Ack.class, "done", 3), on(String.class, "loop", 8)), "inner"),
                child(state("inner", 4), "outer"), state("loop", 5, on(Ack.class, "loop", 6)), finalState("done", 7));

        assertThat(problems(d)).containsExactly("java:5:1: state 'loop' is unreachable: no transition from the initial state "
                + "'outer' leads to it; add goTo 'loop' to a transition, or remove the state");
        assertThat(problems(reachLoop)).containsExactly("java:5:1: state 'loop' is not final and has no way out: no transition "
                + "or timer of it or of an enclosing state leads elsewhere; add on(...) { goTo '...' } or after(...) { goTo '...' }, "
                + "or declare it with finalState");
    }

    @Test
    void doesNotAlsoCallAStateWithAnUnknownTargetAStateWithoutWayOut() {
        assertThat(problems(procedure("a", state("a", 2, on(Ack.class, "dnoe", 3)), finalState("done", 4))))
                .noneMatch(p -> p.contains("no way out"));
    }

    @Test
    void reportsEveryProblemInOnePass() {
        ProcedureDefinition d = procedure("x", state("a", 2, on(Ack.class, "nowhere", 3)), finalState("done", 4));

        assertThat(problems(d)).hasSize(2);
    }

    @Test
    void anEmbeddersChecksRunAfterTheBuiltInOnesInTheOrderGiven() {
        ProcedureDefinition d = procedure("x", state("a", 2, on(Ack.class, "nowhere", 3)), finalState("done", 4));
        DefinitionCheck first = (definition, where) -> List.of(new Problem(where.initialState(definition), "first"));
        DefinitionCheck second = (definition, where) -> List.of(new Problem(definition.state("a").declaredAt(), "second"));

        DefinitionVerifier verifier = DefinitionVerifier.with(List.of(first, second));

        assertThat(verifier.checks()).startsWith(DefinitionVerifier.builtInChecks().toArray(DefinitionCheck[]::new))
                .endsWith(first, second);
        assertThat(verifier.problems(d, SourcePositions.OF_MODEL)).extracting(Problem::toString).containsExactly(
                "java:1:1: initial state 'x' is not a state of procedure 'p'; declared states: a, done",
                "java:3:1: on(Ack) in state 'a' goes to 'nowhere', which is not a state; declared states: a, done",
                "java:1:1: first",
                "java:2:1: second");
        assertThatThrownBy(() -> verifier.requireValidDefinition(d)).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageEndingWith("4 problems in 1 file");
        assertThat(DefinitionVerifier.with(List.of())).isSameAs(DefinitionVerifier.standard());
    }

    @Test
    void aDefinitionWithoutStatesGetsOneProblemAndNoCheckRuns() {
        DefinitionCheck never = (definition, where) -> {
            throw new AssertionError("a check ran on a definition without states");
        };

        assertThat(DefinitionVerifier.with(List.of(never)).problems(procedure("a"), SourcePositions.OF_MODEL))
                .extracting(Problem::message).containsExactly(
                        "procedure 'p' has no states; declare at least one state('name') { ... } and a finalState 'name'");
    }
}
