package org.lvslab.engine;

/**
 * Receives events from an {@link EventLoop}. One handler usually serves many events and tells
 * them apart by {@code kind} and {@code payload} (for example a connection id), so that
 * scheduling an event never allocates.
 */
@FunctionalInterface
public interface EventHandler {
    /**
     * Runs one event. {@link EventLoop#now()} equals the event's time while this runs.
     *
     * @param kind    a small code chosen by whoever scheduled the event
     * @param payload a value chosen by whoever scheduled the event (an id, an index, …)
     */
    void onEvent(int kind, long payload);
}
