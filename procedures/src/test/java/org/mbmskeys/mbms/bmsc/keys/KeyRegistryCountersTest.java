package org.mbmskeys.mbms.bmsc.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.DOMAIN;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.GROUP;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.VALIDITY;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.registryWithGroup;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.seeded;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ProtectingKey;
import org.mbmskeys.mbms.keys.TimestampCounter;

/**
 * Outgoing COUNTER streams of the BM-SC, one per protecting key (TS 33.246 §6.4.3;
 * §6.4.6 on the UE side): start at 1 or a configured value, +1 per message, RFC 1982 wrap, no value twice
 * under concurrency.
 */
class KeyRegistryCountersTest {

    private static final ProtectingKey UE_1 = ProtectingKey.muk(MukId.of("bmsc.example.org", "ue1@bsf.example.org"));
    private static final ProtectingKey UE_2 = ProtectingKey.muk(MukId.of("bmsc.example.org", "ue2@bsf.example.org"));

    private final KeyRegistry registry = registryWithGroup();

    @Test
    void streamStartsAtOneAndAddsOnePerMessage() {
        assertThat(registry.lastCounter(UE_1)).isEmpty();
        assertThat(List.of(registry.nextCounter(UE_1), registry.nextCounter(UE_1), registry.nextCounter(UE_1)))
                .containsExactly(TimestampCounter.of(1), TimestampCounter.of(2), TimestampCounter.of(3));
        assertThat(registry.lastCounter(UE_1)).contains(TimestampCounter.of(3));
    }

    /** §6.4.3: a MUK replaced by a newer one is never used again; its stream can go, the others stay. */
    @Test
    void aForgottenMukStreamIsGoneAndOtherStreamsKeepCounting() {
        registry.nextCounter(UE_1);
        registry.nextCounter(UE_2);
        registry.nextCounter(UE_2);

        registry.forgetMukCounter(((ProtectingKey.Muk) UE_1).id());

        assertThat(registry.lastCounter(UE_1)).isEmpty();
        assertThat(registry.lastCounter(UE_2)).contains(TimestampCounter.of(2));
        assertThat(registry.nextCounter(UE_2)).isEqualTo(TimestampCounter.of(3));
    }

    @Test
    void firstValueIsConfigurable() {
        KeyRegistry configured = KeyRegistry.create(KeyRegistryStorage.inMemory(), seeded(1), TimestampCounter.of(1000));
        assertThat(configured.nextCounter(UE_1)).isEqualTo(TimestampCounter.of(1000));
        assertThat(configured.nextCounter(UE_1)).isEqualTo(TimestampCounter.of(1001));
    }

    /** RFC 1982 §3.1: adding 1 to 4294967295 gives 0, which a UE accepts as newer. */
    @Test
    void counterWrapsFromMaximumToZero() {
        KeyRegistry nearEnd = KeyRegistry.create(KeyRegistryStorage.inMemory(), seeded(1), TimestampCounter.of(4294967295L));
        TimestampCounter last = nearEnd.nextCounter(UE_1);
        TimestampCounter wrapped = nearEnd.nextCounter(UE_1);
        assertThat(wrapped).isEqualTo(TimestampCounter.of(0));
        assertThat(wrapped.isNewerThan(last)).isTrue();
    }

    @Test
    void everyProtectingKeyHasItsOwnStream() {
        MskRef msk = registry.rotate(DOMAIN, GROUP, VALIDITY).ref();
        registry.nextCounter(UE_1);
        registry.nextCounter(UE_1);
        assertThat(registry.nextCounter(UE_2)).isEqualTo(TimestampCounter.of(1));
        assertThat(registry.nextCounter(ProtectingKey.msk(msk))).isEqualTo(TimestampCounter.of(1));
        assertThat(registry.nextCounter(UE_1)).isEqualTo(TimestampCounter.of(3));
    }

    @Test
    void droppedMskTakesItsCounterAlong() {
        MskRef first = registry.rotate(DOMAIN, GROUP, VALIDITY).ref();
        registry.nextCounter(ProtectingKey.msk(first));
        registry.rotate(DOMAIN, GROUP, VALIDITY);
        assertThat(registry.lastCounter(ProtectingKey.msk(first))).isPresent();
        registry.rotate(DOMAIN, GROUP, VALIDITY);
        assertThat(registry.lastCounter(ProtectingKey.msk(first))).isEmpty();
    }

    @Test
    void invalidatedMskTakesItsCounterAlong() {
        MskRef msk = registry.rotate(DOMAIN, GROUP, VALIDITY).ref();
        registry.nextCounter(ProtectingKey.msk(msk));
        registry.invalidate(msk);
        assertThat(registry.lastCounter(ProtectingKey.msk(msk))).isEmpty();
    }

    /**
     * Two threads draw from one shared stream and one stream each, started together. Every shared value
     * must be unique and together they must be exactly 1..2n; each own stream must be 1..n in order.
     */
    @Test
    void twoThreadsNeverGetTheSameCounter() throws Exception {
        int n = 10_000;
        List<ProtectingKey> own = List.of(UE_1, UE_2);
        ProtectingKey shared = ProtectingKey.muk(MukId.of("bmsc.example.org", "shared@bsf.example.org"));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (ProtectingKey mine : own) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    List<Long> sharedValues = new ArrayList<>();
                    List<Long> ownValues = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        sharedValues.add(registry.nextCounter(shared).value());
                        ownValues.add(registry.nextCounter(mine).value());
                    }
                    assertThat(ownValues).isEqualTo(LongStream.rangeClosed(1, n).boxed().toList());
                    return sharedValues;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get(60, TimeUnit.SECONDS));
            }
            Set<Long> expected = LongStream.rangeClosed(1, 2L * n).boxed().collect(Collectors.toSet());
            assertThat(all).hasSize(2 * n).doesNotHaveDuplicates();
            assertThat(new HashSet<>(all)).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }
}
