package org.mbmskeys.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.mbmskeys.engine.Journal;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.TestEvents.Go;
import org.mbmskeys.engine.TestEvents.Numbered;
import org.mbmskeys.engine.TestEvents.Stop;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.api.Timeout;

/** Real lane threads: instances run in parallel, each instance's events in order, none lost. */
@OnBothBackends
class LanesTest {

    @Parameter
    String backend;

    /** Fails the instance if an event arrives out of order. */
    private static ProcedureDefinition sequence() {
        return ProcedureDefinition.builder("seq")
                .variable("next", Integer.class, 0)
                .state("counting", s -> s
                        .on(Numbered.class, t -> t.action(ctx -> {
                            int n = ((Numbered) ctx.event()).n();
                            int expected = (Integer) ctx.get("next");
                            if (n != expected) {
                                throw new IllegalStateException(ctx.key() + " got event " + n + ", expected " + expected);
                            }
                            ctx.set("next", n + 1);
                        }))
                        .on(Stop.class, "done"))
                .finalState("done")
                .errorState("failed")
                .build();
    }

    @Test
    @Timeout(120)
    void twoLanesRunManyInstancesWithoutLosingOrReorderingAnyEvent() throws Exception {
        int instances = 200;
        int events = 500;
        CountDownLatch allEnded = new CountDownLatch(instances);
        Map<Object, Object> finalCounts = new ConcurrentHashMap<>();
        Set<String> laneThreads = ConcurrentHashMap.newKeySet();
        Journal journal = new Journal();
        Engine engine = Engine.builder().backend(backend)
                .lanes(2)
                .procedure(sequence())
                .listener(journal)
                .listener(new ProcedureListener() {
                    @Override
                    public void transitioned(InstanceRef instance, Step step) {
                        laneThreads.add(Thread.currentThread().getName());
                    }

                    @Override
                    public void ended(InstanceRef instance, InstanceRecord last) {
                        finalCounts.put(instance.key(), last.variables().get("next"));
                        allEnded.countDown();
                    }
                })
                .build();
        try {
            for (int i = 0; i < instances; i++) {
                engine.start("seq", i, Map.of());
            }
            // Two producers, each the only sender to half of the instances.
            List<Thread> producers = new ArrayList<>();
            for (int parity = 0; parity < 2; parity++) {
                int mine = parity;
                producers.add(new Thread(() -> {
                    for (int n = 0; n < events; n++) {
                        for (int key = mine; key < instances; key += 2) {
                            engine.send("seq", key, new Numbered(n));
                        }
                    }
                    for (int key = mine; key < instances; key += 2) {
                        engine.send("seq", key, new Stop());
                    }
                }, "producer-" + parity));
            }
            producers.forEach(Thread::start);
            for (Thread p : producers) {
                p.join();
            }

            assertThat(allEnded.await(60, TimeUnit.SECONDS)).as("every instance reached 'done'").isTrue();
            assertThat(journal.failed).isEmpty();
            assertThat(journal.rejected).isEmpty();
            assertThat(finalCounts).hasSize(instances).allSatisfy((key, next) -> assertThat(next).isEqualTo(events));
            assertThat(laneThreads).containsExactlyInAnyOrder("mbms-keys-lane-0", "mbms-keys-lane-1");
        } finally {
            engine.close();
        }
    }

