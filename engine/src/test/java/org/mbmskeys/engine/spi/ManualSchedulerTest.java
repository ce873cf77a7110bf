package org.mbmskeys.engine.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Time moves only when told to; due tasks run in due-time order with the clock at their due time. */
class ManualSchedulerTest {

    private final ManualScheduler time = new ManualScheduler();
    private final List<String> ran = new ArrayList<>();
    private final Instant t0 = ManualScheduler.DEFAULT_START;

    private Runnable record(String name) {
        return () -> ran.add(name + "@" + Duration.between(t0, time.now()).toMillis());
    }

    @Test
    void timeStandsStillUntilAdvanced() {
        time.schedule(Duration.ofSeconds(1), record("a"));

        assertThat(time.now()).isEqualTo(t0);
        assertThat(ran).isEmpty();
        assertThat(time.pendingTasks()).isEqualTo(1);
        assertThat(time.nextDue()).contains(t0.plusSeconds(1));
    }

    @Test
    void advanceRunsTheDueTasksInDueOrderWithTheClockAtEachDueTime() {
        time.schedule(Duration.ofMillis(300), record("c"));
        time.schedule(Duration.ofMillis(100), record("a"));
        time.schedule(Duration.ofMillis(200), record("b"));
        time.schedule(Duration.ofMillis(900), record("late"));

        time.advance(Duration.ofMillis(500));

        assertThat(ran).containsExactly("a@100", "b@200", "c@300");
        assertThat(time.now()).isEqualTo(t0.plusMillis(500));
        assertThat(time.pendingTasks()).isEqualTo(1);
    }

    @Test
    void tasksDueAtTheSameInstantRunInTheOrderTheyWereScheduled() {
        time.schedule(Duration.ofSeconds(1), record("first"));
        time.schedule(Duration.ofSeconds(1), record("second"));
        time.schedule(Duration.ofSeconds(1), record("third"));

        time.advance(Duration.ofSeconds(1));

        assertThat(ran).containsExactly("first@1000", "second@1000", "third@1000");
    }

    @Test
    void aTaskScheduledByARunningTaskRunsInTheSameAdvanceIfItFallsDueWithinIt() {
        time.schedule(Duration.ofMillis(100), () -> {
            record("outer").run();
            time.schedule(Duration.ofMillis(100), record("inner"));
            time.schedule(Duration.ofMillis(500), record("beyond"));
        });

        time.advance(Duration.ofMillis(300));

        assertThat(ran).containsExactly("outer@100", "inner@200");
    }

    @Test
    void aCancelledTaskDoesNotRun() {
        Cancellable c = time.schedule(Duration.ofSeconds(1), record("cancelled"));
        time.schedule(Duration.ofSeconds(2), record("kept"));

        c.cancel();
        c.cancel();
        time.advance(Duration.ofSeconds(5));

        assertThat(ran).containsExactly("kept@2000");
    }

    @Test
    void aCancelledTaskIsNeitherPendingNorNextDue() {
        Cancellable first = time.schedule(Duration.ofSeconds(1), record("first"));
        time.schedule(Duration.ofSeconds(2), record("second"));

        first.cancel();

        assertThat(time.pendingTasks()).isEqualTo(1);
        assertThat(time.nextDue()).contains(t0.plusSeconds(2));
        assertThat(time.toString()).endsWith("with 1 pending tasks");
    }

    @Test
    void cancellingATaskThatRanOrIsRunningChangesNothing() {
        Cancellable[] self = new Cancellable[1];
        self[0] = time.schedule(Duration.ofSeconds(1), () -> {
            record("self").run();
            self[0].cancel();
        });
        Cancellable other = time.schedule(Duration.ofSeconds(1), record("other"));
        time.advance(Duration.ofSeconds(1));

        other.cancel();
        time.schedule(Duration.ofSeconds(1), record("later"));

        assertThat(time.pendingTasks()).isEqualTo(1);
        time.advance(Duration.ofSeconds(1));
        assertThat(ran).containsExactly("self@1000", "other@1000", "later@2000");
        assertThat(time.pendingTasks()).isZero();
    }

