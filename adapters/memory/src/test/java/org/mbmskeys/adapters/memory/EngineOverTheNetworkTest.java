package org.mbmskeys.adapters.memory;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.runtime.Engine;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.Route;

/**
 * Two engines, a BM-SC and a UE, each bound to its node: the UE's procedure sends a registration datagram,
 * the BM-SC's routing rule starts an instance that acknowledges it, and the UE's instance ends on the ack.
 * Runs on both backends.
 */
class EngineOverTheNetworkTest {

    private static final Endpoint BMSC = Endpoint.of("bmsc", 2269);
    private static final Endpoint UE = Endpoint.of("ue-1", 2269);

    record Register(String ue) {
    }

    record Ack(String ue) {
    }

    private final ManualScheduler time = new ManualScheduler();
    private final MemoryNetwork network = MemoryNetwork.builder(time).seed(3).build();
    private final List<String> ended = new ArrayList<>();

    private final ProcedureDefinition bmscSide = ProcedureDefinition.builder("bmsc.reg")
            .input("ue", String.class)
            .correlationKey("ue")
            .state("idle", s -> s.on(Register.class, t -> t
                    .action(ctx -> ctx.send("mikey", Envelope.of(BMSC, UE, Bytes.of((byte) 0x81))))
                    .to("registered")))
            .finalState("registered")
            .errorState("failed")
            .build();

    private final ProcedureDefinition ueSide = ProcedureDefinition.builder("ue.reg")
            .state("waiting", s -> s
                    .onEntry(ctx -> ctx.send("mikey", Envelope.of(UE, BMSC, Bytes.of((byte) 1).concat(
                            Bytes.wrap("ue-1".getBytes(US_ASCII))))))
                    .on(Ack.class, "registered"))
            .finalState("registered")
            .errorState("failed")
            .build();

    private Engine engine(String backend, String node, ProcedureDefinition definition,
                          org.mbmskeys.engine.spi.RoutingRule rule) {
        return Engine.builder().deterministic().backend(backend).scheduler(time)
                .transport("mikey", network.node(node))
                .route(rule)
                .listener(new org.mbmskeys.engine.spi.ProcedureListener() {
                    @Override
                    public void ended(org.mbmskeys.engine.spi.InstanceRef instance, InstanceRecord last) {
                        ended.add(node + " " + instance.procedure() + " " + last.state());
                    }
                })
                .procedure(definition)
                .build();
    }

    private void twoEngines(String backend) {
        engine(backend, "bmsc", bmscSide, e -> {
            String ue = new String(e.payload().slice(1, e.payload().length() - 1).toByteArray(), US_ASCII);
            return Optional.of(Route.createIfAbsent("bmsc.reg", ue, new Register(ue), Map.of("ue", ue)));
        });
        Engine ue = engine(backend, "ue-1", ueSide, e -> Optional.of(Route.to("ue.reg", "ue-1", new Ack("ue-1"))));
        ue.start("ue.reg", "ue-1", Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void theRegistrationAndItsAckCrossTheNetwork(String backend) {
        twoEngines(backend);
        time.runDue();

        assertThat(ended).containsExactly("bmsc bmsc.reg registered", "ue-1 ue.reg registered");
        assertThat(network.capture()).extracting(c -> c.message().from() + ">" + c.message().to() + " " + c.fate())
                .containsExactly("ue-1:2269>bmsc:2269 DELIVERED", "bmsc:2269>ue-1:2269 DELIVERED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void aLostAckLeavesTheUeWaitingWhileTheBmscHasFinished(String backend) {
        network.inject(new Fault.Drop(Selector.matching("to the UE", m -> m.recipient().equals("ue-1"))));
        twoEngines(backend);
        time.advance(Duration.ofSeconds(10));

        assertThat(ended).containsExactly("bmsc bmsc.reg registered");
    }
}
