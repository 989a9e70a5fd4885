package org.lvslab.ipvs;

/**
 * Counters of a service, real server or the whole table, and their 2-second rate estimator, kept
 * the way the kernel keeps them ({@code struct ip_vs_stats}, {@code ip_vs_ctl.c},
 * {@code ip_vs_est.c}). Three sets of counters exist:
 * <ul>
 * <li><b>live</b> ({@code cpustats}): bumped by the packet path on every connection and packet;
 *     never reset, not even by {@code -Z}. {@link #liveConns()} and friends; for the simulator's
 *     own reports.</li>
 * <li><b>estimated</b> ({@code kstats}): a copy of the live counters taken only when the
 *     estimator runs for this object (every 2 s; never while {@code run_estimation} is 0).</li>
 * <li><b>zero base</b> ({@code kstats0}): the estimated counters at the last {@code -Z}.</li>
 * </ul>
 * What the kernel reports to ipvsadm, netlink and {@code /proc} ({@code ip_vs_copy_stats}) is
 * estimated minus zero base: {@link #conns()}, {@link #inPkts()} … So a listing right after
 * traffic shows the counters as of the previous estimator run, and traffic counted before a
 * {@code -Z} but after the last run still shows up once the estimator runs again.
 *
 * <p>The rates are an EWMA with weight 1/4 in fixed point (×2^10 for connections and packets,
 * ×2^5 for bytes) over the 2 s deltas of the estimated counters.
 */
public final class Stats {
    // live: the sum of the per-CPU counters
    long conns;
    long inPkts;
    long outPkts;
    long inBytes;
    long outBytes;

    // kstats: the live counters as of the last estimator run
    long estConns, estInPkts, estOutPkts, estInBytes, estOutBytes;
    // kstats0: the estimated counters at the last -Z
    long baseConns, baseInPkts, baseOutPkts, baseInBytes, baseOutBytes;

    // estimator state (struct ip_vs_estimator)
    long lastConns, lastInPkts, lastOutPkts, lastInBytes, lastOutBytes;
    long avgCps, avgInPps, avgOutPps, avgInBps, avgOutBps;

    /**
     * Jiffy at which this object's estimator was last started ({@code ip_vs_start_estimator}:
     * service or real server creation, revival from the trash); with estimation kthreads a run
     * only includes estimators queued before it.
     */
    long estimatorSince;

    /** Connections as the kernel reports them: estimated minus zero base. */
    public long conns() { return estConns - baseConns; }
    public long inPkts() { return estInPkts - baseInPkts; }
    public long outPkts() { return estOutPkts - baseOutPkts; }
    public long inBytes() { return estInBytes - baseInBytes; }
    public long outBytes() { return estOutBytes - baseOutBytes; }

    /** Connections counted by the packet path so far (since creation; {@code -Z} does not reset them). */
    public long liveConns() { return conns; }
    public long liveInPkts() { return inPkts; }
    public long liveOutPkts() { return outPkts; }
    public long liveInBytes() { return inBytes; }
    public long liveOutBytes() { return outBytes; }

    /** Connections per second as ipvsadm shows it: {@code (avg + 511) >> 10}. */
    public long cps() { return (avgCps + 511) >> 10; }
    public long inPps() { return (avgInPps + 511) >> 10; }
    public long outPps() { return (avgOutPps + 511) >> 10; }
    /** Bytes per second as ipvsadm shows it: {@code (avg + 15) >> 5}. */
    public long inBps() { return (avgInBps + 15) >> 5; }
    public long outBps() { return (avgOutBps + 15) >> 5; }

    /** One estimator run for this object: refresh the estimated counters, then one EWMA step each. */
    public void estimate() {
        estConns = conns;
        estInPkts = inPkts;
        estOutPkts = outPkts;
        estInBytes = inBytes;
        estOutBytes = outBytes;
        // rate over 2 s: delta << 9 is delta/2 scaled by 2^10; delta << 4 is delta/2 scaled by 2^5
        avgCps += ((estConns - lastConns) << 9) - avgCps >> 2;
        lastConns = estConns;
        avgInPps += ((estInPkts - lastInPkts) << 9) - avgInPps >> 2;
        lastInPkts = estInPkts;
        avgOutPps += ((estOutPkts - lastOutPkts) << 9) - avgOutPps >> 2;
        lastOutPkts = estOutPkts;
        avgInBps += ((estInBytes - lastInBytes) << 4) - avgInBps >> 2;
        lastInBytes = estInBytes;
        avgOutBps += ((estOutBytes - lastOutBytes) << 4) - avgOutBps >> 2;
        lastOutBytes = estOutBytes;
    }

    /**
     * True when another estimator run would change nothing: nothing counted since the last run
     * (the estimator's {@code last_*} always equal the estimated counters) and all averages zero.
     */
    boolean atRest() {
        return conns == lastConns && inPkts == lastInPkts && outPkts == lastOutPkts && inBytes == lastInBytes
                && outBytes == lastOutBytes && (avgCps | avgInPps | avgOutPps | avgInBps | avgOutBps) == 0;
    }

    /**
     * {@code ipvsadm -Z} ({@code ip_vs_zero_stats}, {@code ip_vs_zero_estimator}): the estimated
     * counters become the zero base and the estimator's reference, the averages 0. The live
     * counters are untouched, so what was counted since the last estimator run is reported
     * after the next one.
     */
    public void zero() {
        baseConns = estConns;
        baseInPkts = estInPkts;
        baseOutPkts = estOutPkts;
        baseInBytes = estInBytes;
        baseOutBytes = estOutBytes;
        lastConns = estConns;
        lastInPkts = estInPkts;
        lastOutPkts = estOutPkts;
        lastInBytes = estInBytes;
        lastOutBytes = estOutBytes;
        avgCps = avgInPps = avgOutPps = avgInBps = avgOutBps = 0;
    }

    void addConn() { conns++; }
    void addIn(long bytes) { inPkts++; inBytes += bytes; }
    void addOut(long bytes) { outPkts++; outBytes += bytes; }
}
