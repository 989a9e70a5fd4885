package org.lvslab.engine;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Decides, before each event of {@link EventLoop#run(StopCondition)}, whether the run should stop.
 * It is asked only while an event is pending, with the clock still at the previous event's time, so
 * a condition can look at {@link EventLoop#nextTime()}, {@link EventLoop#executed()} or model
 * state.
 */
@FunctionalInterface
public interface StopCondition {
    boolean shouldStop(EventLoop loop);

    /** Never stops; the run ends when the queue is empty or a stop is requested. */
    static StopCondition never() {
        return loop -> false;
    }

    /**
     * Stop before the first event later than {@code t}; events at exactly {@code t} still run. The
     * clock is left at the last event run (use {@link EventLoop#runUntil(long)} to also move it to
     * {@code t}).
     */
    static StopCondition at(long t) {
        return loop -> loop.nextTime() > t;
    }

    /** Stop once {@code n} events have run in total over the loop's life ({@link EventLoop#executed()}). */
    static StopCondition afterEvents(long n) {
        return loop -> loop.executed() >= n;
    }

    /** Stop when a model predicate becomes true (checked before each event). */
    static StopCondition when(BooleanSupplier predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return loop -> predicate.getAsBoolean();
    }

    /** Stop when either this or {@code other} says so. */
    default StopCondition or(StopCondition other) {
        Objects.requireNonNull(other, "other");
        return loop -> shouldStop(loop) || other.shouldStop(loop);
    }
}
