/** {@code ipvsadm -Lcn} (and {@code /proc/net/ip_vs_conn}) snapshots, read as an initial connection table. */
package org.lvslab.workloads.ipvsadm;
