package org.mbmskeys.engine.backend.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.mbmskeys.engine.Journal;
import org.mbmskeys.engine.TestEvents.Go;
import org.mbmskeys.engine.TestEvents.Hello;
import org.mbmskeys.engine.TestEvents.Ping;
import org.mbmskeys.engine.TestEvents.Stop;
import org.mbmskeys.engine.backend.ExecutableProcedure;
import org.mbmskeys.engine.backend.ExecutionBackend;
import org.mbmskeys.engine.backend.StateTree;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.Signal;
import org.mbmskeys.engine.runtime.Engine;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.Step;
import org.mbmskeys.engine.testkit.TraceRecorder;
import org.mbmskeys.engine.testkit.TransitionTrace;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.listener.StateMachineListenerAdapter;
import org.springframework.statemachine.transition.Transition;

/**
 * What the Spring machines themselves do: their ids are safe as regular expressions, their listeners see
 * the model's transitions, their states follow the instance, and a machine that stops answering fails the
 * instance instead of dropping its events.
 */
class SpringMachineTest {

    /** Keeps what it prepared, so a test can reach the lanes' Spring machines. */
    private static final class Capturing implements ExecutionBackend {
        final List<SpringProcedure> prepared = new ArrayList<>();

        @Override
        public String name() {
            return "spring";
        }

        @Override
        public ExecutableProcedure prepare(ProcedureDefinition definition, int lanes) {
            SpringProcedure p = (SpringProcedure) new SpringStatemachineBackend().prepare(definition, lanes);
            prepared.add(p);
            return p;
        }
    }

    /** Records what a Spring listener is told. */
    private static final class SpringEvents extends StateMachineListenerAdapter<String, String> {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void transition(Transition<String, String> transition) {
            if (transition.getSource() != null && transition.getTrigger() != null) {
                seen.add(transition.getSource().getId() + " -" + transition.getTrigger().getEvent() + "-> "
                        + transition.getTarget().getId());
            }
        }

        @Override
        public void eventNotAccepted(Message<String> event) {
            seen.add("not accepted: " + event.getPayload());
        }
    }

    /**
     * <pre>
     * session { a { a1, a2 }, b }, done
     * </pre>
     */
    private static ProcedureDefinition nested(String name) {
        return ProcedureDefinition.builder(name)
                .state("session", s -> s
                        .state("a", a -> a
                                .state("a1", a1 -> a1.on(Go.class, "a2").on(Ping.class, "b"))
                                .state("a2", a2 -> a2.on(Go.class, "a2"))
                                .on(Hello.class, "a1"))
                        .state("b", b -> b.onSignal("back", "a").on(Go.class, t -> t.action(ctx -> { })))
                        .on(Stop.class, "done"))
                .finalState("done")
                .errorState("failed")
                .build();
    }

    @Test
    void machineIdsAreMadeOnlyOfCharactersThatAreNotRegexMetacharacters() {
        StateTree tree = StateTree.of(ProcedureDefinition.builder("bmsc.msk(push[1]").version(3).state("a").build());

        assertThat(MachineAssembly.machineId(tree, 1)).isEqualTo("bmsc_msk_push_1_-v3-lane1").matches("[A-Za-z0-9_-]+");
    }

    @Test
    void springListenersSeeTheModelsTransitionsEvenWhenTheProcedureNameIsNotASafeRegex() {
        Capturing backend = new Capturing();
        OneLane h = oneLane(backend, nested("msk(push"));
        StateMachine<String, String> machine = onlyMachine(backend);
        SpringEvents events = new SpringEvents();
        machine.addStateListener(events);

        h.engine().start("msk(push", "k", Map.of());
        h.engine().send("msk(push", "k", new Go());       // a1 -> a2
        h.engine().send("msk(push", "k", new Ping());     // not accepted in a2
        h.engine().send("msk(push", "k", new Hello("x")); // a -> a1
        h.engine().send("msk(push", "k", new Ping());     // a1 -> b
        h.engine().send("msk(push", "k", new Go());       // internal in b
        h.engine().signal("msk(push", "k", "back", null); // b -> a

        // Each submachine on the active path declines an event before the top machine takes it (Spring keeps
        // every transition in the top machine), so Spring's eventNotAccepted is noise, not a rejection.
        assertThat(events.seen).filteredOn(e -> !e.startsWith("not accepted"))
                .containsExactly("a1 -event-> a2", "a -event-> a1", "a1 -event-> b", "b -event-> b", "b -signal:back-> a");
        assertThat(events.seen).contains("not accepted: event", "not accepted: signal:back");
    }

    @Test
    void theSpringMachineIsInTheInstancesStatesAfterEachStep() {
        Capturing backend = new Capturing();
        OneLane h = oneLane(backend, nested("p"));
        StateMachine<String, String> machine = onlyMachine(backend);
        List<List<String>> springStates = new ArrayList<>();
        List<Object> events = List.of(new Go(), new Go(), new Hello("x"), new Ping(), new Go(), Signal.of("back"));

        h.engine().start("p", "k", Map.of());
        for (Object event : events) {
            if (event instanceof Signal s) {
                h.engine().signal("p", "k", s.name(), null);
            } else {
                h.engine().send("p", "k", event);
            }
            springStates.add(new ArrayList<>(machine.getState().getIds()));
        }

        assertThat(springStates).containsExactly(List.of("session", "a", "a2"), List.of("session", "a", "a2"),
                List.of("session", "a", "a1"), List.of("session", "b"), List.of("session", "b"),
                List.of("session", "a", "a1"));
        assertThat(h.trace("p", "k").steps()).extracting(Step::to).containsExactly("a1", "a2", "a2", "a1", "b", "b", "a1");
    }

    @Test
    void aLaneMachineThatNoLongerAnswersFailsTheInstanceSayingSo() {
        Capturing backend = new Capturing();
        OneLane h = oneLane(backend, nested("p"));
        h.engine().start("p", "k", Map.of());
        onlyMachine(backend).stopReactively().block();

        h.engine().send("p", "k", new Go());

        assertThat(h.journal().failed).singleElement().satisfies(f -> assertThat(f.cause())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in state 'a1' on Go")
                .hasMessageContaining("is the lane's machine stopped or in error?"));
    }

    /** One lane, so that the test knows which machine the instance uses. */
    private static OneLane oneLane(Capturing backend, ProcedureDefinition definition) {
        Journal journal = new Journal();
        TraceRecorder traces = new TraceRecorder();
        Engine engine = Engine.builder().deterministic().lanes(1).backend(backend).listener(journal).listener(traces)
                .procedure(definition).build();
        return new OneLane(engine, journal, traces);
    }

    private record OneLane(Engine engine, Journal journal, TraceRecorder traces) {
        TransitionTrace trace(String procedure, Object key) {
            return traces.trace(new InstanceRef(procedure, key));
        }
    }

    private static StateMachine<String, String> onlyMachine(Capturing backend) {
        assertThat(backend.prepared).hasSize(1);
        SpringProcedure procedure = backend.prepared.get(0);
        return procedure.lane(0).machine();
    }
}
