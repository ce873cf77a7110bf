package org.mbmskeys.engine.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.mbmskeys.engine.Harness;
import org.mbmskeys.engine.Journal;
import org.mbmskeys.engine.TestEvents.Go;
import org.mbmskeys.engine.TestEvents.Leave;
import org.mbmskeys.engine.TestEvents.Hello;
import org.mbmskeys.engine.TestEvents.Message;
import org.mbmskeys.engine.TestEvents.Ping;
import org.mbmskeys.engine.TestEvents.Stop;
import org.mbmskeys.engine.model.Action;
import org.mbmskeys.engine.model.ProcedureBuilder;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.Signal;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.InstanceStore;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The native and the Spring backend must do the same thing for the same definition and events: the same
 * transition traces, the same order of guard, action, entry and exit calls (and the state each of them
 * sees), the same rejections with the same details, effects, failures and final records. Each scenario
 * is run on both backends with fresh definitions and a fresh log, and everything observable is compared.
 * Each scenario also checks, on the native run, that it exercises what its name says.
 */
class BackendConformanceTest {

    /** One definition set, one script of calls, and what the script must at least show. */
    record Scenario(String name, Function<List<String>, List<ProcedureDefinition>> definitions, Consumer<Run> script,
                    Consumer<Observation> exercises) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Everything a user of the engine can observe of one run. */
    record Observation(List<String> order, Map<String, List<Step>> traces, List<String> rejections, List<String> log,
                       List<String> sent, List<String> replies, List<String> failures, List<String> ended,
                       List<String> running) {
    }

    /** The calls a script makes; every key it touches is observed at the end. */
    static final class Run {
        final Harness h;
        final List<String> replies = Collections.synchronizedList(new ArrayList<>());
        final Set<List<Object>> touched = new LinkedHashSet<>();

        Run(Harness h) {
            this.h = h;
        }

        Run start(String procedure, Object key, Map<String, ?> inputs) {
            touched.add(List.of(procedure, key));
            h.engine.start(procedure, key, inputs);
            return this;
        }

        Run start(String procedure, Object key) {
            return start(procedure, key, Map.of());
        }

        Run send(String procedure, Object key, Object event) {
            touched.add(List.of(procedure, key));
            h.engine.send(procedure, key, event);
            return this;
        }

        Run signal(String procedure, Object key, String name, Object payload) {
            touched.add(List.of(procedure, key));
            h.engine.signal(procedure, key, name, payload);
            return this;
        }

        Run request(String procedure, Object key, Object event) {
            touched.add(List.of(procedure, key));
            h.engine.request(procedure, key, event, payload -> replies.add(key + " <- " + payload));
            return this;
        }

        Run advance(Duration by) {
            h.time.advance(by);
            return this;
        }

