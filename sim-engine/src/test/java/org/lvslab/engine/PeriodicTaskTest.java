package org.lvslab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {
    private final EventLoop loop = new EventLoop();
    private final List<String> ticks = new ArrayList<>();
    private final EventHandler target = (k, n) -> ticks.add(k + ":" + n + "@" + loop.now());

    @Test
    void ticksAtExactMultiplesOfThePeriodFromTheFirstTick() {
        PeriodicTask task = PeriodicTask.start(loop, 5, 1_000, target, 3);
        loop.runUntil(3_005);
        assertThat(ticks).containsExactly("3:0@5", "3:1@1005", "3:2@2005", "3:3@3005");
        assertThat(task.ticks()).isEqualTo(4);
        assertThat(task.nextTickTime()).isEqualTo(4_005);
        assertThat(task.isActive()).isTrue();
    }

    @Test
    void theLastTickTimeIsInclusiveAndThenTheTaskEnds() {
        PeriodicTask task = PeriodicTask.start(loop, 0, 10, 30, target, 0);
        loop.run();
        assertThat(loop.lastStopReason()).isEqualTo(StopReason.QUEUE_EMPTY);
        assertThat(ticks).containsExactly("0:0@0", "0:1@10", "0:2@20", "0:3@30");
        assertThat(task.isActive()).isFalse();
        assertThat(task.nextTickTime()).isEqualTo(-1);
    }

    @Test
    void aTargetMayStopItsOwnTask() {
        PeriodicTask[] self = new PeriodicTask[1];
        self[0] = PeriodicTask.start(loop, 0, 10, (k, n) -> {
            ticks.add("tick " + n);
            if (n == 2) {
                self[0].stop();
            }
        }, 0);
        loop.run();
        assertThat(ticks).containsExactly("tick 0", "tick 1", "tick 2");
        assertThat(loop.pending()).isZero();
    }

    @Test
    void stoppingFromOutsideCancelsTheRemainingTicksAndIsIdempotent() {
        PeriodicTask task = PeriodicTask.start(loop, 0, 10, target, 0);
        loop.runUntil(15);
        task.stop();
        task.stop();
        loop.runUntil(100);
        assertThat(ticks).hasSize(2);
        assertThat(loop.pending()).isZero();
    }

    @Test
    void aTickRunsAfterEventsForItsTimeThatWereScheduledBeforeThePreviousTick() {
        loop.schedule(10, (k, p) -> ticks.add("early event"), 0, 0);
        PeriodicTask.start(loop, 0, 10, 10, target, 1);
        loop.run();
        // tick 1 was scheduled at time 0 when tick 0 ran, after the event for time 10
        assertThat(ticks).containsExactly("1:0@0", "early event", "1:1@10");
    }

    @Test
    void theSeriesEndsInsteadOfOverflowingTheClock() {
        long first = Long.MAX_VALUE - 25;
        loop.advanceTo(0);
        PeriodicTask task = PeriodicTask.start(loop, first, 10, target, 0);
        loop.run();
        assertThat(ticks).hasSize(3);
        assertThat(task.isActive()).isFalse();
    }

    @Test
    void badPeriodsAndStartTimesAreRejected() {
        assertThatThrownBy(() -> PeriodicTask.start(loop, 0, 0, target, 0)).isInstanceOf(IllegalArgumentException.class);
        loop.schedule(50, target, 0, 0);
        loop.runUntil(50);
        assertThatThrownBy(() -> PeriodicTask.start(loop, 49, 10, target, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before now");
    }
}
