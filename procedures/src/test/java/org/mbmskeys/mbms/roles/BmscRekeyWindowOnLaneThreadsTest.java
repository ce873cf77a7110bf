package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.Step;
import org.mbmskeys.mbms.bmsc.Bmsc;
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
        ManualScheduler time = new ManualScheduler();
        Pushes pushes = new Pushes();
        Bmsc closed;
        try (Bmsc bmsc = RolesWorld.onLaneThreads(time, RolesWorld.registrationsWithoutMuk(UES)).rekeyWindow(WINDOW)
                .listener(pushes).build()) {
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
