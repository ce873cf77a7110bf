package org.mbmskeys.features.engine;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * Around every scenario: skip it when the selected backend is not on the class path (a clear message
 * instead of the same failure in every scenario), write its trace file afterwards, close its engine.
 */
public class Hooks {

    private static Optional<String> unavailable = Optional.empty();

    private final World world;

    public Hooks(World world) {
        this.world = world;
    }

    @BeforeAll
    public static void prepareTraceDirectory() {
        TraceFiles.reset();
        unavailable = Backends.unavailable();
        unavailable.ifPresent(reason -> {
            TraceFiles.writeUnavailable(reason);
            System.err.println("[features] skipping every engine scenario: " + reason);
        });
    }

    @Before(order = 0)
    public void skipWithoutTheBackend() {
        if (unavailable.isPresent()) {
            throw new TestAbortedException(unavailable.get());
        }
    }

    @After
    public void writeTraceAndClose(Scenario scenario) {
        try {
            if (unavailable.isEmpty()) {
                TraceFiles.write(world, scenario.getUri().toString(), scenario.getLine(), scenario.getName(),
                        scenario.getStatus().name());
            }
        } finally {
            world.close();
        }
    }
}