    @Test
    void cancelledTasksAreDroppedOnceTheyAreHalfTheQueueAndTheRestStillRunInOrder() {
        List<Cancellable> handles = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            handles.add(time.schedule(Duration.ofMillis(i + 1), record("t" + i)));
        }
        for (int i = 0; i < 1_000; i += 2) {
            handles.get(i).cancel();
            handles.get(i).cancel();   // counted once
        }

        assertThat(time.pendingTasks()).isEqualTo(500);
        assertThat(time.queued()).as("the 500 cancelled entries are gone").isEqualTo(500);

        handles.get(1).cancel();   // one more, below the threshold: only marked
        assertThat(time.queued()).isEqualTo(500);
        assertThat(time.pendingTasks()).isEqualTo(499);

        time.advance(Duration.ofSeconds(1));
        assertThat(ran).hasSize(499).first().isEqualTo("t3@4");
        assertThat(ran).last().isEqualTo("t999@1000");
        assertThat(time.pendingTasks()).isZero();
        assertThat(time.queued()).isZero();
    }

    @Test
    void runDueRunsZeroAndNegativeDelayTasksWithoutMovingTime() {
        time.schedule(Duration.ZERO, record("now"));
        time.schedule(Duration.ofSeconds(-5), record("overdue"));

        time.runDue();

        assertThat(ran).containsExactly("now@0", "overdue@0");
        assertThat(time.now()).isEqualTo(t0);
    }

    @Test
    void aTaskDueNowRunsAfterTheTasksScheduledEarlierForTheSameInstant() {
        // "a" and "c" wait for 10 ms; "a" schedules "b" with no delay when it runs, at 10 ms. "c" was scheduled
        // before "b", so it runs first although "b" is due now and "c" sits behind the resend timers.
        time.schedule(Duration.ofMillis(10), () -> {
            record("a").run();
            time.schedule(Duration.ZERO, record("b"));
            time.schedule(Duration.ofMillis(-5), record("b2"));
        });
        time.schedule(Duration.ofMillis(10), record("c"));
        time.schedule(Duration.ofMillis(20), record("d"));
        time.schedule(Duration.ZERO, record("first"));

        time.advance(Duration.ofMillis(30));

        assertThat(ran).containsExactly("first@0", "a@10", "c@10", "b@10", "b2@10", "d@20");
        assertThat(time.pendingTasks()).isZero();
    }

    @Test
    void cancelledTasksDueNowAreSkippedAndCountedLikeTheOthers() {
        List<Cancellable> soon = new ArrayList<>();
        for (int i = 0; i < ManualScheduler.PURGE_THRESHOLD; i++) {
            soon.add(time.schedule(Duration.ZERO, record("now" + i)));
        }
        time.schedule(Duration.ofMillis(1), record("later"));
        time.schedule(Duration.ZERO, record("kept"));
        soon.forEach(Cancellable::cancel);

        assertThat(time.pendingTasks()).isEqualTo(2);
        assertThat(time.queued()).isEqualTo(2);   // half of the queue was cancelled: dropped in one pass
        assertThat(time.nextDue()).contains(t0);

        time.advance(Duration.ofMillis(1));

        assertThat(ran).containsExactly("kept@0", "later@1");
    }

    @Test
    void timeNeverMovesBackwards() {
        time.advance(Duration.ofSeconds(10));

        assertThatThrownBy(() -> time.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time only moves forward; advance(PT-1S) was asked at 2026-01-01T00:00:10Z");
        assertThatThrownBy(() -> time.advanceTo(t0))
                .hasMessage("time only moves forward; advanceTo(2026-01-01T00:00:00Z) is before now (2026-01-01T00:00:10Z)");
    }
}
