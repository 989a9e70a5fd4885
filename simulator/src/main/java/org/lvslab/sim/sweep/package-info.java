/**
 * Capacity planning: a sweep runs every combination of scheduler × real server count × weight
 * rule on the same workload, checks each against an {@link org.lvslab.sim.sweep.Objective},
 * ranks them ({@link org.lvslab.sim.sweep.Sweep}) and writes the winner as an
 * {@code ipvsadm -R} script and a keepalived {@code virtual_server} block
 * ({@link org.lvslab.sim.sweep.Scripts}).
 */
package org.lvslab.sim.sweep;
