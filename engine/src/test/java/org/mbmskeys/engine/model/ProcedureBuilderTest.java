package org.mbmskeys.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What ProcedureDefinition.builder() makes of each declaration, and what build() refuses. */
class ProcedureBuilderTest {

    record Ack() {
    }

    private static final Guard OK = context -> true;

    @Test
    void buildsTheRecordsTheDeclarationsDescribe() {
        ProcedureDefinition d = ProcedureDefinition.builder("push").version(3).description("pushes").specRef("TS 33.246 §6")
                .input("ue", String.class).correlationKey("ue").variable("tries", Integer.class, 0)
                .state("session", s -> s
                        .state("waiting", w -> w
                                .on(Ack.class, t -> t.when("ack is ok", OK).to("done"))
                                .onSignal("poke", t -> { })
                                .after("resend", Duration.ofSeconds(2), t -> t.retry(3).to("failed"))))
                .finalState("done")
                .errorState("failed")
                .build();

        assertThat(d.name()).isEqualTo("push");
        assertThat(d.version()).isEqualTo(3);
        assertThat(d.description()).isEqualTo("pushes");
        assertThat(d.specRef()).isEqualTo("TS 33.246 §6");
        assertThat(d.correlationKey()).contains("ue");
        assertThat(d.variable("tries").orElseThrow().initialValue()).isEqualTo(0);
        assertThat(d.states().keySet()).containsExactly("session", "waiting", "done", "failed");
        assertThat(d.initialState()).isEqualTo("session");
        assertThat(d.state("session").initialChild()).contains("waiting");
        assertThat(d.state("waiting").parent()).contains("session");
        assertThat(d.errorState()).contains("failed");
        assertThat(d.state("failed").kind()).isEqualTo(StateKind.ERROR);
        assertThat(d.state("done").kind()).isEqualTo(StateKind.FINAL);
        List<TransitionDefinition> t = d.state("waiting").transitions();
        assertThat(t.get(0).guardLabel()).contains("ack is ok");
        assertThat(t.get(0).target()).contains("done");
        assertThat(t.get(1).isInternal()).isTrue();
        assertThat(t.get(2).trigger()).isEqualTo(Trigger.timer("resend"));
        assertThat(t.get(2).retry()).contains(new RetryDefinition(3));
        assertThat(d.state("waiting").timer("resend").orElseThrow().delay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(DefinitionVerifier.verify(d)).isEmpty();
    }

    @Test
    void initialStateAndInitialChildDefaultToTheFirstDeclaredUnlessSet() {
        ProcedureDefinition d = ProcedureDefinition.builder("p").initial("b")
                .state("a", s -> s.state("a1").state("a2").initial("a2"))
                .state("b")
                .build();

        assertThat(d.initialState()).isEqualTo("b");
        assertThat(d.state("a").initialChild()).contains("a2");
    }

    @Test
    void everyDeclarationIsPositionedAtTheJavaLineThatMadeIt() {
        int line = new Throwable().getStackTrace()[0].getLineNumber();
        ProcedureDefinition d = ProcedureDefinition.builder("p")              // line + 1
                .input("ue", String.class)                                     // line + 2
                .state("a", s -> s.on(Ack.class, "b"))                         // line + 3
                .state("b", s -> s.declaredAt(new SourceRef("mine.txt", 7, 2)))
                .build();

        assertThat(d.declaredAt()).isEqualTo(new SourceRef("ProcedureBuilderTest.java", line + 1, 1));
        assertThat(d.inputs().get(0).declaredAt()).isEqualTo(new SourceRef("ProcedureBuilderTest.java", line + 2, 1));
        assertThat(d.state("a").declaredAt()).isEqualTo(new SourceRef("ProcedureBuilderTest.java", line + 3, 1));
        assertThat(d.state("a").transitions().get(0).declaredAt().line()).isEqualTo(line + 3);
        assertThat(d.state("b").declaredAt()).isEqualTo(new SourceRef("mine.txt", 7, 2));
    }

    @Test
    void aStateOfKindErrorIsNamedTheErrorStateOnlyByErrorState() {
        ProcedureDefinition d = ProcedureDefinition.builder("p").state("a", StateKind.ERROR, s -> { }).build();

        assertThat(d.errorState()).isEqualTo(Optional.empty());
        assertThat(ProcedureDefinition.builder("p").state("a").errorStateName("gone").build().errorState()).contains("gone");
    }

    @Test
    void aStateNameDeclaredTwiceIsRefusedNestedStatesIncluded() {
        assertThatThrownBy(() -> ProcedureDefinition.builder("p").state("a", s -> s.state("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("state 'a' of procedure 'p' is declared twice (ProcedureBuilderTest.java:")
                .hasMessageEndingWith("); state names are unique in a procedure, nested states included");
    }

    @Test
    void buildChecksStructureButLeavesTheRulesToTheVerifier() {
        ProcedureDefinition stuck = ProcedureDefinition.builder("p").state("a", s -> s.on(Ack.class, "nowhere")).build();

        assertThat(DefinitionVerifier.verify(stuck)).extracting(Problem::message).containsExactly(
                "on(Ack) in state 'a' goes to 'nowhere', which is not a state; declared states: a");
        assertThatThrownBy(() -> ProcedureDefinition.builder("p").state("a", s -> s.on(Ack.class, t -> t.retry(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a bounded retry belongs on a timer transition");
    }
}