    @Test
    @Timeout(60)
    void instancesOnDifferentLanesRunAtTheSameTime() throws Exception {
        // Keys 0 and 1 hash to lanes 0 and 1. Each step waits for the other at a barrier: if the lanes
        // ran one after the other, the barrier would time out and the instances would fail.
        CyclicBarrier bothInside = new CyclicBarrier(2);
        ProcedureDefinition p = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Go.class, t -> t.action(ctx -> {
                    try {
                        bothInside.await(20, TimeUnit.SECONDS);
                    } catch (TimeoutException | BrokenBarrierException e) {
                        throw new IllegalStateException("the other lane never ran alongside", e);
                    }
                }).to("b")))
                .finalState("b")
                .errorState("failed")
                .build();
        CountDownLatch ended = new CountDownLatch(2);
        Journal journal = new Journal();
        Engine engine = Engine.builder().backend(backend).lanes(2).procedure(p).listener(journal).listener(new ProcedureListener() {
            @Override
            public void ended(InstanceRef instance, InstanceRecord last) {
                ended.countDown();
            }
        }).build();
        try {
            engine.start("p", 0, Map.of());
            engine.start("p", 1, Map.of());
            engine.send("p", 0, new Go());
            engine.send("p", 1, new Go());

            assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(journal.failed).isEmpty();
        } finally {
            engine.close();
        }
    }

    @Test
    @Timeout(60)
    void instancesWhoseKeysGiveOneLaneKeyRunOnOneLaneInTheOrderTheyWereSubmitted() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add("alice|" + i);
        }
        // Without a lane key these keys spread over the lanes: what the lane key changes is visible.
        assertThat(stopsOf(keys, null).values().stream().map(Map.Entry::getKey).distinct().count()).isGreaterThan(1);

        Map<String, Map.Entry<String, Integer>> byKey = stopsOf(keys, key -> ((String) key).substring(0, key.toString().indexOf('|')));

        assertThat(byKey.values().stream().map(Map.Entry::getKey).distinct()).as("lane threads").hasSize(1);
        assertThat(keys.stream().map(k -> byKey.get(k).getValue()).toList()).as("the order the steps ran in")
                .isSorted().doesNotHaveDuplicates();
    }

    /** Starts {@code keys} and stops them on four lanes: per key, the lane thread of its last step and its place. */
    private Map<String, Map.Entry<String, Integer>> stopsOf(List<String> keys, Function<Object, ?> laneKey)
            throws InterruptedException {
        Map<String, Map.Entry<String, Integer>> byKey = new ConcurrentHashMap<>();
        AtomicInteger order = new AtomicInteger();
        CountDownLatch ended = new CountDownLatch(keys.size());
        EngineBuilder builder = Engine.builder().backend(backend).lanes(4).procedure(sequence()).listener(new ProcedureListener() {
            @Override
            public void ended(InstanceRef instance, InstanceRecord last) {
                byKey.put((String) instance.key(), Map.entry(Thread.currentThread().getName(), order.getAndIncrement()));
                ended.countDown();
            }
        });
        if (laneKey != null) {
            builder.laneKey(laneKey);
        }
        Engine engine = builder.build();
        try {
            for (String key : keys) {
                engine.start("seq", key, Map.of());
                engine.send("seq", key, new Stop());
            }
            assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
            return byKey;
        } finally {
            engine.close();
        }
    }

    @Test
    void instanceWaitsForTheLaneSoItSeesEverythingSubmittedBefore() {
        Engine engine = Engine.builder().backend(backend).lanes(2).procedure(sequence()).build();
        try {
            engine.start("seq", 7, Map.of());
            for (int n = 0; n < 1000; n++) {
                engine.send("seq", 7, new Numbered(n));
            }

            assertThat(engine.instance("seq", 7).orElseThrow().variables()).containsEntry("next", 1000);
        } finally {
            engine.close();
        }
    }

    @Test
    void askingForAnInstanceFromALaneIsRefusedBecauseItWouldWaitForItself() {
        List<Throwable> thrown = new ArrayList<>();
        Engine[] engine = new Engine[1];
        engine[0] = Engine.builder().backend(backend).deterministic().procedure(sequence()).listener(new ProcedureListener() {
            @Override
            public void transitioned(InstanceRef instance, Step step) {
                try {
                    engine[0].instance("seq", instance.key());
                } catch (IllegalStateException e) {
                    thrown.add(e);
                }
            }
        }).build();

        engine[0].start("seq", 1, Map.of());

        assertThat(thrown).singleElement().satisfies(e -> assertThat(e).hasMessage("instance(seq, 1) was called on a lane "
                + "(from a listener, channel or action) and would wait for itself; use the record a listener is given instead"));
    }

    @Test
    void aClosedEngineRefusesFurtherCalls() {
        Engine engine = Engine.builder().backend(backend).lanes(1).procedure(sequence()).build();
        engine.close();

        assertThatThrownBy(() -> engine.start("seq", 1, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the engine is closed; build a new one (on the same store to continue its instances)");
        engine.close();   // twice is fine
    }
}
