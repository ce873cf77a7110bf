package org.mbmskeys.engine.backend.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.mbmskeys.engine.TestEvents.Go;
import org.mbmskeys.engine.TestEvents.Leave;
import org.mbmskeys.engine.backend.ExecutionBackend;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.runtime.Engine;

/** Runs inside {@link WithoutSpringTest}'s class loader, where Spring cannot be loaded; reports what it saw. */
public final class WithoutSpringProbe implements Supplier<List<String>> {

    public WithoutSpringProbe() {
    }

    @Override
    public List<String> get() {
        List<String> seen = new ArrayList<>();
        seen.add("spring hidden: " + hidden());
        TreeSet<String> names = new TreeSet<>();
        for (ExecutionBackend backend : ServiceLoader.load(ExecutionBackend.class, getClass().getClassLoader())) {
            names.add(backend.name());
        }
        seen.add("service loader lists: " + names);
        ProcedureDefinition p = ProcedureDefinition.builder("p").state("a", s -> s.on(Go.class, "b")).state("b", s -> s.on(Leave.class, "left")).finalState("left").build();
        Engine engine = Engine.builder().deterministic().backend("native").procedure(p).build();
        engine.start("p", "k", Map.of());
        engine.send("p", "k", new Go());
        seen.add("native runs: " + engine.instance("p", "k").orElseThrow().state());
        try {
            Engine.builder().deterministic().backend("spring").procedure(p).build();
            seen.add("spring ran without Spring");
        } catch (IllegalStateException e) {
            seen.add("spring refused: " + e.getMessage());
        }
        return seen;
    }

    private boolean hidden() {
        try {
            Class.forName("org.springframework.statemachine.StateMachine", false, getClass().getClassLoader());
            return false;
        } catch (ClassNotFoundException e) {
            return true;
        }
    }
}