        Run advanceSeconds(long seconds) {
            return advance(Duration.ofSeconds(seconds));
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(flat(), nestedWithLeastCommonAncestors(), innermostFirstAndSubtypes(),
                declarationOrderAmongTransitionsOfOneState(), internalTransitions(), timersOfTheSameNameInNestedStates(),
                boundedRetries(), guardsRejecting(), failingTransitionAction(), failingGuard(), failingExitAction(),
                failingStart(), failingErrorStateEntry(), effectsSignalsAndReplies());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void bothBackendsObserveTheSame(Scenario scenario) {
        // The same definition objects on both backends, as after a change of the backend property.
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        List<ProcedureDefinition> definitions = scenario.definitions().apply(log);
        Observation nativeRun = observe(scenario, definitions, log, "native");
        Observation springRun = observe(scenario, definitions, log, "spring");

        scenario.exercises().accept(nativeRun);
        assertThat(springRun.traces()).as("traces").isEqualTo(nativeRun.traces());
        assertThat(springRun.log()).as("guard, action, entry and exit calls").isEqualTo(nativeRun.log());
        assertThat(springRun.rejections()).as("rejections").isEqualTo(nativeRun.rejections());
        assertThat(springRun.failures()).as("failures").isEqualTo(nativeRun.failures());
        assertThat(springRun).isEqualTo(nativeRun);
    }

    @ParameterizedTest(name = "saved on {0}, run on by {1}")
    @MethodSource("backendPairs")
    void aRecordSavedUnderOneBackendRunsOnUnderTheOther(String before, String after) {
        Restarted sameBackend = restart(before, before);
        Restarted otherBackend = restart(before, after);

        assertThat(otherBackend).isEqualTo(sameBackend);
        assertThat(sameBackend.trace()).hasAtLeastOneElementOfType(Step.Retried.class).hasSizeGreaterThan(3);
    }

    static Stream<Arguments> backendPairs() {
        return Stream.of(Arguments.of("native", "spring"), Arguments.of("spring", "native"));
    }

    /** The instance's trace across both engines, and the calls its actions made. */
    record Restarted(List<Step> trace, List<String> log) {
    }

    private static Restarted restart(String before, String after) {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        ProcedureDefinition retries = boundedRetries().definitions().apply(log).get(0);
        ManualScheduler time = new ManualScheduler();
        InstanceStore store = InstanceStore.inMemory();
        Harness first = Harness.on(before, time, store, retries);
        first.engine.start("retries", "k", Map.of());
        time.advance(Duration.ofSeconds(7));   // one retry done, the next deadline at 10 s
        first.engine.close();
        time.advance(Duration.ofSeconds(5));   // overdue while no engine runs: fires once on the next engine
        Harness second = Harness.on(after, time, store, retries);
        time.advance(Duration.ofMillis(1));
        second.engine.send("retries", "k", new Go());
        time.advance(Duration.ofSeconds(10));
        List<Step> trace = new ArrayList<>(first.trace("retries", "k").steps());
        trace.addAll(second.trace("retries", "k").steps());
        return new Restarted(trace, List.copyOf(log));
    }

    // --- running and observing ---

    private static Observation observe(Scenario scenario, List<ProcedureDefinition> definitions, List<String> log,
                                       String backend) {
        log.clear();
        Harness h = Harness.of(backend, definitions.toArray(ProcedureDefinition[]::new));
        Run run = new Run(h);
        scenario.script().accept(run);
        Journal j = h.journal;
        Map<String, List<Step>> traces = new TreeMap<>();
        for (InstanceRef ref : h.traces.instances()) {
            traces.put(ref.toString(), h.traces.trace(ref).steps());
        }
        List<String> rejections = j.rejected.stream()
                .map(r -> r.instance() + " " + r.event() + " " + r.reason() + ": " + r.detail()).toList();
        List<String> sent = h.sent.stream().map(m -> m.from() + " on " + m.channel() + ": " + m.payload()).toList();
        List<String> failures = j.failed.stream().map(f -> f.instance() + " in " + f.state() + ": " + cause(f.cause())).toList();
        List<String> ended = j.ended.stream().map(e -> e.instance() + " " + describe(e.last())).toList();
        List<String> running = new ArrayList<>();
        for (List<Object> key : run.touched) {
            h.engine.instance((String) key.get(0), key.get(1))
                    .ifPresent(r -> running.add(key + " " + describe(r)));
        }
        return new Observation(List.copyOf(j.order), traces, rejections, List.copyOf(log), sent, List.copyOf(run.replies),
                failures, ended, running);
    }

    private static String cause(Throwable t) {
        return t.getClass().getName() + ": " + t.getMessage() + " suppressed "
                + Arrays.stream(t.getSuppressed()).map(Throwable::getMessage).toList();
    }

    private static String describe(InstanceRecord r) {
        return "v" + r.version() + " in " + r.state() + " vars " + new TreeMap<>(r.variables()) + " deadlines "
                + r.deadlines() + " attempts " + new TreeMap<>(r.attempts()) + " failure " + r.failure();
    }

    /** An action that logs {@code what} with the state the action sees. */
    private static Action note(List<String> log, String what) {
        return ctx -> log.add(what + " (in " + ctx.state() + ")");
    }

    private static ProcedureBuilder.StateBuilder logged(List<String> log, ProcedureBuilder.StateBuilder s, String name) {
        return s.onEntry(note(log, "enter " + name)).onExit(note(log, "exit " + name));
    }

    private static Consumer<Observation> steps(String instance, Class<?>... kinds) {
        return o -> {
            List<Step> trace = o.traces().get(instance);
            assertThat(trace).as("trace of %s", instance).isNotNull();
            for (Class<?> kind : kinds) {
                assertThat(trace).as("trace of %s", instance).hasAtLeastOneElementOfType(kind);
            }
        };
    }

    // --- scenarios ---

    private static Scenario flat() {
        return new Scenario("flat: transitions, no transition, no instance, already running", log -> List.of(
                ProcedureDefinition.builder("flat")
                        .state("a", s -> logged(log, s, "a").on(Go.class, t -> t.action(note(log, "a->b")).to("b")))
                        .state("b", s -> logged(log, s, "b").on(Go.class, "c").on(Stop.class, "done"))
                        .state("c", s -> logged(log, s, "c").on(Ping.class, "done"))
                        .finalState("done", s -> s.onEntry(note(log, "enter done")))
                        .errorState("failed")
                        .build()),
                run -> run.start("flat", "k").send("flat", "k", new Ping()).send("flat", "k", new Go())
                        .send("flat", "k", new Go()).send("flat", "k", new Stop()).start("flat", "k")
                        .send("flat", "k", new Ping()).send("flat", "k", new Go()),
                steps("flat[k]", Step.Started.class, Step.Transitioned.class, Step.Rejected.class)
                        .andThen(o -> assertThat(o.rejections()).anyMatch(r -> r.contains("NO_INSTANCE"))
                                .anyMatch(r -> r.contains("ALREADY_RUNNING")).anyMatch(r -> r.contains("NO_TRANSITION"))));
    }

    /**
     * <pre>
     * session { a { a1, a2 }, b { b1 { b11 } } }, done
     * </pre>
     */
    private static Scenario nestedWithLeastCommonAncestors() {
        return new Scenario("nested: exits up to the least common ancestor, entries down to the initial leaf", log -> List.of(
                ProcedureDefinition.builder("nested")
                        .state("session", s -> logged(log, s, "session")
                                .state("a", a -> logged(log, a, "a")
                                        .state("a1", a1 -> logged(log, a1, "a1")
                                                .on(Go.class, t -> t.action(note(log, "a1->a2")).to("a2"))
                                                .on(Ping.class, t -> t.action(note(log, "a1->b11")).to("b11")))
                                        .state("a2", a2 -> logged(log, a2, "a2")
                                                .on(Go.class, t -> t.action(note(log, "a2->a2")).to("a2")))
                                        .on(Hello.class, t -> t.action(note(log, "a->a1")).to("a1")))
                                .state("b", b -> logged(log, b, "b")
                                        .state("b1", b1 -> logged(log, b1, "b1")
                                                .state("b11", b11 -> logged(log, b11, "b11")
                                                        .on(Ping.class, t -> t.action(note(log, "b11->a")).to("a"))))
                                        .on(Go.class, t -> t.action(note(log, "b->b1")).to("b1")))
                                .on(Stop.class, t -> t.action(note(log, "session->done")).to("done")))
                        .finalState("done")
                        .errorState("failed")
                        .build()),
                run -> run.start("nested", "k").send("nested", "k", new Go()).send("nested", "k", new Go())
                        .send("nested", "k", new Hello("ue")).send("nested", "k", new Ping())
                        .send("nested", "k", new Go()).send("nested", "k", new Ping()).send("nested", "k", new Stop()),
                steps("nested[k]", Step.Transitioned.class).andThen(o -> assertThat(o.log())
                        .containsSubsequence("exit b11 (in b11)", "exit b1 (in b11)", "exit b (in b11)", "b->b1 (in b11)",
                                "enter b (in b)", "enter b1 (in b1)", "enter b11 (in b11)")));
    }

    private static Scenario innermostFirstAndSubtypes() {
        return new Scenario("priority: the innermost state first, events match their supertypes", log -> List.of(
                ProcedureDefinition.builder("subtypes")
                        .state("outer", o -> o
                                .state("inner", i -> i
                                        .on(Hello.class, t -> t.when(ctx -> {
                                            log.add("inner guard");
                                            return ((Hello) ctx.event()).from().equals("ue");
                                        }).to("viaInner"))
                                        .on(Go.class, "innerGo"))
                                .state("viaInner", v -> v.on(Stop.class, "inner"))
                                .state("innerGo")
                                .on(Message.class, t -> t.action(note(log, "outer took the message")).to("viaOuter"))
                                .on(Go.class, "outerGo"))
                        .state("viaOuter", s -> s.on(Stop.class, "outer"))
                        .state("outerGo", s -> s.on(Leave.class, "left"))
                        .errorState("failed")
                        .finalState("left")
                        .build()),
                run -> run.start("subtypes", "k").send("subtypes", "k", new Hello("ue")).send("subtypes", "k", new Stop())
                        .send("subtypes", "k", new Hello("x")).send("subtypes", "k", new Stop())
                        .send("subtypes", "k", new Go()),
                o -> assertThat(o.log()).containsExactly("inner guard", "inner guard", "outer took the message (in inner)"));
    }

    private static Scenario declarationOrderAmongTransitionsOfOneState() {
        return new Scenario("priority: declaration order among the transitions of one state on one event", log -> {
            var b = ProcedureDefinition.builder("order")
                    .state("a", s -> {
                        for (int i = 1; i <= 6; i++) {
                            int n = i;
                            s.on(Go.class, t -> t.when(ctx -> {
                                log.add("guard " + n);
                                return n >= 3;
                            }).to("t" + n));
                        }
                        s.on(Ping.class, "t5").on(Ping.class, "t6").on(Ping.class, "t4");
                    });
            for (int i = 1; i <= 6; i++) {
                b.state("t" + i, s -> s.on(Stop.class, "a"));
            }
            return List.of(b.errorState("failed").build());
        },
                run -> run.start("order", "k").send("order", "k", new Go()).send("order", "k", new Stop())
                        .send("order", "k", new Ping()).send("order", "k", new Stop()).send("order", "k", new Go()),
                o -> {
                    assertThat(o.log()).containsExactly("guard 1", "guard 2", "guard 3", "guard 1", "guard 2", "guard 3");
                    assertThat(o.running()).singleElement().asString().contains("in t3");
                    assertThat(o.traces().get("order[k]")).extracting(Step::to).contains("t5");
                });
    }

    private static Scenario internalTransitions() {
        return new Scenario("internal: actions only, no exit or entry, timers keep running", log -> List.of(
                ProcedureDefinition.builder("internal")
                        .variable("pings", Integer.class, 0)
                        .state("a", a -> logged(log, a, "a").on(Leave.class, "left")
                                .on(Ping.class, t -> t.action(ctx -> ctx.set("pings", (Integer) ctx.get("pings") + 1)))
                                .state("a1", a1 -> logged(log, a1, "a1")
                                        .on(Go.class, t -> t.action(note(log, "internal on a1")))
                                        .after("t", Duration.ofSeconds(5), t -> t.to("b"))))
                        .state("b", s -> s.on(Leave.class, "left").onEntry(ctx -> log.add("pings " + ctx.get("pings"))))
                        .errorState("failed")
                        .finalState("left")
                        .build()),
                run -> run.start("internal", "k").advanceSeconds(2).send("internal", "k", new Ping())
                        .send("internal", "k", new Go()).advanceSeconds(2).send("internal", "k", new Ping())
                        .advanceSeconds(1),
                steps("internal[k]", Step.Internal.class).andThen(o -> assertThat(o.log()).contains("pings 2")));
    }

    private static Scenario timersOfTheSameNameInNestedStates() {
        return new Scenario("timers: each state's own timer, restarts found outwards", log -> List.of(
                ProcedureDefinition.builder("timers")
                        .state("p", p -> p
                                .after("pt", Duration.ofSeconds(10), t -> t.action(note(log, "parent's t")).to("done"))
                                .state("c", c -> c.after("ct", Duration.ofSeconds(3), t -> t.action(note(log, "child's t")).to("c2")))
                                .state("c2", c -> c.on(Go.class, t -> t.action(ctx -> ctx.restartTimer("pt")))))
                        .finalState("done")
                        .errorState("failed")
                        .build()),
                run -> run.start("timers", "k").advanceSeconds(3).advanceSeconds(4).send("timers", "k", new Go())
                        .advanceSeconds(5).advanceSeconds(5),
                o -> assertThat(o.log()).containsExactly("child's t (in c)", "parent's t (in c2)"));
    }

    private static Scenario boundedRetries() {
        return new Scenario("retries: re-entry while attempts remain, then the target", log -> List.of(
                ProcedureDefinition.builder("retries")
                        .state("sending", s -> s
                                .onEntry(ctx -> {
                                    log.add("send #" + ctx.attempt());
                                    ctx.send("out", "message #" + ctx.attempt());
                                })
                                .onExit(note(log, "exit sending"))
                                .after("ack", Duration.ofSeconds(5), t -> t.retry(2).action(note(log, "give up")).to("failed"))
                                .on(Go.class, "waiting"))
                        .state("waiting", w -> logged(log, w, "waiting")
                                .state("w1", w1 -> logged(log, w1, "w1")
                                        .after("poll", Duration.ofSeconds(2), t -> t.retry(1).action(note(log, "poll used up")).to("waiting")))
                                .after("idle", Duration.ofSeconds(7), t -> t.retry(1).to("failed"))
                                .on(Go.class, "sending"))
                        .finalState("failed")
                        .errorState("broken")
                        .build()),
                run -> run.start("retries", "k").advanceSeconds(5).advanceSeconds(5).send("retries", "k", new Go())
                        .advanceSeconds(2).advanceSeconds(2).advanceSeconds(3).advanceSeconds(7).advanceSeconds(7),
                steps("retries[k]", Step.Retried.class)
                        .andThen(o -> assertThat(o.sent()).hasSize(3)));
    }

    private static Scenario guardsRejecting() {
        return new Scenario("guards: a rejection names every transition whose guard said no", log -> List.of(
                ProcedureDefinition.builder("guards")
                        .variable("open", Boolean.class, false)
                        .state("closed", s -> s
                                .on(Go.class, t -> t.when(ctx -> (Boolean) ctx.get("open")).to("opened"))
                                .on(Go.class, t -> t.when(ctx -> false).to("never"))
                                .on(Ping.class, t -> t.action(ctx -> ctx.set("open", true)))
                                .onSignal("poke", t -> t.when(ctx -> ((Signal) ctx.event()).payload() != null).to("opened"))
                                .after("t", Duration.ofSeconds(1), t -> t.when(ctx -> false).to("never")))
                        .state("opened", s -> s.on(Leave.class, "left"))
                        .state("never", s -> s.on(Leave.class, "left"))
                        .errorState("failed")
                        .finalState("left")
                        .build()),
                run -> run.start("guards", "k").send("guards", "k", new Go()).advanceSeconds(1)
                        .signal("guards", "k", "poke", null).signal("guards", "k", "nobody", null)
                        .send("guards", "k", new Ping()).send("guards", "k", new Go()),
                o -> assertThat(o.rejections()).filteredOn(r -> r.contains("GUARD_REJECTED")).hasSize(3));
    }

    /** Declares the error state (after the others: the first top-level state is the initial one). */
    private static ProcedureDefinition withErrorState(List<String> log, ProcedureBuilder b) {
        return b.finalState("left").errorState("broken", e -> e.onEntry(ctx -> {
            log.add("enter broken after " + ctx.event());
            ctx.send("out", "failure notice");
        })).build();
    }

    private static Scenario failingTransitionAction() {
        return new Scenario("failures: an action throws after the exits; effects dropped, error state entered", log -> List.of(
                withErrorState(log, ProcedureDefinition.builder("act")
                        .state("session", s -> logged(log, s, "session")
                                .state("a", a -> logged(log, a, "a")
                                        .after("t", Duration.ofSeconds(5), t -> t.to("b"))
                                        .on(Go.class, t -> t.action(ctx -> {
                                            ctx.send("out", "before the failure");
                                            ctx.emit("half done");
                                            throw new IllegalStateException("key store unavailable");
                                        }).to("b")))
                                .state("b", b -> logged(log, b, "b").on(Leave.class, "left"))))),
                run -> run.start("act", "k").send("act", "k", new Go()).advanceSeconds(10).send("act", "k", new Go()),
                steps("act[k]", Step.Failed.class).andThen(o -> assertThat(o.sent()).containsExactly("act[k] on out: failure notice")));
    }

    private static Scenario failingGuard() {
        return new Scenario("failures: a guard throws before anything is exited", log -> List.of(
                withErrorState(log, ProcedureDefinition.builder("guard")
                        .state("a", a -> logged(log, a, "a").on(Leave.class, "left")
                                .on(Ping.class, t -> t.when(ctx -> {
                                    log.add("first guard");
                                    return false;
                                }).to("a"))
                                .on(Ping.class, t -> t.when(ctx -> {
                                    throw new ArithmeticException("guard broke");
                                }).to("a"))
                                .on(Ping.class, t -> t.when(ctx -> {
                                    log.add("never asked");
                                    return true;
                                }).to("a"))))),
                run -> run.start("guard", "k").send("guard", "k", new Ping()),
                o -> assertThat(o.failures()).singleElement().asString().contains("ArithmeticException: guard broke"));
    }

    private static Scenario failingExitAction() {
        return new Scenario("failures: an exit action throws halfway up the exits", log -> List.of(
                withErrorState(log, ProcedureDefinition.builder("exit")
                        .state("outer", o -> logged(log, o, "outer")
                                .onExit(ctx -> {
                                    throw new IllegalStateException("cannot leave outer");
                                })
                                .state("inner", i -> logged(log, i, "inner").on(Go.class, "next")))
                        .state("next", s -> logged(log, s, "next").on(Leave.class, "left")))),
                run -> run.start("exit", "k").send("exit", "k", new Go()),
                o -> assertThat(o.log()).contains("exit inner (in inner)", "exit outer (in inner)").doesNotContain("enter next (in next)"));
    }

    private static Scenario failingStart() {
        return new Scenario("failures: an entry action throws on start; the new instance fails into the error state", log -> List.of(
                ProcedureDefinition.builder("start")
                        .state("a", a -> a.on(Leave.class, "left").onEntry(ctx -> {
                            throw new IllegalArgumentException("bad input");
                        }))
                        .errorState("failed")
                        .finalState("left")
                        .build(),
                ProcedureDefinition.builder("later")
                        .state("a", a -> a.on(Go.class, t -> t.action(ctx -> {
                            throw new IllegalStateException("fails on the first event");
                        }).to("b")))
                        .state("b", b -> b.on(Leave.class, "left"))
                        .finalState("left")
                        .errorState("failed")
                        .build()),
                run -> run.start("start", "k").send("start", "k", new Go()).start("later", "k").send("later", "k", new Go()),
                o -> assertThat(o.ended()).hasSize(2).allMatch(e -> e.contains("in failed")));
    }

    private static Scenario failingErrorStateEntry() {
        return new Scenario("failures: the error state's entry throws too; suppressed, its effects dropped", log -> List.of(
                ProcedureDefinition.builder("twice")
                        .state("a", s -> s.on(Leave.class, "left").on(Go.class, t -> t.action(ctx -> {
                            throw new IllegalStateException("first");
                        }).to("a")))
                        .errorState("broken", e -> e.onEntry(ctx -> {
                            ctx.send("out", "never");
                            throw new IllegalStateException("second");
                        }))
                        .finalState("left")
                        .build()),
                run -> run.start("twice", "k").send("twice", "k", new Go()),
                o -> assertThat(o.failures()).singleElement().asString().contains("suppressed [second]"));
    }

    private static Scenario effectsSignalsAndReplies() {
        return new Scenario("effects: start, signal, send, reply and emit, in order", log -> List.of(
                ProcedureDefinition.builder("parent")
                        .input("child", String.class)
                        .state("spawning", s -> s
                                .onEntry(ctx -> ctx.start("child", ctx.input("child"), Map.of("parent", ctx.key())))
                                .onSignal("done", t -> t.action(ctx -> ctx.emit("child finished: "
                                        + ((Signal) ctx.event()).payload())).to("finished")))
                        .finalState("finished")
                        .errorState("failed")
                        .build(),
                ProcedureDefinition.builder("child")
                        .input("parent", Object.class)
                        .state("working", s -> s
                                .on(Ping.class, t -> t.action(ctx -> ctx.reply("pong from " + ctx.state())))
                                .on(Go.class, t -> t.action(ctx -> {
                                    ctx.signal("parent", ctx.input("parent"), "done", "ok");
                                    ctx.send("out", "bye");
                                }).to("over")))
                        .finalState("over")
                        .errorState("failed")
                        .build()),
                run -> run.start("parent", "p1", Map.of("child", "c1")).request("child", "c1", new Ping())
                        .send("child", "c1", new Go()),
                o -> {
                    assertThat(o.replies()).containsExactly("c1 <- pong from working");
                    assertThat(o.order()).anyMatch(line -> line.startsWith("outcome parent[p1] child finished: ok"));
                });
    }

}
