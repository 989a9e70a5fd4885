package org.lvslab.reports;

/**
 * Connection counts of a whole run.
 *
 * @param offered          connections the workload tried to open
 * @param scheduled        connections IPVS forwarded to a real server
 * @param refused          connections IPVS refused (no real server available: ICMP unreachable)
 * @param failed           connections sent to a real server that was down (no answer, reset)
 * @param persistenceHits  connections placed by a persistence template rather than the scheduler
 * @param unmatched        connections for which no virtual service matched (passed to the local stack)
 * @param simulatedNs      simulated time covered by the run
 */
public record Totals(long offered, long scheduled, long refused, long failed, long persistenceHits, long unmatched,
        long simulatedNs) {
}
