package org.lvslab.engine;

/** Sees every event just before it runs; for metrics and tracing, never for model logic. */
@FunctionalInterface
public interface EventObserver {
    void beforeEvent(long time, EventHandler handler, int kind, long payload);
}
