package org.mbmskeys.mbms.bmsc.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.DOMAIN;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.GROUP;
import static org.mbmskeys.mbms.bmsc.keys.RegistryFixtures.registryWithGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.profile.InterimProfile;

/**
 * MTK ID sequence under an MSK: increasing (TS 33.246 §6.3.3.1), above SEQl up to SEQu so that every UE
 * admits it (§6.5.4: failure "if SEQp is equal to or lower than SEQl or SEQp is greater than SEQu"), SEQl + 1
 * first, refused with {@link MtkAllocation.Exhausted} once SEQu was handed out; SEQu is never 65535
 * (§6.4.5.1: "The BM-SC shall never set SEQu to its maximum possible value").
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

    /** Known answer: key validity [0..3] gives MTK IDs 1, 2, 3, then Exhausted. */
    @Test
    void firstMtkIdIsSeqLowPlusOneThenEachOneHigherUpToSeqHigh() {
        MskRef msk = mskWith(KeyValidity.of(0, 3));
        assertThat(List.of(allocated(msk), allocated(msk), allocated(msk)))
                .containsExactly(MtkId.of(1), MtkId.of(2), MtkId.of(3));
        assertThat(registry.nextMtk(msk)).isInstanceOf(MtkAllocation.Exhausted.class);
        assertThat(registry.msk(msk).orElseThrow().lastMtk()).contains(MtkId.of(3));
    }

    /** Known answer: [0..65535] is refused at rotation and at a validity update, citing §6.4.5.1. */
    @Test
    void seqHighAtTheMaximumIsRefused() {
        assertThatThrownBy(() -> registry.rotate(DOMAIN, GROUP, KeyValidity.of(0, 0xFFFF)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SEQu = 65535").hasMessageContaining("§6.4.5.1");
        MskRef msk = mskWith(KeyValidity.of(0, 10));
        assertThatThrownBy(() -> registry.updateValidity(msk, KeyValidity.of(0, 0xFFFF)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("§6.4.5.1");
        assertThat(registry.msk(msk).orElseThrow().validity()).isEqualTo(KeyValidity.of(0, 10));
    }

    /** SEQl = SEQu leaves no MTK ID with SEQl &lt; MTK ID ≤ SEQu (§6.5.4). */
    @ParameterizedTest(name = "[{0}..{0}]")
    @CsvSource({"0", "7", "65534"})
    void intervalWithNoRoomForAnMtkIdIsRefused(int seq) {
        assertThatThrownBy(() -> registry.rotate(DOMAIN, GROUP, KeyValidity.of(seq, seq)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no MTK ID fits").hasMessageContaining("§6.5.4");
        assertThat(registry.currentMsk(DOMAIN, GROUP)).isEmpty();
    }

    @Test
    void afterSeqHighTheSequenceIsExhaustedAndStaysSo() {
        MskRef msk = mskWith(KeyValidity.of(9, 11));
        allocated(msk);
        allocated(msk);
        MtkAllocation refused = registry.nextMtk(msk);
        assertThat(refused).isEqualTo(new MtkAllocation.Exhausted(msk, KeyValidity.of(9, 11), Optional.of(MtkId.of(11))));
        assertThat(((MtkAllocation.Exhausted) refused).detail())
                .isEqualTo("MTK IDs of MSK 001-01/00010001 are exhausted: key validity [9..11], last MTK ID handed out 11; "
                        + "rotate the MSK or extend its key validity");
        assertThat(registry.nextMtk(msk)).isInstanceOf(MtkAllocation.Exhausted.class);
        assertThat(registry.msk(msk).orElseThrow().lastMtk()).contains(MtkId.of(11));
    }

    @Test
    void singleIdIntervalGivesExactlyOneMtk() {
        MskRef msk = mskWith(KeyValidity.of(6, 7));
        assertThat(allocated(msk)).isEqualTo(MtkId.of(7));
        assertThat(registry.nextMtk(msk)).isInstanceOf(MtkAllocation.Exhausted.class);
    }

    @Test
    void largestAllowedMtkIdIsHandedOutOnceThenExhausted() {
        MskRef msk = mskWith(KeyValidity.of(65532, 65534));
        allocated(msk);
        assertThat(allocated(msk)).isEqualTo(MtkId.of(65534));
        assertThat(registry.nextMtk(msk)).isInstanceOf(MtkAllocation.Exhausted.class);
    }

    @Test
    void extendingTheValidityContinuesAfterTheLastHandedOut() {
        MskRef msk = mskWith(KeyValidity.of(9, 11));
        allocated(msk);
        allocated(msk);
        registry.updateValidity(msk, KeyValidity.of(9, 30));
        assertThat(allocated(msk)).isEqualTo(MtkId.of(12));
    }

    @Test
    void raisingSeqLowSkipsAheadAndLoweringItNeverReusesAnId() {
        MskRef msk = mskWith(KeyValidity.of(10, 100));
        assertThat(allocated(msk)).isEqualTo(MtkId.of(11));
        registry.updateValidity(msk, KeyValidity.of(50, 100));
        assertThat(allocated(msk)).isEqualTo(MtkId.of(51));
        registry.updateValidity(msk, KeyValidity.of(1, 100));
        assertThat(allocated(msk)).isEqualTo(MtkId.of(52));
    }

    @Test
    void eachMskHasItsOwnSequence() {
        MskRef first = mskWith(KeyValidity.of(10, 20));
        allocated(first);
        MskRef second = mskWith(KeyValidity.of(10, 20));
        assertThat(allocated(second)).isEqualTo(MtkId.of(11));
        assertThat(allocated(first)).isEqualTo(MtkId.of(12));
    }

    /** TS 33.246 §6.4.5.3, streaming: "A 112 bit salt shall be added to the KEMAC payload in addition to the MTK." */
    @Test
    void streamingAllocationCarriesAFreshMtkAndA112BitSalt() {
        MskRef msk = mskWith(KeyValidity.of(10, 20));
        MtkAllocation.Allocated one = (MtkAllocation.Allocated) registry.nextMtk(msk);
        MtkAllocation.Allocated two = (MtkAllocation.Allocated) registry.nextMtk(msk);
        assertThat(one.mtk().length()).isEqualTo(InterimProfile.MTK_LENGTH);
        assertThat(one.salt().orElseThrow().length()).isEqualTo(112 / 8);
        assertThat(one.mtk()).isNotEqualTo(two.mtk());
    }

    /** TS 33.246 §6.4.5.3, download: "No salt shall be added to the KEMAC payload." */
    @Test
    void downloadAllocationCarriesNoSalt() {
        registry.createGroup(DOMAIN, KeyGroup.of(2), ServiceType.DOWNLOAD);
        MskRef msk = registry.rotate(DOMAIN, KeyGroup.of(2), KeyValidity.of(0, 20)).ref();
        MtkAllocation.Allocated one = (MtkAllocation.Allocated) registry.nextMtk(msk);
        assertThat(one.mtk().length()).isEqualTo(InterimProfile.MTK_LENGTH);
        assertThat(one.salt()).isEmpty();
    }

    @Test
    void twoThreadsNeverGetTheSameMtkId() throws Exception {
        MskRef msk = mskWith(KeyValidity.of(0, 4001));
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
