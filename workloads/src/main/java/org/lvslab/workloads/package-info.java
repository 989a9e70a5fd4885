/**
 * What every workload source produces and the simulator consumes: {@link org.lvslab.workloads.ConnectionRecord}
 * (one connection, mutable and reused so a day of traffic streams without per-record garbage),
 * {@link org.lvslab.workloads.ConnectionSource} (a streaming reader or generator),
 * {@link org.lvslab.workloads.AdminEvent} and its text timeline, the bad-record policy, and
 * {@link org.lvslab.workloads.TraceFormat} which detects and opens any supported trace format.
 */
package org.lvslab.workloads;
