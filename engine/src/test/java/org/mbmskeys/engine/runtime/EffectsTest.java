package org.mbmskeys.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mbmskeys.engine.Harness;
import org.mbmskeys.engine.Journal;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.TestEvents.Go;
import org.mbmskeys.engine.TestEvents.Leave;
import org.mbmskeys.engine.TestEvents.Hello;
import org.mbmskeys.engine.TestEvents.Ping;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.Signal;
import org.mbmskeys.engine.spi.ChannelMessage;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.RejectionReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Effects are collected during a step and carried out after it, in order. */
@OnBothBackends
class EffectsTest {

    @Parameter
    String backend;

    @Test
    void aSendReachesItsChannelAfterTheStepCompleted() {
        List<String> order = new ArrayList<>();
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Go.class, t -> t.action(ctx -> {
                    ctx.send("mikey", "msk");
                    order.add("action");
                }).to("b")))
                .state("b", s -> s.on(Leave.class, "left").onEntry(ctx -> order.add("entry b")))
                .errorState("failed")
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, b -> b.channel("mikey", m -> order.add("sent " + m.payload() + " by " + m.from())), p);
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Go());

        assertThat(order).containsExactly("action", "entry b", "sent msk by p[k]");
        assertThat(h.sent).isEmpty();   // the bound channel took it, not the default one
    }

    @Test
    void listenersHearOfTheStepBeforeItsEffectsAndOfTheEndLast() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Go.class, t -> t.action(ctx -> ctx.emit("ok")).to("done")))
                .finalState("done", s -> s.onEntry(ctx -> ctx.emit("finished")))
                .errorState("failed")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Go());

        assertThat(h.journal.order.subList(1, h.journal.order.size())).containsExactly(
                "step p[k] a -[Go]-> done (exit [a], enter [done])",
                "outcome p[k] ok",
                "outcome p[k] finished",
                "ended p[k] in done");
    }

    @Test
    void aReplyAnswersTheRequestTheEventCameWith() {
        List<Object> replies = new ArrayList<>();
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Leave.class, "left").on(Hello.class, t -> t.action(ctx -> ctx.reply("hello " + ((Hello) ctx.event()).from()))))
                .errorState("failed")
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k", Map.of());

        h.engine.request("p", "k", new Hello("ue-1"), replies::add);

        assertThat(replies).containsExactly("hello ue-1");
    }

    @Test
    void replyingToAnEventThatWasNoRequestFailsTheInstanceSayingWhatCanBeAnswered() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Leave.class, "left").on(Hello.class, t -> t.action(ctx -> ctx.reply("hello"))))
                .errorState("failed")
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Hello("ue-1"));

        assertThat(h.journal.failed.get(0).cause()).isInstanceOf(IllegalStateException.class).hasMessage(
                "p v1 [k] in a cannot reply: Hello did not come as a request; only Engine.request(...) and envelopes with a "
                        + "reply handle can be answered");
    }

    @Test
    void startAndSignalReachOtherInstancesAfterTheStep() {
        ProcedureDefinition parent = ProcedureDefinition.builder("parent")
                .state("a", s -> s.on(Go.class, t -> t.action(ctx -> {
                    ctx.start("child", "c-" + ctx.key(), Map.of("parent", ctx.key()));
                    ctx.signal("child", "c-" + ctx.key(), "proceed", 42);
                }).to("waiting")))
                .state("waiting", s -> s.onSignal("childDone", "done"))
                .finalState("done")
                .errorState("failed")
                .build();
        ProcedureDefinition child = ProcedureDefinition.builder("child")
                .input("parent", String.class)
                .variable("got", Integer.class, null)
                .state("idle", s -> s.onSignal("proceed", t -> t
                        .action(ctx -> ctx.set("got", ((Signal) ctx.event()).payload()))
                        .action(ctx -> ctx.signal("parent", ctx.input("parent"), "childDone", null))
                        .to("finished")))
                .finalState("finished")
                .errorState("failed")
                .build();
        Harness h = Harness.of(backend, parent, child);
        h.engine.start("parent", "k", Map.of());

        h.engine.send("parent", "k", new Go());

        assertThat(h.journal.ended).extracting(e -> e.instance().toString() + " " + e.last().variables())
                .containsExactly("child[c-k] {got=42}", "parent[k] {}");
    }

    @Test
    void startingAnUndeployedProcedureFailsTheActionNamingWhatIsDeployed() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Leave.class, "left").on(Go.class, t -> t.action(ctx -> ctx.start("nope", "x", Map.of()))))
                .errorState("failed")
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Go());

        assertThat(h.journal.failed.get(0).cause()).hasMessage("no procedure 'nope' is deployed; deployed are [p]");
    }

    @Test
    void aStartEffectForARunningKeyIsRejectedAsAlreadyRunning() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Leave.class, "left").on(Go.class, t -> t.action(ctx -> ctx.start("p", ctx.key(), Map.of()))))
                .errorState("failed")
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Go());

        assertThat(h.journal.rejected).extracting(Journal.Rejected::reason).containsExactly(RejectionReason.ALREADY_RUNNING);
    }

    @Test
    void aSendOnAnUnboundChannelIsAFailedEffectAndTheInstanceCarriesOn() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Go.class, t -> t.action(ctx -> {
                    ctx.send("nowhere", "x");
                    ctx.send("audit", "y");
                }).to("b")))
                .state("b", s -> s.on(Leave.class, "left"))
                .errorState("failed")
                .finalState("left")
                .build();
        List<Object> audit = new ArrayList<>();
        var engine = Engine.builder().backend(backend).deterministic().listener(new Journal()).procedure(p)
                .channel("audit", m -> audit.add(m.payload()));
        Journal journal = new Journal();
        Engine e = engine.listener(journal).build();
        e.start("p", "k", Map.of());

        e.send("p", "k", new Go());

        assertThat(journal.effectFailures).hasSize(1);
        Journal.EffectFailed failed = journal.effectFailures.get(0);
        assertThat(failed.instance()).isEqualTo(new InstanceRef("p", "k"));
        assertThat(failed.effect()).isEqualTo("send on 'nowhere'");
        assertThat(failed.cause()).hasMessage("no channel 'nowhere' is bound; bound are [audit]; bind it with "
                + "EngineBuilder.channel(name, handler) or transport(name, transport)");
        assertThat(audit).containsExactly("y");
        assertThat(e.instance("p", "k").orElseThrow().state()).isEqualTo("b");
    }

    @Test
    void aChannelThatThrowsIsReportedAndTheOtherEffectsStillHappen() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Leave.class, "left").on(Go.class, t -> t.action(ctx -> {
                    ctx.send("flaky", 1);
                    ctx.emit("after");
                })))
                .errorState("failed")
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, b -> b.channel("flaky", m -> {
            throw new IOException("link down");
        }), p);
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Go());

        assertThat(h.journal.effectFailures).extracting(f -> f.cause().getMessage()).containsExactly("link down");
        assertThat(h.journal.outcomes).extracting(Journal.Outcome::outcome).containsExactly("after");
    }

    @Test
    void actionsReadTimeAndRandomBytesFromTheEngine() {
        List<Object> seen = new ArrayList<>();
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Leave.class, "left").on(Ping.class, t -> t.action(ctx -> {
                    seen.add(ctx.now());
                    seen.add(ctx.random(3).toHex());
                    seen.add(ctx.random(2).toHex());
                })))
                .errorState("failed")
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);
        h.engine.start("p", "k", Map.of());

        h.engine.send("p", "k", new Ping());

        assertThat(seen).containsExactly(h.time.now(), "000102", "0304");
    }

    @Test
    void channelMessagesNameTheSenderAndTheChannel() {
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Leave.class, "left").onEntry(ctx -> ctx.send("c", "payload")))
                .errorState("failed")
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, p);

        h.engine.start("p", "k", Map.of());

        assertThat(h.sent).containsExactly(new ChannelMessage(new InstanceRef("p", "k"), "c", "payload"));
    }
}
