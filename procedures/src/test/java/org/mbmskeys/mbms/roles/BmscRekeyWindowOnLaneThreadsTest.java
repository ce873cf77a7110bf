package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The re-key window with the engine's lanes on their own threads, as a BM-SC runs outside tests: pushes end on
 * several threads while the window starts the next ones, and at no moment do more run than the limit. The UEs
 * are registrations whose MUK the BM-SC never learnt, so each push ends at once, refused (no MUK), and the
 * window turns over as fast as the lanes go.
 */
class BmscRekeyWindowOnLaneThreadsTest {

    private static final int UES = 400;
    private static final int WINDOW = 7;

    /** Counts running pushes; its {@code ended} runs before the window's (listeners are called in order). */
    private static final class Pushes implements ProcedureListener {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();
        final CountDownLatch allEnded = new CountDownLatch(UES);

        @Override
        public void transitioned(InstanceRef instance, Step step) {
            if (step instanceof Step.Started && instance.procedure().equals(Bmsc.MSK_PUSH)) {
                started.incrementAndGet();
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
            }
        }

        @Override
        public void ended(InstanceRef instance, InstanceRecord last) {
            if (instance.procedure().equals(Bmsc.MSK_PUSH)) {
                running.decrementAndGet();
                allEnded.countDown();
            }
        }
    }

    @Test
    void lanesOnThreadsNeverRunMoreThanTheLimit() throws InterruptedException {
        RegistrationStorage storage = RegistrationStorage.inMemory();
        for (int i = 0; i < UES; i++) {
            storage.insert(new Registration(String.format("user%04d@ims.example.org", i),
                    BTid.of(Bytes.wrap(new byte[16]), "bsf.example.org"), Endpoint.of("ue" + i, 2269),
                    Set.of(ServiceId.of("news")), Optional.empty()));
        }
        ManualScheduler time = new ManualScheduler();
        Pushes pushes = new Pushes();
        Bmsc closed;
        try (Bmsc bmsc = Bmsc.builder(RolesWorld.BMSC)
                .bootstrapping(new SimulatedBsf("bsf.example.org", time::now, RolesWorld.seeded(1), Duration.ofDays(1)))
                .transport(MemoryNetwork.builder(time).seed(5).build().node(RolesWorld.BMSC)).httpCodec(HttpWire.codec())
                .scheduler(time).random(RolesWorld.seeded(3)).keyMaterial(n -> SecretBytes.wrap(new byte[n]))
                .registrationStorage(storage).rekeyWindow(WINDOW).listener(pushes).build()) {
            bmsc.defineService("news", ServiceType.DOWNLOAD, RolesWorld.NEWS);

            bmsc.rotate(RolesWorld.NEWS);

            assertThat(pushes.allEnded.await(60, TimeUnit.SECONDS)).as("every push ended").isTrue();
            assertThat(pushes.started.get()).isEqualTo(UES);
            assertThat(pushes.most.get()).isBetween(1, WINDOW);
            closed = bmsc;
        }
        // After close(), whose engine waits for its lane threads: the window has heard of the last end too (our
        // listener, called before it, may have counted the last end down while the window had not yet).
        assertThat(closed.rekeysInFlight()).isZero();
    }
}
