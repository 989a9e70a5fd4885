package org.lvslab.engine;

/**
 * The data structure that orders an {@link EventLoop}'s events. Both give exactly the same event
 * order (they are tested against the same reference model); they differ only in cost, measured in
 * {@code docs/benchmarks.md}.
 */
public enum QueueKind {
    /** 4-ary min-heap: O(log n) schedule, cancel, reschedule and run. */
    HEAP,
    /**
     * Hierarchical timing wheel with ~1 ms ticks in front of a small exact heap: O(1) schedule,
     * cancel and reschedule, amortised O(levels + log k) to run, k being the events due in one
     * tick. Best when most timers are re-armed or cancelled before they fire (connection expiry).
     */
    WHEEL
}
