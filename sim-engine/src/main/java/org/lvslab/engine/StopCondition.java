package org.lvslab.engine;

/** Decides, before each event, whether a run should stop. */
@FunctionalInterface
public interface StopCondition {
    boolean shouldStop(EventLoop loop);

    /** Stop before the first event later than {@code t}. */
    static StopCondition at(long t) {
        return loop -> loop.nextTime() > t;
    }

    /** Stop after {@code n} events have run in total. */
    static StopCondition afterEvents(long n) {
        return loop -> loop.executed() >= n;
    }
}
