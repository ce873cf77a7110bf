package org.mbmskeys.engine.runtime;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.mbmskeys.engine.Harness;
import org.mbmskeys.engine.Journal;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.TestEvents.Leave;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.RejectionReason;
import org.mbmskeys.engine.spi.Route;
import org.mbmskeys.engine.spi.RoutingRule;
import org.mbmskeys.engine.spi.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Inbound envelopes reach (procedure, key) through routing rules; a rule may create the instance. */
@OnBothBackends
class RoutingTest {

    @Parameter
    String backend;

    private static final Endpoint UE = Endpoint.of("ue-1.test", 2269);
    private static final Endpoint BMSC = Endpoint.of("bmsc.test", 2269);

    /** A decoded request: first byte 1 = register, 2 = confirm; the rest is the UE id. */
    record Request(int type, String ue) {
    }

    private static Request decode(Envelope e) {
        byte[] b = e.payload().toByteArray();
        return new Request(b[0], new String(b, 1, b.length - 1, US_ASCII));
    }

    private static Envelope envelope(int type, String ue) {
        byte[] id = ue.getBytes(US_ASCII);
        byte[] b = new byte[id.length + 1];
        b[0] = (byte) type;
        System.arraycopy(id, 0, b, 1, id.length);
        return Envelope.of(UE, BMSC, Bytes.wrap(b));
    }

    private final RoutingRule registrations = e -> {
        Request r = decode(e);
        return r.type() == 1 ? Optional.of(Route.createIfAbsent("reg", r.ue(), r, Map.of("ue", r.ue())))
                : r.type() == 2 ? Optional.of(Route.to("reg", r.ue(), r)) : Optional.empty();
    };

    private final ProcedureDefinition reg = ProcedureDefinition.builder("reg")
            .input("ue", String.class)
            .correlationKey("ue")
            .variable("requests", Integer.class, 0)
            .state("idle", s -> s.on(Request.class, t -> t
                    .when(ctx -> ((Request) ctx.event()).type() == 1)
                    .action(ctx -> ctx.set("requests", (Integer) ctx.get("requests") + 1))
                    .action(ctx -> ctx.send("net", Envelope.of(BMSC, UE, Bytes.of((byte) 0x81))))
                    .to("registered")))
            .state("registered", s -> s
                    .on(Request.class, t -> t.when(ctx -> ((Request) ctx.event()).type() == 1)
                            .action(ctx -> ctx.set("requests", (Integer) ctx.get("requests") + 1)))
                    .on(Request.class, t -> t.action(ctx -> ctx.reply(Bytes.of((byte) 0x82))).to("confirmed")))
            .finalState("confirmed")
            .errorState("failed")
            .build();

    @Test
    void theFirstMessageCreatesTheInstanceAndLaterOnesReachIt() {
        Harness h = Harness.of(backend, b -> b.route(registrations), reg);

        h.engine.route(envelope(1, "ue-1"));
        h.engine.route(envelope(1, "ue-1"));

        assertThat(h.state("reg", "ue-1")).isEqualTo("registered");
        assertThat(h.engine.instance("reg", "ue-1").orElseThrow().variables()).containsEntry("requests", 2);
        assertThat(h.journal.rejected).isEmpty();
    }

    @Test
    void aMessageForNoInstanceThatMayNotCreateOneIsRejectedAsNoInstance() {
        Harness h = Harness.of(backend, b -> b.route(registrations), reg);

        h.engine.route(envelope(2, "ue-7"));

        assertThat(h.journal.rejected).extracting(Journal.Rejected::reason).containsExactly(RejectionReason.NO_INSTANCE);
        assertThat(h.journal.rejected.get(0).event()).isEqualTo(new Request(2, "ue-7"));
    }

    @Test
    void anEnvelopeThatCameAsARequestCanBeAnswered() {
        Harness h = Harness.of(backend, b -> b.route(registrations), reg);
        List<Object> replies = new ArrayList<>();
        h.engine.route(envelope(1, "ue-1"));

        h.engine.route(envelope(2, "ue-1").withReplyHandle(replies::add));

        assertThat(replies).containsExactly(Bytes.of((byte) 0x82));
        assertThat(h.journal.ended).hasSize(1);
    }

