package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.memory.MemoryNetwork;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.Step;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.registrations.Registration;
import org.mbmskeys.mbms.bmsc.registrations.RegistrationStorage;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;
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
        RegistrationStorage storage = RegistrationStorage.inMemory();
        for (int i = 0; i < UES; i++) {
            storage.insert(new Registration(String.format("user%04d@ims.example.org", i),
                    BTid.of(Bytes.wrap(new byte[16]), "bsf.example.org"), Endpoint.of("ue" + i, 2269),
                    Set.of(ServiceId.of("news")), Optional.empty()));
        }
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
        try (Bmsc bmsc = Bmsc.builder(RolesWorld.BMSC)
                .bootstrapping(new SimulatedBsf("bsf.example.org", time::now, RolesWorld.seeded(1), Duration.ofDays(1)))
                .transport(MemoryNetwork.builder(time).seed(5).build().node(RolesWorld.BMSC)).httpCodec(HttpWire.codec())
                .scheduler(time).random(RolesWorld.seeded(3)).keyMaterial(n -> SecretBytes.wrap(new byte[n]))
                .registrationStorage(storage).lanes(4).listener(lanes).build()) {
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
