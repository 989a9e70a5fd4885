package org.lvslab.engine;

import java.util.Objects;

/**
 * A periodic event source, for sampling ticks (report intervals, estimator timers): calls
 * {@code target.onEvent(kind, n)} at {@code firstAt + n * period} for n = 0, 1, 2, … while that
 * time is at or before {@code lastAt}.
 *
 * <p>Ticks are computed from {@code firstAt}, not from the previous tick, so they never drift.
 * Each tick schedules the next one <em>before</em> calling the target, so the target may call
 * {@link #stop()} and a target that throws does not silently end the series. A tick is an ordinary
 * event: among events at the same time it runs in FIFO position, i.e. after events for that time
 * that were scheduled before the previous tick ran.
 *
 * <p>A task keeps the queue non-empty until {@code lastAt}, so a plain {@link EventLoop#run()}
 * with an endless task never returns; bound the run with {@link EventLoop#runUntil(long)}, a
 * {@link StopCondition} or a finite {@code lastAt}. Allocation-free per tick.
 */
public final class PeriodicTask {
    private final EventLoop loop;
    private final long firstAt;
    private final long period;
    private final long lastAt;
    private final EventHandler target;
    private final int kind;
    private final EventHandler tick = (k, n) -> fire(n);
    private long handle = EventLoop.NO_EVENT;
    private long fired;

    private PeriodicTask(EventLoop loop, long firstAt, long period, long lastAt, EventHandler target, int kind) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.target = Objects.requireNonNull(target, "target");
        if (period <= 0) {
            throw new IllegalArgumentException("period must be positive: " + period + " ns");
        }
        if (firstAt < loop.now()) {
            throw new IllegalArgumentException("first tick at " + firstAt + " ns is before now (" + loop.now() + " ns)");
        }
        this.firstAt = firstAt;
        this.period = period;
        this.lastAt = lastAt;
        this.kind = kind;
    }

    /** Starts ticks at {@code firstAt}, {@code firstAt + period}, … with no end. */
    public static PeriodicTask start(EventLoop loop, long firstAt, long period, EventHandler target, int kind) {
        return start(loop, firstAt, period, Long.MAX_VALUE, target, kind);
    }

    /** Starts ticks at {@code firstAt}, {@code firstAt + period}, … up to and including {@code lastAt}. */
    public static PeriodicTask start(EventLoop loop, long firstAt, long period, long lastAt, EventHandler target, int kind) {
        PeriodicTask task = new PeriodicTask(loop, firstAt, period, lastAt, target, kind);
        if (firstAt <= lastAt) {
            task.handle = loop.schedule(firstAt, task.tick, kind, 0);
        }
        return task;
    }

    /** Cancels the remaining ticks; no-op if already stopped or finished. */
    public void stop() {
        loop.cancel(handle);
        handle = EventLoop.NO_EVENT;
    }

    /** Whether another tick is scheduled. */
    public boolean isActive() {
        return loop.isPending(handle);
    }

    /** Number of ticks delivered so far. */
    public long ticks() {
        return fired;
    }

    /** Time of the next tick, or -1 if none is scheduled. */
    public long nextTickTime() {
        return loop.timeOf(handle);
    }

    private void fire(long n) {
        long next = firstAt + (n + 1) * period;
        // stop on the last tick, or when the next one would not fit in the clock
        boolean more = Math.multiplyHigh(n + 1, period) == 0 && next >= firstAt && next <= lastAt;
        handle = more ? loop.schedule(next, tick, kind, n + 1) : EventLoop.NO_EVENT;
        fired++;
        target.onEvent(kind, n);
    }
}
