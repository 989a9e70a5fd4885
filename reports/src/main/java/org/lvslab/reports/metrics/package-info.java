/**
 * Metric collectors a simulation feeds while it runs: per-server load sampled over time
 * ({@link org.lvslab.reports.metrics.LoadSeries}), Jain's fairness and max/avg balance
 * ({@link org.lvslab.reports.metrics.Fairness}), disruption of client-to-server mappings at admin
 * events ({@link org.lvslab.reports.metrics.DisruptionTracker}) and latency percentiles
 * ({@link org.lvslab.reports.metrics.LatencyRecorder}, HdrHistogram). Collectors are fed from the
 * simulation's hot path and do not allocate per connection in steady state.
 */
package org.lvslab.reports.metrics;
