/**
 * Real server capacity for service mode: a server has workers and a relative speed, and a
 * connection's demand (seconds of work at speed 1) turns into a duration that depends on the
 * server's load — {@link org.lvslab.sim.server.ProcessorSharing} (egalitarian sharing over the
 * workers) or {@link org.lvslab.sim.server.FifoWorkers} (first come first served over N workers).
 * Completions are events on the simulation's {@link org.lvslab.engine.EventLoop}; nothing is
 * allocated per request.
 */
package org.lvslab.sim.server;
