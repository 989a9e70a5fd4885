package org.lvslab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventLoopTest {
    private final List<Long> seen = new ArrayList<>();
    private final EventHandler record = (k, p) -> seen.add(p);

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void eventsAtTheSameTimeRunInTheOrderTheyWereScheduled(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        loop.schedule(10, record, 0, 1);
        loop.schedule(5, record, 0, 2);
        loop.schedule(10, record, 0, 3);
        loop.schedule(10, record, 0, 4);
        loop.runUntil(100);
        assertThat(seen).containsExactly(2L, 1L, 3L, 4L);
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void aRescheduledEventGoesBehindEventsAlreadyWaitingAtItsNewTime(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        long a = loop.schedule(5, record, 0, 1);
        loop.schedule(10, record, 0, 2);
        loop.schedule(10, record, 0, 3);
        assertThat(loop.reschedule(a, 10)).isTrue();
        loop.run();
        assertThat(seen).containsExactly(2L, 3L, 1L);
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void reschedulingToTheSameTimeMovesTheEventToTheBackOfItsInstant(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        long a = loop.schedule(10, record, 0, 1);
        loop.schedule(10, record, 0, 2);
        loop.reschedule(a, 10);
        loop.run();
        assertThat(seen).containsExactly(2L, 1L);
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void anEventScheduledForTheCurrentTimeRunsInTheSameInstantAfterThoseAlreadyQueued(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        EventHandler spawner = (k, p) -> {
            seen.add(p);
            if (p == 1) {
                loop.schedule(loop.now(), record, 0, 99);
            }
        };
        loop.schedule(7, spawner, 0, 1);
        loop.schedule(7, spawner, 0, 2);
        loop.schedule(8, spawner, 0, 3);
        loop.runUntil(7);
        assertThat(seen).containsExactly(1L, 2L, 99L);
        assertThat(loop.now()).isEqualTo(7);
        assertThat(loop.pending()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void cancellingOrReschedulingAStaleHandleIsANoOp(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        long ran = loop.schedule(1, record, 0, 1);
        loop.runNext();
        long cancelled = loop.schedule(5, record, 0, 2);
        assertThat(loop.cancel(cancelled)).isTrue();
        long live = loop.schedule(6, record, 0, 3); // reuses a freed slot
        for (long stale : new long[] {ran, cancelled}) {
            assertThat(loop.cancel(stale)).isFalse();
            assertThat(loop.reschedule(stale, 100)).isFalse();
            assertThat(loop.isPending(stale)).isFalse();
            assertThat(loop.timeOf(stale)).isEqualTo(-1);
        }
        assertThat(loop.isPending(live)).isTrue();
        assertThat(loop.timeOf(live)).isEqualTo(6);
        loop.run();
        assertThat(seen).containsExactly(1L, 3L);
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void zeroAndNegativeValuesAreNeverValidHandles(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        for (int i = 0; i < 10; i++) {
            assertThat(loop.schedule(i, record, 0, i)).isPositive();
        }
        for (long h : new long[] {EventLoop.NO_EVENT, -1, Long.MIN_VALUE, 0xFFFF_FFFF_0000_0000L}) {
            assertThat(loop.cancel(h)).isFalse();
            assertThat(loop.isPending(h)).isFalse();
        }
        assertThat(loop.pending()).isEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void theRunningEventsOwnHandleIsAlreadyStaleInsideItsHandler(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        long[] self = new long[1];
        boolean[] results = new boolean[3];
        self[0] = loop.schedule(3, (k, p) -> {
            results[0] = loop.isPending(self[0]);
            results[1] = loop.cancel(self[0]);
            results[2] = loop.reschedule(self[0], 10);
        }, 0, 0);
        loop.run();
        assertThat(results).containsExactly(false, false, false);
        assertThat(loop.pending()).isZero();
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void aHandlerMayCancelAndRescheduleOtherEvents(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        long victim = loop.schedule(20, record, 0, 2);
        long moved = loop.schedule(30, record, 0, 3);
        loop.schedule(10, (k, p) -> {
            seen.add(p);
            assertThat(loop.cancel(victim)).isTrue();
            assertThat(loop.reschedule(moved, 10)).isTrue(); // to now: runs in this instant
        }, 0, 1);
        loop.run();
        assertThat(seen).containsExactly(1L, 3L);
        assertThat(loop.now()).isEqualTo(10);
    }

    @Test
    void anExhaustedSlotIsRetiredSoAStaleHandleNeverAliasesALaterEvent() {
        EventLoop loop = new EventLoop(QueueKind.WHEEL, 3);
        Set<Long> handles = new HashSet<>();
        List<Long> issued = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long h = loop.schedule(100, record, 0, i);
            assertThat(handles.add(h)).as("handle %d issued twice", h).isTrue();
            issued.add(h);
            loop.cancel(h);
        }
        // one slot per 3 uses, as each slot carries generations 1..3 only
        assertThat(loop.slotsUsed()).isEqualTo(10);
        long live = loop.schedule(100, record, 0, 99);
        for (long stale : issued) {
            assertThat(loop.cancel(stale)).isFalse();
        }
        assertThat(loop.isPending(live)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void badArgumentsAreRejectedBeforeAnythingChanges(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        long h = loop.schedule(50, record, 0, 1);
        loop.runUntil(20);
        assertThatThrownBy(() -> loop.schedule(19, record, 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before now");
        assertThatThrownBy(() -> loop.reschedule(h, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> loop.scheduleAfter(-1, record, 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative delay");
        assertThatThrownBy(() -> loop.scheduleAfter(Long.MAX_VALUE, record, 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflows");
        assertThatThrownBy(() -> loop.schedule(30, null, 0, 2)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> loop.runUntil(19)).isInstanceOf(IllegalArgumentException.class);
        assertThat(loop.pending()).isEqualTo(1);
        assertThat(loop.timeOf(h)).isEqualTo(50);
        assertThat(loop.now()).isEqualTo(20);
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void runUntilRunsEventsAtExactlyTheEndTimeThenSetsTheClock(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        loop.schedule(100, record, 0, 1);
        loop.schedule(101, record, 0, 2);
        loop.runUntil(100);
        assertThat(loop.lastStopReason()).isEqualTo(StopReason.TIME_REACHED);
        assertThat(seen).containsExactly(1L);
        loop.runUntil(100);
        assertThat(loop.lastStopReason()).isEqualTo(StopReason.TIME_REACHED); // same end time again is fine
        loop.runFor(1_000);
        assertThat(loop.lastStopReason()).isEqualTo(StopReason.TIME_REACHED);
        assertThat(loop.now()).isEqualTo(1_100);
        assertThat(seen).containsExactly(1L, 2L);
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void runUntilTheEndOfTimeReturnsOnceTheQueueIsEmpty(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        loop.schedule(Long.MAX_VALUE, record, 0, 1);
        loop.runUntil(Long.MAX_VALUE);
        assertThat(loop.lastStopReason()).isEqualTo(StopReason.TIME_REACHED);
        loop.runUntil(Long.MAX_VALUE);
        assertThat(loop.lastStopReason()).isEqualTo(StopReason.TIME_REACHED);
        assertThat(seen).containsExactly(1L);
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void runUntilIncludesEventsScheduledByEventsWithinTheWindow(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        EventHandler chain = new EventHandler() {
            @Override
            public void onEvent(int k, long p) {
                seen.add(p);
                loop.scheduleAfter(10, this, 0, p + 1);
            }
        };
        loop.schedule(0, chain, 0, 0);
        loop.runUntil(35);
        assertThat(seen).containsExactly(0L, 1L, 2L, 3L);
        assertThat(loop.nextTime()).isEqualTo(40);
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void runStopsOnTimeEventCountOrPredicateAndSaysWhy(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        for (int i = 1; i <= 10; i++) {
            loop.schedule(i * 10L, record, 0, i);
        }
        loop.run(StopCondition.at(30));
        assertThat(loop.lastStopReason()).isEqualTo(StopReason.CONDITION);
        assertThat(seen).containsExactly(1L, 2L, 3L);
        assertThat(loop.now()).isEqualTo(30);
        loop.run(StopCondition.afterEvents(5));
        assertThat(loop.lastStopReason()).isEqualTo(StopReason.CONDITION);
        assertThat(seen).hasSize(5);
        loop.run(StopCondition.when(() -> seen.contains(7L)).or(StopCondition.at(1_000)));
        assertThat(loop.lastStopReason()).isEqualTo(StopReason.CONDITION);
        assertThat(seen).hasSize(7);
        loop.run();
        assertThat(loop.lastStopReason()).isEqualTo(StopReason.QUEUE_EMPTY);
        assertThat(seen).hasSize(10);
        assertThat(loop.now()).isEqualTo(100);
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void requestStopFromAHandlerEndsTheRunAfterThatEventAndIsUsedUp(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        loop.schedule(10, record, 0, 1);
        loop.schedule(20, (k, p) -> {
            seen.add(p);
            loop.requestStop();
        }, 0, 2);
        loop.schedule(30, record, 0, 3);
        loop.runUntil(1_000);
        assertThat(loop.lastStopReason()).isEqualTo(StopReason.STOP_REQUESTED);
        assertThat(seen).containsExactly(1L, 2L);
        assertThat(loop.now()).as("clock stays at the last event").isEqualTo(20);
        assertThat(loop.isStopRequested()).isFalse();
        loop.runUntil(1_000);
        assertThat(loop.lastStopReason()).isEqualTo(StopReason.TIME_REACHED);
        assertThat(seen).containsExactly(1L, 2L, 3L);
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void aStopRequestedBetweenRunsMakesTheNextRunReturnAtOnce(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        loop.schedule(10, record, 0, 1);
        loop.requestStop();
        loop.run();
        assertThat(loop.lastStopReason()).isEqualTo(StopReason.STOP_REQUESTED);
        assertThat(seen).isEmpty();
        loop.run();
        assertThat(loop.lastStopReason()).isEqualTo(StopReason.QUEUE_EMPTY);
        assertThat(seen).containsExactly(1L);
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void aHandlerCannotRunTheLoopItself(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        loop.schedule(1, (k, p) -> loop.runNext(), 0, 0);
        loop.schedule(2, record, 0, 2);
        assertThatThrownBy(loop::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("re-entrant");
        loop.run();
        assertThat(loop.lastStopReason()).isEqualTo(StopReason.QUEUE_EMPTY);
        assertThat(seen).containsExactly(2L);
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void aThrowingHandlerLeavesTheLoopConsistentAndUsable(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        loop.schedule(5, (k, p) -> {
            throw new IllegalStateException("boom");
        }, 0, 0);
        loop.schedule(6, record, 0, 6);
        assertThatThrownBy(() -> loop.runUntil(10)).hasMessage("boom");
        assertThat(loop.now()).isEqualTo(5);
        assertThat(loop.executed()).isEqualTo(1);
        assertThat(loop.pending()).isEqualTo(1);
        loop.runUntil(10);
        assertThat(seen).containsExactly(6L);
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void observersSeeEveryEventBeforeAndAfterItRunsInRegistrationOrder(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        List<String> log = new ArrayList<>();
        EventObserver first = new EventObserver() {
            @Override
            public void beforeEvent(long time, EventHandler h, int k, long p) {
                log.add("before1 " + time + " " + k + " " + p);
            }

            @Override
            public void afterEvent(long time, EventHandler h, int k, long p) {
                log.add("after1 " + time);
            }
        };
        EventObserver second = (time, h, k, p) -> log.add("before2 " + time);
        loop.addObserver(first);
        loop.addObserver(second);
        loop.schedule(4, (k, p) -> log.add("run " + loop.now()), 7, 8);
        loop.run();
        assertThat(log).containsExactly("before1 4 7 8", "before2 4", "run 4", "after1 4");
        assertThat(loop.removeObserver(first)).isTrue();
        assertThat(loop.removeObserver(first)).isFalse();
        log.clear();
        loop.schedule(5, (k, p) -> log.add("run"), 0, 0);
        loop.run();
        assertThat(log).containsExactly("before2 5", "run");
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void advanceToMovesTheClockOnlyUpToTheNextEvent(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        loop.schedule(100, record, 0, 1);
        loop.advanceTo(100);
        assertThat(loop.now()).isEqualTo(100);
        assertThat(seen).isEmpty();
        assertThatThrownBy(() -> loop.advanceTo(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> loop.advanceTo(99)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(QueueKind.class)
    void timesAcrossTheWholeClockRangeRunInOrder(QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        long[] times = {Long.MAX_VALUE, 0, 1L << 62, (1L << 20) - 1, 1L << 20, 1L << 40, Long.MAX_VALUE - 1, 3};
        for (long t : times) {
            loop.schedule(t, record, 0, t);
        }
        loop.run();
        assertThat(seen).containsExactly(0L, 3L, (1L << 20) - 1, 1L << 20, 1L << 40, 1L << 62, Long.MAX_VALUE - 1, Long.MAX_VALUE);
    }

    @Property
    void noEventRunsBeforeItsTimeAndTimeNeverGoesBack(@ForAll @Size(max = 200) List<@LongRange(min = 0, max = 1000) Long> times,
                                                      @ForAll QueueKind kind) {
        EventLoop loop = new EventLoop(kind);
        long[] last = {-1};
        EventHandler h = (k, due) -> {
            assertThat(loop.now()).isEqualTo(due);
            assertThat(loop.now()).isGreaterThanOrEqualTo(last[0]);
            last[0] = loop.now();
        };
        for (long t : times) {
            loop.schedule(t, h, 0, t);
        }
        loop.runUntil(1000);
        assertThat(loop.executed()).isEqualTo(times.size());
    }
}
