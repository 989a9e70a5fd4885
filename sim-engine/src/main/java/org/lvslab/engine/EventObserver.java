package org.lvslab.engine;

/**
 * Sees every event just before and just after it runs; for metrics and tracing, never for model
 * logic. {@link EventLoop#now()} equals {@code time} in both calls. Observers may read the loop
 * but must not schedule, cancel or reschedule events (that would make a run depend on whether it
 * is observed).
 */
@FunctionalInterface
public interface EventObserver {
    void beforeEvent(long time, EventHandler handler, int kind, long payload);

    /** Called after the handler returned normally (not when it threw). */
    default void afterEvent(long time, EventHandler handler, int kind, long payload) {
    }
}
