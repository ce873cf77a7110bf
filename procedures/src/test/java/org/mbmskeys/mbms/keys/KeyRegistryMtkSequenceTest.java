package org.mbmskeys.mbms.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.mbms.keys.RegistryFixtures.DOMAIN;
import static org.mbmskeys.mbms.keys.RegistryFixtures.GROUP;
import static org.mbmskeys.mbms.keys.RegistryFixtures.registryWithGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mbmskeys.mbms.profile.InterimProfile;

/**
 * MTK ID sequence under an MSK (PROFILE.md §10 "MTK IDs"; TS 33.246 §6.4.6.2 on the UE side): increasing,
 * inside SEQl..SEQu, SEQl first, refused with {@link MtkAllocation.Exhausted} once SEQu was handed out.
 */
class KeyRegistryMtkSequenceTest {

    private final KeyRegistry registry = registryWithGroup();

    private MskRef mskWith(KeyValidity validity) {
        return registry.rotate(DOMAIN, GROUP, validity).ref();
    }

    private MtkId allocated(MskRef msk) {
        MtkAllocation allocation = registry.nextMtk(msk);
        assertThat(allocation).isInstanceOf(MtkAllocation.Allocated.class);
        return ((MtkAllocation.Allocated) allocation).mtkId();
    }

    @Test
    void firstMtkIdIsSeqLowThenEachOneHigher() {
        MskRef msk = mskWith(KeyValidity.of(10, 20));
        assertThat(List.of(allocated(msk), allocated(msk), allocated(msk)))
                .containsExactly(MtkId.of(10), MtkId.of(11), MtkId.of(12));
        assertThat(registry.msk(msk).orElseThrow().lastMtk()).contains(MtkId.of(12));
    }

    @Test
    void afterSeqHighTheSequenceIsExhaustedAndStaysSo() {
        MskRef msk = mskWith(KeyValidity.of(10, 11));
        allocated(msk);
        allocated(msk);
        MtkAllocation refused = registry.nextMtk(msk);
        assertThat(refused).isEqualTo(new MtkAllocation.Exhausted(msk, KeyValidity.of(10, 11), Optional.of(MtkId.of(11))));
        assertThat(((MtkAllocation.Exhausted) refused).detail())
                .isEqualTo("MTK IDs of MSK 001-01/00010001 are exhausted: key validity [10..11], last MTK ID handed out 11; "
                        + "rotate the MSK or extend its key validity");
        assertThat(registry.nextMtk(msk)).isInstanceOf(MtkAllocation.Exhausted.class);
        assertThat(registry.msk(msk).orElseThrow().lastMtk()).contains(MtkId.of(11));
    }

    @Test
    void singleIdIntervalGivesExactlyOneMtk() {
        MskRef msk = mskWith(KeyValidity.of(7, 7));
        assertThat(allocated(msk)).isEqualTo(MtkId.of(7));
        assertThat(registry.nextMtk(msk)).isInstanceOf(MtkAllocation.Exhausted.class);
    }

    @Test
    void largestMtkIdIsHandedOutOnceThenExhausted() {
        MskRef msk = mskWith(KeyValidity.of(65534, 65535));
        allocated(msk);
        assertThat(allocated(msk)).isEqualTo(MtkId.of(65535));
        assertThat(registry.nextMtk(msk)).isInstanceOf(MtkAllocation.Exhausted.class);
    }

    @Test
    void extendingTheValidityContinuesAfterTheLastHandedOut() {
        MskRef msk = mskWith(KeyValidity.of(10, 11));
        allocated(msk);
        allocated(msk);
        registry.updateValidity(msk, KeyValidity.of(10, 30));
        assertThat(allocated(msk)).isEqualTo(MtkId.of(12));
    }

    @Test
    void raisingSeqLowSkipsAheadAndLoweringItNeverReusesAnId() {
        MskRef msk = mskWith(KeyValidity.of(10, 100));
        allocated(msk);
        registry.updateValidity(msk, KeyValidity.of(50, 100));
        assertThat(allocated(msk)).isEqualTo(MtkId.of(50));
        registry.updateValidity(msk, KeyValidity.of(1, 100));
        assertThat(allocated(msk)).isEqualTo(MtkId.of(51));
    }

    @Test
    void eachMskHasItsOwnSequence() {
        MskRef first = mskWith(KeyValidity.of(10, 20));
        allocated(first);
        MskRef second = mskWith(KeyValidity.of(10, 20));
        assertThat(allocated(second)).isEqualTo(MtkId.of(10));
        assertThat(allocated(first)).isEqualTo(MtkId.of(11));
    }

    @Test
    void allocationCarriesAFreshMtkAndSaltOfTheProfileLengths() {
        MskRef msk = mskWith(KeyValidity.of(10, 20));
        MtkAllocation.Allocated one = (MtkAllocation.Allocated) registry.nextMtk(msk);
        MtkAllocation.Allocated two = (MtkAllocation.Allocated) registry.nextMtk(msk);
        assertThat(one.mtk().length()).isEqualTo(InterimProfile.MTK_LENGTH);
        assertThat(one.salt().length()).isEqualTo(InterimProfile.MTK_SALT_LENGTH);
        assertThat(one.mtk()).isNotEqualTo(two.mtk());
    }

    @Test
    void twoThreadsNeverGetTheSameMtkId() throws Exception {
        MskRef msk = mskWith(KeyValidity.of(1, 4001));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<MtkId>>> results = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    List<MtkId> mine = new ArrayList<>();
                    for (int i = 0; i < 2000; i++) {
                        mine.add(allocated(msk));
                    }
                    return mine;
                }));
            }
            List<MtkId> all = new ArrayList<>();
            for (Future<List<MtkId>> result : results) {
                all.addAll(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(4000).doesNotHaveDuplicates();
            assertThat(allocated(msk)).isEqualTo(MtkId.of(4001));
        } finally {
            pool.shutdownNow();
        }
    }
}
