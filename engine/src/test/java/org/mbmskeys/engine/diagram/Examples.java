package org.mbmskeys.engine.diagram;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import java.util.Optional;
import org.mbmskeys.engine.model.Guard;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.RetryDefinition;
import org.mbmskeys.engine.model.Trigger;

/** The definitions whose diagrams are checked in under {@code src/test/resources/diagrams}. */
final class Examples {

    /** A guard that always passes: diagrams only show that there is one. */
    static final Guard ALWAYS = context -> true;

    record Start() { }
    record Stop() { }
    record Connect() { }
    record Offer() { }
    record Confirm() { }
    record Close() { }
    record Expire() { }
    record Sent() { }
    record Rejected() { }
    record Ack() { }
    record Progress() { }

    private Examples() {
    }

    /** Three states in a row: the smallest useful diagram, and the example in DiagramWriter's Javadoc. */
    static ProcedureDefinition flat() {
        return ProcedureDefinition.builder("demo.flat").specRef("TS 00.000 §1")
                .state("idle", s -> s.on(Start.class, "running"))
                .state("running", s -> s.on(Stop.class, "done"))
                .finalState("done")
                .build();
    }

    /**
     * Two levels of nesting with dotted and dashed names, and arrows that stay in a composite, cross one
     * level, leave to the top level, start at a composite, or end in a nested final state.
     */
    static ProcedureDefinition nested() {
        return ProcedureDefinition.builder("demo.nested").specRef("TS 00.000 §2").description("Nested states and arrows across levels")
                .state("idle", s -> s.on(Connect.class, "session"))
                .state("session", s -> s
                        .onSignal("abort", "aborted")
                        .onSignal("rekey", "key-exchange")
                        .state("key-exchange", k -> k
                                .state("key-exchange.waiting", w -> w.on(Offer.class, "key-exchange.confirming"))
                                .state("key-exchange.confirming", c -> c.on(Confirm.class, "established")))
                        .state("established", e -> e
                                .on(Close.class, "closed")
                                .on(Expire.class, "expired"))
                        .finalState("expired"))
                .finalState("closed")
                .finalState("aborted")
                .build();
    }

    /** Timers with retry, guards (labelled and not), signals, internal transitions and an error state. */
    static ProcedureDefinition push() {
        return ProcedureDefinition.builder("demo.push").specRef("TS 00.000 §3")
                .description("Delivers a key and waits for its acknowledgement")
                .state("sending", s -> s
                        .on(Sent.class, "awaiting-ack")
                        .on(Rejected.class, t -> t.when(ALWAYS).to("failed"))
                        .after("sending#timer1", ofMillis(1500), "failed"))
                .state("awaiting-ack", s -> s
                        .on(Ack.class, t -> t.when("event.ok()", ALWAYS).to("done"))
                        .on(Trigger.event(Progress.class), t -> { })
                        .on(Trigger.signal("status"), t -> t.when("asked by the operator", ALWAYS))
                        .onSignal("cancel", "cancelled")
                        .after("awaiting-ack#timer1", ofSeconds(5), t -> t.retry(3).to("unacknowledged"))
                        .after("awaiting-ack#timer2", ofMinutes(2), "failed"))
                .finalState("done")
                .finalState("unacknowledged")
                .finalState("cancelled")
                .errorState("failed")
                .build();
    }

    /** Retries that back off: growing, capped, with jitter, and a plain one beside them. */
    static ProcedureDefinition backoff() {
        return ProcedureDefinition.builder("demo.backoff").specRef("TS 00.000 §4")
                .state("requesting", s -> s
                        .on(Ack.class, "done")
                        .after("requesting#timer1", ofSeconds(2), t -> t
                                .retry(new RetryDefinition(4, 2.0, Optional.of(ofSeconds(30)), 0.1)).to("pushing")))
                .state("pushing", s -> s
                        .on(Ack.class, "done")
                        .after("pushing#timer1", ofMillis(500), t -> t
                                .retry(new RetryDefinition(3, 1.5, Optional.empty(), 0)).to("waiting")))
                .state("waiting", s -> s
                        .on(Ack.class, "done")
                        .after("waiting#timer1", ofMinutes(1), t -> t
                                .retry(new RetryDefinition(2, 1.0, Optional.empty(), 0.125)).to("failed")))
                .finalState("done")
                .errorState("failed")
                .build();
    }

    /**
     * Names and labels that would break each format if written as they are: reserved words, characters
     * that end a label or a quoted name, comment and markup characters, clashing sanitized ids.
     */
    static ProcedureDefinition escaping() {
        return ProcedureDefinition.builder("demo \"escaping\"").specRef("RFC 0000 #4; §5: 100%")
                .description("Line one\nline two with <b>tags</b> and a \\ backslash")
                .state("end", s -> s
                        .onSignal("direction LR; go: now", "a-b")
                        .onSignal("x--y__z**w//v~u", "a_b")
                        .onSignal("reroute", "defaultRoute"))
                .state("a-b", s -> s.on(Start.class, "wait: \"ack\" #1"))
                .state("a_b", s -> s.on(Stop.class, "1st"))
                .state("wait: \"ack\" #1", s -> s.onSignal("`quoted` [[link]]", "node_start"))
                .finalState("1st")
                .finalState("node_start")
                .state("defaultRoute", s -> s
                        .on(Start.class, "setDirection")
                        .on(Trigger.signal("check"),
                                t -> t.when("count < 3 && note != \"#1; a:b\" || x[0] > 1", ALWAYS)))
                .finalState("setDirection")
                .build();
    }
}
