package org.mbmskeys.engine.backend.spring;

import java.util.ArrayList;
import java.util.List;
import org.mbmskeys.engine.backend.StepContext;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineContext;
import org.springframework.statemachine.access.StateMachineAccess;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One lane's Spring machine for one definition. A lane runs one step at a time, so the machine has one
 * writer; for each event it is reset to the instance's leaf (every region, outermost first, so that each
 * submachine on the leaf's path points at the right child), then the event is sent and awaited.
 */
final class LaneMachine {

    private final StateMachine<String, String> machine;
    private final Dispatch dispatch;
    private final List<StateMachineAccess<String, String>> regions = new ArrayList<>();
    private final List<StateMachineContext<String, String>> contexts = new ArrayList<>();

    LaneMachine(RouteTable table, int lane) {
        String id = MachineAssembly.machineId(table.tree, lane);
        this.dispatch = new Dispatch(table);
        this.machine = MachineAssembly.build(table, dispatch, id);
        machine.getStateMachineAccessor().doWithAllRegions(regions::add);
        for (int s = 0; s < table.tree.size(); s++) {
            contexts.add(new DefaultStateMachineContext<>(table.tree.name(s), null, null, null, null, id));
        }
    }

    void fire(StepContext step) throws Exception {
        dispatch.begin(step);
        Throwable springFailure = null;
        try {
            StateMachineContext<String, String> context = contexts.get(step.stateIndex());
            Flux.fromIterable(regions).concatMap(region -> region.resetStateMachineReactively(context)).blockLast();
            Object event = step.event();
            Message<String> message = MessageBuilder.withPayload(EventKeys.of(event, step.timerState()))
                    .setHeader(SpringStatemachineBackend.EVENT_HEADER, event)
                    .build();
            machine.sendEvent(Mono.just(message)).blockLast();
        } catch (Throwable t) {
            springFailure = t;
        }
        dispatch.finish(springFailure);
    }

    StateMachine<String, String> machine() {
        return machine;
    }
}
