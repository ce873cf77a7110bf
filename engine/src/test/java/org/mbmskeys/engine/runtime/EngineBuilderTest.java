package org.mbmskeys.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mbmskeys.engine.Journal;
import org.mbmskeys.engine.TestEvents.Go;
import org.mbmskeys.engine.TestEvents.Leave;
import org.mbmskeys.engine.backend.ExecutableProcedure;
import org.mbmskeys.engine.backend.ExecutionBackend;
import org.mbmskeys.engine.backend.StateTree;
import org.mbmskeys.engine.backend.StepContext;
import org.mbmskeys.engine.backend.interpreter.NativeBackend;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.SourceRef;
import org.mbmskeys.engine.spi.InstanceStore;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.junit.jupiter.api.Test;

/** The builder fails fast and says what was set before; build() reports every definition problem. */
class EngineBuilderTest {

    private final ProcedureDefinition p = ProcedureDefinition.builder("p").state("a", s -> s.on(Go.class, "b")).state("b", s -> s.on(Leave.class, "left")).finalState("left").build();

    @Test
    void aSettingGivenTwiceIsRefusedNamingTheValueItAlreadyHas() {
        ManualScheduler time = new ManualScheduler();

        assertThatThrownBy(() -> Engine.builder().scheduler(time).scheduler(new ManualScheduler()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("scheduler was already set to " + time);
        assertThatThrownBy(() -> Engine.builder().lanes(2).lanes(3))
                .hasMessage("lanes was already set to 2");
        assertThatThrownBy(() -> Engine.builder().backend("native").backend(new NativeBackend()))
                .hasMessage("backend was already set to native");
        assertThatThrownBy(() -> Engine.builder().channel("out", m -> { }).channel("out", m -> { }))
                .hasMessageStartingWith("channel 'out' was already set to ");
        assertThatThrownBy(() -> Engine.builder().store(InstanceStore.inMemory()).store(InstanceStore.inMemory()))
                .hasMessageStartingWith("store was already set to InstanceStore.inMemory()");
        Migration keep = (stored, deployed) -> java.util.Optional.empty();
        assertThatThrownBy(() -> Engine.builder().migration(keep).migration(keep))
                .hasMessage("migration was already set to " + keep);
    }

    @Test
    void anEngineNeedsAtLeastOneLane() {
        assertThatThrownBy(() -> Engine.builder().lanes(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an engine needs at least 1 lane, got 0");
    }

    @Test
    void deterministicModeAndAThreadFactoryExcludeEachOther() {
        assertThatThrownBy(() -> Engine.builder().deterministic().threadFactory(Thread::new))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("deterministic mode runs lanes on the calling thread; it cannot be combined with a thread factory");
    }

    @Test
    void theNativeBackendIsTheDefault() {
        Engine engine = Engine.builder().deterministic().procedure(p).build();

        assertThat(engine.backend()).isEqualTo("native");
    }

    @Test
    void theSpringBackendIsFoundByNameThroughTheServiceLoader() {
        Engine engine = Engine.builder().deterministic().backend("spring").procedure(p).build();

        assertThat(engine.backend()).isEqualTo("spring");
    }

    @Test
    void anUnknownBackendNameIsRefusedListingTheAvailableOnes() {
        assertThatThrownBy(() -> Engine.builder().deterministic().backend("sprung").procedure(p).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no execution backend named 'sprung'; available are [native, spring]. A backend is found through "
                        + "META-INF/services/org.mbmskeys.engine.backend.ExecutionBackend; is its module on the class path?");
    }

    @Test
    void theBackendCanBeChosenByASystemProperty() {
        String before = System.getProperty(EngineBuilder.BACKEND_PROPERTY);
        try {
            System.setProperty(EngineBuilder.BACKEND_PROPERTY, "sprung");
            assertThatThrownBy(() -> Engine.builder().deterministic().procedure(p).build())
                    .hasMessageStartingWith("no execution backend named 'sprung' (from system property mbmskeys.engine.backend)");

            System.setProperty(EngineBuilder.BACKEND_PROPERTY, "native");
            assertThat(Engine.builder().deterministic().procedure(p).build().backend()).isEqualTo("native");

            System.setProperty(EngineBuilder.BACKEND_PROPERTY, "spring");
            assertThat(Engine.builder().deterministic().procedure(p).build().backend()).isEqualTo("spring");
        } finally {
            if (before == null) {
                System.clearProperty(EngineBuilder.BACKEND_PROPERTY);
            } else {
                System.setProperty(EngineBuilder.BACKEND_PROPERTY, before);
            }
        }
    }

    @Test
    void anotherBackendDropsInThroughTheSeam() {
        List<String> prepared = new ArrayList<>();
        ExecutionBackend recording = new ExecutionBackend() {
            private final NativeBackend delegate = new NativeBackend();

            @Override
            public String name() {
                return "recording";
            }

            @Override
            public ExecutableProcedure prepare(ProcedureDefinition definition, int lanes) {
                prepared.add(definition.name() + " v" + definition.version() + " on " + lanes + " lanes");
                return delegate.prepare(definition, lanes);
            }
        };
        Engine engine = Engine.builder().deterministic().lanes(3).backend(recording).procedure(p).build();

        engine.start("p", "k", Map.of());
        engine.send("p", "k", new Go());

        assertThat(engine.backend()).isEqualTo("recording");
        assertThat(prepared).containsExactly("p v1 on 3 lanes");
        assertThat(engine.instance("p", "k").orElseThrow().state()).isEqualTo("b");
    }

    @Test
    void aBackendThatNeitherTakesNorRejectsAnEventFailsTheInstanceSayingSo() {
        ExecutionBackend lazy = new ExecutionBackend() {
            @Override
            public String name() {
                return "lazy";
            }

            @Override
            public ExecutableProcedure prepare(ProcedureDefinition definition, int lanes) {
                ExecutableProcedure real = new NativeBackend().prepare(definition, lanes);
                return new ExecutableProcedure() {
                    @Override
                    public StateTree tree() {
                        return real.tree();
                    }

                    @Override
                    public void start(StepContext step) throws Exception {
                        real.start(step);
                    }

                    @Override
                    public void fire(StepContext step) {
                        // forgets to report anything
                    }
                };
            }
        };
        Journal journal = new Journal();
        Engine engine = Engine.builder().deterministic().backend(lazy).listener(journal).procedure(p).build();
        engine.start("p", "k", Map.of());

        engine.send("p", "k", new Go());

        assertThat(journal.failed).singleElement().satisfies(f -> assertThat(f.cause())
                .hasMessage("backend 'lazy' neither took, retried nor rejected Go in state 'a'"));
    }

    @Test
    void everyProblemOfEveryDefinitionIsReportedTogether() {
        ProcedureDefinition first = ProcedureDefinition.builder("first").state("a", s -> s.on(Go.class, "nowhere")).build();
        ProcedureDefinition second = new ProcedureDefinition("second", 1, "", "", List.of(), Optional.empty(), List.of(),
                ProcedureDefinition.builder("x").state("a", s -> s.on(Go.class, "elsewhere")).build().states(), "start",
                Optional.empty(), new SourceRef("second.groovy", 1, 1));

        assertThatThrownBy(() -> Engine.builder().deterministic().procedure(first).procedure(second).build())
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> {
                    // the verifier's words, as a script gets them, not the backend's
                    assertThat(e.problems()).extracting(Object::toString).satisfiesExactly(
                            line -> assertThat(line).matches("EngineBuilderTest\\.java:\\d+:1: on\\(Go\\) in state 'a' goes to "
                                    + "'nowhere', which is not a state; declared states: a"),
                            line -> assertThat(line).isEqualTo("second.groovy:1:1: initial state 'start' is not a state of "
                                    + "procedure 'second'; declared states: a"),
                            line -> assertThat(line).matches("EngineBuilderTest\\.java:\\d+:1: on\\(Go\\) in state 'a' goes to "
                                    + "'elsewhere', which is not a state; declared states: a"));
                    assertThat(e.getMessage()).endsWith("3 problems in 2 files");
                });
    }
}
