/**
 * The deterministic discrete-event core. {@link org.lvslab.engine.EventLoop}: simulated clock in
 * nanoseconds, events in time order with FIFO order for equal times, cancellable and
 * reschedulable handles that are safe when stale, run methods with
 * {@link org.lvslab.engine.StopCondition}s and an external stop request, and
 * {@link org.lvslab.engine.EventObserver} hooks for metrics. Two interchangeable queue structures
 * ({@link org.lvslab.engine.QueueKind}: a 4-ary heap and the default hierarchical timing wheel)
 * give the identical event order. {@link org.lvslab.engine.PeriodicTask} is a drift-free periodic
 * event source for sampling ticks. {@link org.lvslab.engine.RandomStreams} derives independent
 * seeded SplitMix64 streams ({@link org.lvslab.engine.RandomStream}) per named component.
 * Nothing here knows about IPVS.
 */
package org.lvslab.engine;
