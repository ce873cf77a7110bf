package org.mbmskeys.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-lane deadline heap: earliest first, and compaction keeps exactly the live entries. */
class TimerQueueTest {

    @Test
    void popsDeadlinesInAscendingOrderWithTheirKeys() {
        TimerQueue q = new TimerQueue();
        Random random = new Random(7);
        List<Long> pushed = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            long at = 1 + random.nextInt(10_000);
            pushed.add(at);
            q.push(at, "k" + at, null);
        }

        List<Long> popped = new ArrayList<>();
        while (!q.isEmpty()) {
            assertThat(q.peekKey()).isEqualTo("k" + q.peekAt());
            popped.add(q.peekAt());
            q.pop();
        }

        assertThat(popped).isSorted().hasSameSizeAs(pushed).containsExactlyInAnyOrderElementsOf(pushed);
    }

    @Test
    void compactionDropsStaleEntriesAndKeepsTheHeapOrdered() {
        TimerQueue q = new TimerQueue();
        for (int i = 0; i < 3000; i++) {
            q.push(3000 - i, i, null);
            if (i % 3 != 0) {
                q.markStale();
            }
        }
        assertThat(q.needsCompaction()).isTrue();

        q.compact((at, key, slot) -> (Integer) key % 3 == 0);

        assertThat(q.size()).isEqualTo(1000);
        assertThat(q.needsCompaction()).isFalse();
        long previous = 0;
        while (!q.isEmpty()) {
            assertThat(q.peekAt()).isGreaterThanOrEqualTo(previous);
            assertThat((Integer) q.peekKey() % 3).isZero();
            previous = q.peekAt();
            q.pop();
        }
    }

    @Test
    void fewStaleEntriesDoNotTriggerCompaction() {
        TimerQueue q = new TimerQueue();
        for (int i = 0; i < 100; i++) {
            q.push(i, i, null);
            q.markStale();
        }

        assertThat(q.needsCompaction()).isFalse();
    }
}
