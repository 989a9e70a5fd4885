package org.lvslab.engine;

/** Why a run of an {@link EventLoop} returned ({@link EventLoop#lastStopReason()}). */
public enum StopReason {
    /** No event was left to run. */
    QUEUE_EMPTY,
    /** {@link EventLoop#runUntil(long)} reached its end time (the clock now shows it). */
    TIME_REACHED,
    /** The {@link StopCondition} said so before the next event. */
    CONDITION,
    /** {@link EventLoop#requestStop()} was called. */
    STOP_REQUESTED
}
