package org.mbmskeys.mbms.bmsc.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.gba.BTid;

/**
 * The in-memory storage's look-up by B-TID. It keeps no entry for a B-TID no record names any more: a UE
 * bootstraps again and again over months, and each entry left behind would stay for the life of the BM-SC. And
 * while another thread changes a UE's record it never answers a record of another B-TID than the one asked (the
 * look-up entry moves inside the change, before the record itself is swapped), nor misses the record of a B-TID
 * that did not change. The two concurrent tests race a writer thread for a bounded time; the storage must hold
 * in every interleaving, so they cannot fail on correct code, and catch a broken look-up within milliseconds.
 */
class RegistrationStorageBTidLookUpTest {

    private static final ServiceId NEWS = ServiceId.of("urn:example:news");
    private static final ServiceId SPORT = ServiceId.of("urn:example:sport");
    private static final String IMPI = "001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
    private static final BTid BTID_1 = BTid.parse("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");
    private static final BTid BTID_2 = BTid.parse("AAECAwQFBgcICQoLDA0ODw==@bsf.example.org");
    private static final Endpoint FROM = Endpoint.of("ue.example.org", 40000);
    private static final long RACE_MILLIS = 300;

    private final RegistrationStorage storage = RegistrationStorage.inMemory();

    private static Registration of(String impi, BTid bTid, ServiceId... services) {
        return new Registration(impi, bTid, FROM, Set.of(services), Optional.empty());
    }

    @Test
    void aBTidNoRecordNamesAnyMoreIsNotKeptInMemory() {
        InMemoryRegistrationStorage own = new InMemoryRegistrationStorage();
        Registration first = of("001010000000002@ims.mnc001.mcc001.3gppnetwork.org",
                BTid.parse("EBESExQVFhcYGRobHB0eHw==@bsf.example.org"), NEWS);
        own.insert(first);
        own.replace(first, of(first.impi(), BTID_2, NEWS));

        assertThat(own.bTidsIndexed()).as("the B-TID of a UE that bootstrapped again is dropped").isEqualTo(1);
        assertThat(own.findByBTid(first.bTid())).isEmpty();

        own.remove(of(first.impi(), BTID_2, NEWS));

        assertThat(own.bTidsIndexed()).as("the B-TID of a UE no longer registered is dropped").isZero();
    }

    @Test
    void aLookUpNeverAnswersARecordOfAnotherBTidWhileTheUeChangesItsBTid() throws InterruptedException {
        Registration one = of(IMPI, BTID_1, NEWS);
        Registration two = of(IMPI, BTID_2, NEWS);
        storage.insert(one);
        AtomicReference<Registration> wrong = new AtomicReference<>();

        race(() -> {
            storage.replace(one, two);
            storage.replace(two, one);
        }, () -> {
            storage.findByBTid(BTID_2).filter(r -> !r.bTid().equals(BTID_2)).ifPresent(wrong::set);
            storage.findByBTid(BTID_1).filter(r -> !r.bTid().equals(BTID_1)).ifPresent(wrong::set);
            return wrong.get() == null;
        });

        assertThat(wrong.get()).as("a record found by a B-TID it does not name").isNull();
    }

    @Test
    void aLookUpOfAnUnchangedBTidNeverMissesWhileTheUeChangesItsServices() throws InterruptedException {
        Registration news = of(IMPI, BTID_1, NEWS);
        Registration both = of(IMPI, BTID_1, NEWS, SPORT);
        storage.insert(news);
        AtomicBoolean missed = new AtomicBoolean();

        race(() -> {
            storage.replace(news, both);
            storage.replace(both, news);
        }, () -> {
            if (storage.findByBTid(BTID_1).isEmpty()) {
                missed.set(true);
            }
            return !missed.get();
        });

        assertThat(missed).as("a registered UE's B-TID looked up in vain").isFalse();
    }

    /** Runs {@code writer} on a thread of its own and {@code check} here for {@link #RACE_MILLIS}, or until it fails. */
    private static void race(Runnable writer, java.util.function.BooleanSupplier check) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Thread thread = new Thread(() -> {
            while (!stop.get()) {
                writer.run();
            }
        }, "registration-writer");
        thread.start();
        try {
            long end = System.nanoTime() + RACE_MILLIS * 1_000_000;
            while (System.nanoTime() < end && check.getAsBoolean()) {
                Thread.onSpinWait();
            }
        } finally {
            stop.set(true);
            thread.join(10_000);
        }
    }
}