    @Test
    void anEnvelopeNoRuleTakesIsReportedAsUnrouted() {
        Harness h = Harness.of(backend, b -> b.route(registrations), reg);

        h.engine.route(envelope(9, "ue-1"));

        assertThat(h.journal.unrouted).extracting(Journal.Unrouted::detail)
                .containsExactly("none of the 1 routing rules took it");
    }

    @Test
    void aRuleThatThrowsIsReportedAsUnroutedAndLaterRulesAreNotTried() {
        RoutingRule broken = new RoutingRule() {
            @Override
            public Optional<Route> route(Envelope envelope) {
                throw new IllegalArgumentException("truncated header");
            }

            @Override
            public String toString() {
                return "broken rule";
            }
        };
        Harness h = Harness.of(backend, b -> b.route(broken).route(registrations), reg);

        h.engine.route(envelope(1, "ue-1"));

        assertThat(h.journal.unrouted).extracting(Journal.Unrouted::detail)
                .containsExactly("routing rule broken rule threw java.lang.IllegalArgumentException: truncated header");
        assertThat(h.state("reg", "ue-1")).isEqualTo("(none)");
    }

    @Test
    void aRouteToAProcedureThatIsNotDeployedIsRejectedAsUnknownProcedure() {
        Harness h = Harness.of(backend, b -> b.route(e -> Optional.of(Route.to("regg", "ue-1", "x"))), reg);

        h.engine.route(envelope(1, "ue-1"));

        assertThat(h.journal.rejected).extracting(Journal.Rejected::reason).containsExactly(RejectionReason.UNKNOWN_PROCEDURE);
        assertThat(h.journal.rejected.get(0).detail())
                .isEqualTo("a routing rule named procedure 'regg', which is not deployed; deployed are [reg]");
    }

    @Test
    void aTransportBoundToAChannelCarriesSendsOutAndRoutesWhatItReceives() {
        FakeTransport net = new FakeTransport();
        Harness h = Harness.of(backend, b -> b.transport("net", net).route(registrations), reg);

        net.inbound.accept(envelope(1, "ue-1"));

        assertThat(h.state("reg", "ue-1")).isEqualTo("registered");
        assertThat(net.sent).containsExactly(Envelope.of(BMSC, UE, Bytes.of((byte) 0x81)));
    }

    @Test
    void aTransportChannelTakesOnlyEnvelopesAndASendOfAnythingElseFailsTheStepNamingTheChannel() {
        FakeTransport net = new FakeTransport();
        ProcedureDefinition p = ProcedureDefinition.builder("p").state("a", s -> s.on(Leave.class, "left").onEntry(ctx -> ctx.send("net", "text"))).errorState("failed").finalState("left").build();
        Harness h = Harness.of(backend, b -> b.transport("net", net), p);

        h.engine.start("p", "k", Map.of());

        assertThat(h.journal.failed).extracting(f -> f.cause().getMessage()).containsExactly("send 'net' got a String, "
                + "but channel 'net' is bound to a transport, which carries Envelopes only; send Envelope.of(from, to, bytes) there");
        assertThat(h.journal.effectFailures).isEmpty();
        assertThat(net.sent).isEmpty();
    }

    @Test
    void aFirstMessageWhoseNewInstanceFailsWhileStartingIsRejectedNotLost() {
        ProcedureDefinition fragile = ProcedureDefinition.builder("reg")
                .input("ue", String.class)
                .correlationKey("ue")
                .state("idle", s -> s.on(Leave.class, "left").onEntry(ctx -> {
                    throw new IllegalStateException("no key store");
                }))
                .errorState("failed")
                .finalState("left")
                .build();
        Harness h = Harness.of(backend, b -> b.route(registrations), fragile);

        h.engine.route(envelope(1, "ue-1"));

        assertThat(h.journal.failed).hasSize(1);
        assertThat(h.journal.rejected).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(RejectionReason.NO_INSTANCE);
            assertThat(r.event()).isEqualTo(new Request(1, "ue-1"));
            assertThat(r.detail()).isEqualTo("the instance this message started ended (or failed) while starting, in state 'failed'");
        });
    }

    static final class FakeTransport implements Transport {
        final List<Envelope> sent = new ArrayList<>();
        Consumer<Envelope> inbound;

        @Override
        public void send(Envelope envelope) {
            sent.add(envelope);
        }

        @Override
        public void receive(Consumer<Envelope> handler) {
            if (inbound != null) {
                throw new IllegalStateException("a handler is already registered");
            }
            inbound = handler;
        }
    }
}
