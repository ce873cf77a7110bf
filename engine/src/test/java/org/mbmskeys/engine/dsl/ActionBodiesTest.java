package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import groovy.lang.Closure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.engine.dsl.events.Ack;
import org.mbmskeys.engine.dsl.events.Ping;
import org.mbmskeys.engine.model.Action;
import org.mbmskeys.engine.model.ActionFailure;
import org.mbmskeys.engine.model.Guard;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.Signal;
import org.mbmskeys.engine.model.TimerFired;

/** What action and guard bodies do when the runtime calls them, in both compilation modes. */
class ActionBodiesTest {

    private static Action entry(boolean statically, String body) {
        ProcedureDefinition d = Scripts.define(statically, """
                procedure('t') {
                    input 'ue', String
                    input 'count', Integer
                    variable 'attempts', Integer, 0
                    variable 'note', String
                    initial 'a'
                    state('a') {
                        onEntry { %s }
                        on(Ack) { goTo 'done' }
                    }
                    finalState 'done'
                    errorState 'failed'
                }
                """.formatted(body));
        return d.state("a").onEntry().get(0);
    }

    private static RecordingContext run(boolean statically, String body, RecordingContext context) throws Exception {
        entry(statically, body).execute(context);
        return context;
    }

    private static RecordingContext context() {
        return new RecordingContext().input("ue", "ue-7").input("count", 3).variable("attempts", 1).variable("note", null);
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void effectKeywordsReachTheContextInOrder(boolean statically) throws Exception {
        RecordingContext c = run(statically, """
                send 'mikey', 'k1'
                reply 'ok'
                start 'other', 'ue-9'
                start 'other', 'ue-9', [msk: 'm1']
                signal 'other', 'ue-9', 'cancel'
                signal 'other', 'ue-9', 'cancel', 42
                emit 'delivered'
                restartTimer 'ackTimer'""", context());

        assertThat(c.effects).containsExactly("send mikey k1 (String)", "reply ok", "start other ue-9 {}",
                "start other ue-9 {msk=m1}", "signal other ue-9 cancel null", "signal other ue-9 cancel 42", "emit delivered",
                "restartTimer ackTimer");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void gstringsLeaveTheActionAsStrings(boolean statically) throws Exception {
        RecordingContext c = run(statically, """
                send 'mikey', "key for ${input('ue')}"
                set('note', "n=${attempts}")""", context());

        assertThat(c.effects).containsExactly("send mikey key for ue-7 (String)");
        assertThat(c.variables.get("note")).isEqualTo("n=1").isInstanceOf(String.class);
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void variablesReadAndWriteByBareNameOrByGetAndSet(boolean statically) throws Exception {
        RecordingContext c = run(statically, """
                attempts = attempts + 1
                set('note', 'first ' + get('attempts'))""", context());

        assertThat(c.variables).containsEntry("attempts", 2).containsEntry("note", "first 2");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void aLocalNameHidesTheVariableAndCompoundOrValueAssignmentsStillReachIt(boolean statically) throws Exception {
        RecordingContext c = run(statically, """
                def note = 'local'
                note = note + '!'
                emit note
                attempts += 2
                attempts++
                emit attempts
                if ((attempts = 10) > 9) { emit attempts }""", context());

        assertThat(c.effects).containsExactly("emit local!", "emit 4", "emit 10");
        assertThat(c.variables).containsEntry("attempts", 10).containsEntry("note", null);
    }

    @Test
    void staticActionsReachVariablesByDirectCallsNotByPropertyLookUp() throws Exception {
        String body = """
                attempts = attempts + 1
                if (note == null) { note = 'set' }""";

        RecordingContext statically = run(true, body, context());
        RecordingContext dynamically = run(false, body, context());

        assertThat(statically.variables).isEqualTo(dynamically.variables).containsEntry("attempts", 2).containsEntry("note", "set");
        assertThat(statically.variableByPropertyLookUp).as("static: get and set called directly").isFalse();
        assertThat(dynamically.variableByPropertyLookUp).as("dynamic: through the action scope's metaclass").isTrue();
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void propertiesExposeTheInstance(boolean statically) throws Exception {
        RecordingContext c = context();
        c.attempt = 2;
        c.now = Instant.parse("2026-03-04T05:06:07Z");
        run(statically, """
                emit "${procedure} ${key} ${state} ${attempt} ${now} ${input('count') + 1}"
                emit random(4)
                emit context.procedure()""", c);

        assertThat(c.effects).containsExactly("emit test.procedure key-1 s 2 2026-03-04T05:06:07Z 4", "emit 00000000",
                "emit test.procedure");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void eventIsTheEventOfTheBlocksTrigger(boolean statically) throws Exception {
        ProcedureDefinition d = Scripts.define(statically, """
                procedure('t') {
                    initial 'a'
                    state('a') {
                        on(Ack) { action { emit "ack ${event.ok}" }; goTo 'done' }
                        on(Ping) { action { reply 'pong ' + event.id.toUpperCase() } }
                        on(signal('poke')) { action { emit event.name + ':' + event.payload } }
                        after(seconds(1), 'tick') { action { emit event.timer() }; goTo 'done' }
                    }
                    finalState 'done'
                    errorState 'failed'
                }
                """);
        RecordingContext c = new RecordingContext();
        List<Object> events = List.of(new Ack(true), new Ping("p1"), new Signal("poke", 7), new TimerFired("tick"));

        for (int i = 0; i < events.size(); i++) {
            c.event(events.get(i));
            d.state("a").transitions().get(i).actions().get(0).execute(c);
        }

        assertThat(c.effects).containsExactly("emit ack true", "reply pong P1", "emit poke:7", "emit tick");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void guardsUseGroovyTruth(boolean statically) throws Exception {
        ProcedureDefinition d = Scripts.define(statically, """
                procedure('t') {
                    variable 'note', String
                    initial 'a'
                    state('a') {
                        on(Ack) { guard { event.ok() && attempt < 3 }; goTo 'done' }
                        on(Ping) { guard { note }; goTo 'done' }
                    }
                    finalState 'done'
                    errorState 'failed'
                }
                """);
        Guard ack = d.state("a").transitions().get(0).guard().orElseThrow();
        Guard note = d.state("a").transitions().get(1).guard().orElseThrow();

        assertThat(ack.test(new RecordingContext().event(new Ack(true)))).isTrue();
        assertThat(ack.test(new RecordingContext().event(new Ack(false)))).isFalse();
        assertThat(note.test(new RecordingContext().variable("note", ""))).isFalse();
        assertThat(note.test(new RecordingContext().variable("note", null))).isFalse();
        assertThat(note.test(new RecordingContext().variable("note", "x"))).isTrue();
        assertThat(ack.toString()).isEqualTo("guard of transition 'a' -[Ack]-> 'done' at t.groovy:5:19");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void anExceptionInAnActionReachesTheRuntimeSayingWhereItWasThrown(boolean statically) {
        Action failing = entry(statically, "throw new IllegalStateException('boom')");

        assertThatThrownBy(() -> failing.execute(context())).isInstanceOf(ActionFailure.class)
                .hasMessage("onEntry of state 'a' at t.groovy:8 threw IllegalStateException: boom")
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void localVariablesOfTheScriptAreCapturedButBuildBlocksAreNot(boolean statically) throws Exception {
        ProcedureDefinition d = Scripts.define(statically, """
                procedure('t') {
                    def channel = 'mikey'
                    def label = { String s -> s.toUpperCase() }
                    initial 'a'
                    state('a') {
                        onEntry { send channel, label('x') }
                        on(Ack) { goTo 'done' }
                    }
                    finalState 'done'
                    errorState 'failed'
                }
                """);
        RecordingContext c = new RecordingContext();

        d.state("a").onEntry().get(0).execute(c);

        assertThat(c.effects).containsExactly("send mikey X (String)");
    }

    @Test
    void staticActionsCastValuesOfUnknownType() throws Exception {
        RecordingContext c = run(true, "emit((context.get('attempts') as int) + 1)", context());

        assertThat(c.effects).containsExactly("emit 2");
    }

    @ParameterizedTest(name = "static={0}")
    @ValueSource(booleans = {true, false})
    void methodsDeclaredInTheScriptAreNotInTheActionScope(boolean statically) {
        assertThat(Scripts.problems(statically, """
                def helper() { 'x' }
                procedure('t') {
                    initial 'a'
                    state('a') {
                        onEntry { emit helper() }
                        on(Ack) { goTo 'done' }
                    }
                    finalState 'done'
                    errorState 'failed'
                }
                """)).containsExactly("t.groovy:5:24: unknown keyword 'helper' in an action block; allowed here: "
                + DslProblemsTest.ACTION_WORDS);
    }

    @Test
    void twoInstancesRunningTheSameClosureAtOnceEachSeeTheirOwnContext() throws Exception {
        Action action = entry(true, "send 'first', input('ue'); send 'second', input('ue')");
        CyclicBarrier bothInside = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RecordingContext>> runs = List.of("ue-A", "ue-B").stream().map(ue -> pool.submit(() -> {
                RecordingContext c = new RecordingContext() {
                    @Override
                    public void send(String channel, Object payload) {
                        super.send(channel, payload);
                        if (channel.equals("first")) {
                            await(bothInside); // both threads are now inside the same closure
                        }
                    }
                }.input("ue", ue);
                action.execute(c);
                return c;
            })).toList();

            assertThat(runs.get(0).get(10, TimeUnit.SECONDS).effects)
                    .containsExactly("send first ue-A (String)", "send second ue-A (String)");
            assertThat(runs.get(1).get(10, TimeUnit.SECONDS).effects)
                    .containsExactly("send first ue-B (String)", "send second ue-B (String)");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theClosureKeptInTheModelIsNeverGivenACallsScope() throws Exception {
        ClosureAction action = (ClosureAction) entry(false, "emit input('ue')");
        Closure<?> kept = action.body();

        action.execute(context());

        assertThat(kept.getDelegate()).isNull();
        assertThat(kept.getOwner()).isInstanceOf(ProcedureScript.class);
    }

    @Test
    void unknownActionKeywordsThatEscapeTheChecksFailWithAHint() {
        ActionScope scope = new ActionScope(context());

        assertThatThrownBy(() -> scope.invokeMethod("sned", new Object[] {"x", 1}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("unknown action keyword 'sned' in procedure 'test.procedure'; did you mean 'send'? action keywords: "
                        + "attempt, context, emit, event, get, hours, input, key, millis, minutes, now, procedure, random, reply, "
                        + "restartTimer, seconds, send, service, set, signal, start, state");
    }

    @Test
    void actionPropertiesAreReadOnly() {
        ActionScope scope = new ActionScope(context());

        assertThatThrownBy(() -> scope.setProperty("event", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'event' is read-only in an action; procedure variables are set by name, as in attempts = attempts + 1");
        scope.setProperty("attempts", 5);
        assertThat(scope.getProperty("attempts")).isEqualTo(5);
        assertThat(scope.getProperty("key")).isEqualTo("key-1");
    }

    @Test
    void startCopiesGStringInputs() {
        RecordingContext c = context();
        new ActionScope(c).start("p", "k", Map.of("who", new groovy.lang.GString(new Object[] {"x"}) {
            @Override
            public String[] getStrings() {
                return new String[] {"ue-", ""};
            }
        }));

        assertThat(c.effects).containsExactly("start p k {who=ue-x}");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
