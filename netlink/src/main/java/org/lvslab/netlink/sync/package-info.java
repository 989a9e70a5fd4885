/**
 * Bringing a real kernel's IPVS table in line with an lvslab configuration and back:
 * {@link org.lvslab.netlink.sync.KernelTable} (a configuration snapshot, real servers in kernel
 * list order), {@link org.lvslab.netlink.sync.Planner} (the difference between two snapshots as
 * ordered {@link org.lvslab.netlink.sync.Operation}s), {@link org.lvslab.netlink.sync.Executor}
 * (applies a plan to any {@link org.lvslab.ipvsadm.kernel.IpvsKernel}, stops at the first
 * failure, reports what was and was not applied, optionally rolls back), and
 * {@link org.lvslab.netlink.sync.DesiredConfig} (an ipvsadm rules file or an lvslab state file as
 * a snapshot, validated by the simulated kernel).
 */
package org.lvslab.netlink.sync;
