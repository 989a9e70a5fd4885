/**
 * JMH benchmarks of the event loop ({@link org.lvslab.engine.EventLoop}): scheduling, cancelling
 * and re-arming at steady-state queue sizes, for each {@link org.lvslab.engine.QueueKind}. How to
 * run them and the figures: {@code docs/benchmarks.md}.
 */
package org.lvslab.jmh.engine;
