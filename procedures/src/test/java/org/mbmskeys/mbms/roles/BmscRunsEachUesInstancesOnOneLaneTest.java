package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.Step;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * On lane threads, as a BM-SC runs outside tests, every push to one UE runs on that UE's lane: two pushes to one UE
 * never seal at the same time, so their MIKEY messages leave in the order of their counters (TS 33.246 §6.4.6.1 step
 * 2 would discard the first-sealed one if it came second). Two rotations give each UE two pushes; the UEs are
 * registrations whose MUK the BM-SC never learnt, so each push ends at once (no MUK).
 */
class BmscRunsEachUesInstancesOnOneLaneTest {

    private static final int UES = 60;

    @Test
    void everyPushToOneUeRunsOnOneLaneThread() throws InterruptedException {
        Map<String, Set<String>> threadsByUe = new ConcurrentHashMap<>();
        CountDownLatch allEnded = new CountDownLatch(2 * UES);
        ProcedureListener lanes = new ProcedureListener() {
            @Override
            public void transitioned(InstanceRef instance, Step step) {
                if (instance.procedure().equals(Bmsc.MSK_PUSH)) {
                    String ue = instance.key().toString().substring(0, instance.key().toString().indexOf('|'));
                    threadsByUe.computeIfAbsent(ue, u -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread().getName());
                }
            }

            @Override
            public void ended(InstanceRef instance, InstanceRecord last) {
                if (instance.procedure().equals(Bmsc.MSK_PUSH)) {
                    allEnded.countDown();
                }
            }
        };
        ManualScheduler time = new ManualScheduler();
        try (Bmsc bmsc = RolesWorld.onLaneThreads(time, RolesWorld.registrationsWithoutMuk(UES)).lanes(4).listener(lanes).build()) {
            bmsc.defineService("news", ServiceType.DOWNLOAD, RolesWorld.NEWS);

            bmsc.rotate(RolesWorld.NEWS);
            bmsc.rotate(RolesWorld.NEWS);

            assertThat(allEnded.await(60, TimeUnit.SECONDS)).as("every push ended").isTrue();
        }
        assertThat(threadsByUe).hasSize(UES).allSatisfy((ue, threads) -> assertThat(threads).as(ue).hasSize(1));
        assertThat(threadsByUe.values().stream().flatMap(Set::stream).distinct().count()).as("lanes used").isGreaterThan(1);
    }

    @Test
    void aBmscNeedsALane() {
        assertThatThrownBy(() -> Bmsc.builder(RolesWorld.BMSC).lanes(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a BM-SC needs at least 1 lane, got 0");
    }
}
