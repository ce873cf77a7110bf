package org.mbmskeys.engine.diagram;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.mbmskeys.engine.diagram.DefinitionBuilder.procedure;

import java.util.Optional;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.RetryDefinition;
import org.mbmskeys.engine.model.Trigger;

/** The definitions whose diagrams are checked in under {@code src/test/resources/diagrams}. */
final class Examples {

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
        return procedure("demo.flat").spec("TS 00.000 §1")
                .state("idle", s -> s.on(Start.class, "running"))
                .state("running", s -> s.on(Stop.class, "done"))
                .state("done", s -> s.finalState())
                .build();
    }

    /**
     * Two levels of nesting with dotted and dashed names, and arrows that stay in a composite, cross one
     * level, leave to the top level, start at a composite, or end in a nested final state.
     */
    static ProcedureDefinition nested() {
        return procedure("demo.nested").spec("TS 00.000 §2").description("Nested states and arrows across levels")
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
                        .state("expired", e -> e.finalState()))
                .state("closed", s -> s.finalState())
                .state("aborted", s -> s.finalState())
                .build();
    }

    /** Timers with retry, guards (labelled and not), signals, internal transitions and an error state. */
    static ProcedureDefinition push() {
        return procedure("demo.push").spec("TS 00.000 §3")
                .description("Delivers a key and waits for its acknowledgement")
                .errorState("failed")
                .state("sending", s -> s
                        .on(Sent.class, "awaiting-ack")
                        .onGuarded(Rejected.class, "failed")
                        .after(ofMillis(1500), "failed"))
                .state("awaiting-ack", s -> s
                        .onGuarded(Ack.class, "done", "event.ok()")
                        .internal(Trigger.event(Progress.class), false)
                        .internal(Trigger.signal("status"), "asked by the operator")
                        .onSignal("cancel", "cancelled")
                        .afterRetrying(ofSeconds(5), 3, "unacknowledged")
                        .after(ofMinutes(2), "failed"))
                .state("done", s -> s.finalState())
                .state("unacknowledged", s -> s.finalState())
                .state("cancelled", s -> s.finalState())
                .state("failed", s -> s.error())
                .build();
    }

    /** Retries that back off: growing, capped, with jitter, and a plain one beside them. */
    static ProcedureDefinition backoff() {
        return procedure("demo.backoff").spec("TS 00.000 §4")
                .errorState("failed")
                .state("requesting", s -> s
                        .on(Ack.class, "done")
                        .afterRetrying(ofSeconds(2), new RetryDefinition(4, 2.0, Optional.of(ofSeconds(30)), 0.1), "pushing"))
                .state("pushing", s -> s
                        .on(Ack.class, "done")
                        .afterRetrying(ofMillis(500), new RetryDefinition(3, 1.5, Optional.empty(), 0), "waiting"))
                .state("waiting", s -> s
                        .on(Ack.class, "done")
                        .afterRetrying(ofMinutes(1), new RetryDefinition(2, 1.0, Optional.empty(), 0.125), "failed"))
                .state("done", s -> s.finalState())
                .state("failed", s -> s.error())
                .build();
    }

    /**
     * Names and labels that would break each format if written as they are: reserved words, characters
     * that end a label or a quoted name, comment and markup characters, clashing sanitized ids.
     */
    static ProcedureDefinition escaping() {
        return procedure("demo \"escaping\"").spec("RFC 0000 #4; §5: 100%")
                .description("Line one\nline two with <b>tags</b> and a \\ backslash")
                .state("end", s -> s
                        .onSignal("direction LR; go: now", "a-b")
                        .onSignal("x--y__z**w//v~u", "a_b")
                        .onSignal("reroute", "defaultRoute"))
                .state("a-b", s -> s.on(Start.class, "wait: \"ack\" #1"))
                .state("a_b", s -> s.on(Stop.class, "1st"))
                .state("wait: \"ack\" #1", s -> s.onSignal("`quoted` [[link]]", "node_start"))
                .state("1st", s -> s.finalState())
                .state("node_start", s -> s.finalState())
                .state("defaultRoute", s -> s
                        .on(Start.class, "setDirection")
                        .internal(Trigger.signal("check"), "count < 3 && note != \"#1; a:b\" || x[0] > 1"))
                .state("setDirection", s -> s.finalState())
                .build();
    }
}
