/**
 * The simulation driver: turns a workload (trace or generator), a rule set (ipvsadm -S/-R) and an
 * admin timeline into events on one {@link org.lvslab.engine.EventLoop}, pushes each connection's
 * TCP/UDP packets through one or more directors' {@link org.lvslab.ipvs.IpvsTable}s so the kernel
 * model's own counters, states and timeouts are what the next scheduling decision sees, and
 * collects the metrics of a {@link org.lvslab.reports.RunResult}.
 *
 * <p>Replay mode keeps each connection open for the duration the trace gives; service mode
 * submits the connection's demand to a real server model ({@link org.lvslab.sim.server}) so
 * latency and connection counts follow from the scheduler's choices.
 */
package org.lvslab.sim;
