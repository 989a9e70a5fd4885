/**
 * The deterministic discrete-event core: {@link org.lvslab.engine.EventLoop} (simulated clock in
 * nanoseconds, event queue with FIFO order for equal times, cancellable handles),
 * {@link org.lvslab.engine.RandomStreams} (independent seeded streams per named component) and the
 * hooks a run exposes to observers. Nothing here knows about IPVS.
 */
package org.lvslab.engine;
