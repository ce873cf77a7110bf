package org.mbmskeys.engine.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.TestEvents.Go;
import org.mbmskeys.engine.TestEvents.Leave;
import org.mbmskeys.engine.TestEvents.Hello;
import org.mbmskeys.engine.TestEvents.Ping;
import org.mbmskeys.engine.backend.interpreter.NativeBackend;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.RejectionReason;
import org.mbmskeys.engine.spi.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** The kit drives one definition with virtual time and checks what it did. */
@OnBothBackends
class ProcedureTestKitTest {

    @Parameter
    String backend;

    /** Push an MSK, resend every 5 s up to twice, done on verification. */
    private final ProcedureDefinition push = ProcedureDefinition.builder("msk-push")
            .input("ue", String.class)
            .correlationKey("ue")
            .variable("nonce", String.class, null)
            .state("delivering", s -> s
                    .onEntry(ctx -> {
                        ctx.set("nonce", ctx.random(4).toHex());
                        ctx.send("mikey", "msk to " + ctx.input("ue") + " #" + ctx.attempt());
                    })
                    .after("verification", Duration.ofSeconds(5), t -> t.retry(2).to("unverified"))
                    .on(Hello.class, t -> t.action(ctx -> ctx.reply("hi " + ((Hello) ctx.event()).from())))
                    .on(Go.class, t -> t.action(ctx -> ctx.emit("delivered")).to("done")))
            .finalState("done")
            .finalState("unverified", s -> s.onEntry(ctx -> ctx.emit("gave up")))
            .errorState("failed")
            .build();

    @Test
    void drivesAProcedureThroughTimeAndChecksStatesSendsAndOutcomes() {
        ProcedureTestKit kit = ProcedureTestKit.of(push, b -> b.backend(backend));

        kit.start(Map.of("ue", "ue-1"))
                .expectState("delivering")
                .expectSent("mikey", 1)
                .expectSent("mikey", "msk to ue-1 #0")
                .advance(Duration.ofSeconds(5))
                .expectSent("mikey", "msk to ue-1 #1")
                .send(new Go())
                .expectEnded("done")
                .expectOutcome("delivered");

        assertThat(kit.ended()).isTrue();
        assertThat(kit.outcomes()).containsExactly("delivered");
        assertThat(kit.trace().states()).containsExactly("delivering", "delivering", "done");
    }

    @Test
    void runsOutOfRetriesOnVirtualTime() {
        ProcedureTestKit kit = ProcedureTestKit.of(push, b -> b.backend(backend)).start(Map.of("ue", "ue-1"));

        kit.advance(Duration.ofSeconds(15));

        kit.expectEnded("unverified").expectOutcome("gave up").expectSent("mikey", 3);
        assertThat(kit.now()).isEqualTo(kit.scheduler().now());
    }

    @Test
    void capturesRepliesRejectionsAndVariables() {
        ProcedureTestKit kit = ProcedureTestKit.of(push, b -> b.backend(backend)).start(Map.of("ue", "ue-1"));

        kit.request(new Hello("bm-sc")).send(new Ping()).expectRejected(RejectionReason.NO_TRANSITION);

        assertThat(kit.replies()).containsExactly("hi bm-sc");
        assertThat(kit.rejections()).singleElement().satisfies(r -> assertThat(r.detail())
                .startsWith("in state 'delivering': Ping is not accepted"));
        assertThat(kit.variable("nonce")).isEqualTo(kit.variable("nonce")).isInstanceOf(String.class);
    }

    @Test
    void randomBytesAreTheSameOnEveryRun() {
        Object first = ProcedureTestKit.of(push, b -> b.backend(backend)).start(Map.of("ue", "ue-1")).variable("nonce");
        Object second = ProcedureTestKit.of(push, b -> b.backend(backend)).start(Map.of("ue", "ue-1")).variable("nonce");

        assertThat(first).isEqualTo(second);
    }

    @Test
    void aFailedExpectationSaysWhatWasExpectedAndShowsTheTrace() {
        ProcedureTestKit kit = ProcedureTestKit.of(push, b -> b.backend(backend)).start(Map.of("ue", "ue-1"));

        assertThatThrownBy(() -> kit.expectState("done"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("expected msk-push[ue-1] in state 'done' but it is in 'delivering'\n"
                        + "trace of msk-push[ue-1]:\n"
                        + "start -> delivering (enter [delivering])");
        assertThatThrownBy(() -> kit.expectOutcome("delivered"))
                .hasMessageStartingWith("expected outcome delivered; emitted were []");
    }

    @Test
    void reportsAFailureWithItsException() {
        ProcedureDefinition failing = ProcedureDefinition.builder("f")
                .state("a", s -> s.on(Leave.class, "left").on(Go.class, t -> t.action(ctx -> {
                    throw new IllegalStateException("boom");
                }).to("a")))
                .errorState("broken")
                .finalState("left")
                .build();

        ProcedureTestKit kit = ProcedureTestKit.of(failing, b -> b.backend(backend)).start().send(new Go());

        kit.expectFailed(IllegalStateException.class).expectEnded("broken");
        assertThat(kit.record().orElseThrow().failure()).contains("java.lang.IllegalStateException: boom");
    }

    @Test
    void tracesOfTheSameRunCompareEqualAcrossKitsAndBackends() {
        ProcedureTestKit one = ProcedureTestKit.of(push, b -> b.backend(backend));
        ProcedureTestKit other = ProcedureTestKit.of(push, b -> b.backend(new NativeBackend()));
        for (ProcedureTestKit kit : new ProcedureTestKit[] {one, other}) {
            kit.start(Map.of("ue", "ue-1")).send(new Ping()).advance(Duration.ofSeconds(5)).send(new Go());
        }

        assertThat(other.trace()).isEqualTo(one.trace());
        assertThat(one.trace().steps()).hasSize(4).element(1).isEqualTo(
                new Step.Rejected("delivering", "Ping", RejectionReason.NO_TRANSITION));
    }
}
