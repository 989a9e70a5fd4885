/**
 * Benchmarks of the simulation driver: whole replays through the kernel model (connections per
 * second with 100 real servers under wlc and mh) and the service-mode server models.
 */
package org.lvslab.jmh.sim;
