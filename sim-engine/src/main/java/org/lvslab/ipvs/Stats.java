package org.lvslab.ipvs;

/**
 * Cumulative counters of a service, real server or the whole table, and their 2-second rate
 * estimator ({@code ip_vs_est.c}): an EWMA with weight 1/4 in fixed point (×2^10 for
 * connections and packets, ×2^5 for bytes).
 */
public final class Stats {
    long conns;
    long inPkts;
    long outPkts;
    long inBytes;
    long outBytes;

    // estimator state
    long lastConns, lastInPkts, lastOutPkts, lastInBytes, lastOutBytes;
    long avgCps, avgInPps, avgOutPps, avgInBps, avgOutBps;

    public long conns() { return conns; }
    public long inPkts() { return inPkts; }
    public long outPkts() { return outPkts; }
    public long inBytes() { return inBytes; }
    public long outBytes() { return outBytes; }

    /** Connections per second as ipvsadm shows it: {@code (avg + 511) >> 10}. */
    public long cps() { return (avgCps + 511) >> 10; }
    public long inPps() { return (avgInPps + 511) >> 10; }
    public long outPps() { return (avgOutPps + 511) >> 10; }
    /** Bytes per second as ipvsadm shows it: {@code (avg + 15) >> 5}. */
    public long inBps() { return (avgInBps + 15) >> 5; }
    public long outBps() { return (avgOutBps + 15) >> 5; }

    /** One estimator period (every 2 s of simulated time). */
    public void estimate() {
        avgCps += ((conns - lastConns) << 9) - avgCps >> 2;
        lastConns = conns;
        avgInPps += ((inPkts - lastInPkts) << 9) - avgInPps >> 2;
        lastInPkts = inPkts;
        avgOutPps += ((outPkts - lastOutPkts) << 9) - avgOutPps >> 2;
        lastOutPkts = outPkts;
        avgInBps += ((inBytes - lastInBytes) << 4) - avgInBps >> 2;
        lastInBytes = inBytes;
        avgOutBps += ((outBytes - lastOutBytes) << 4) - avgOutBps >> 2;
        lastOutBytes = outBytes;
    }

    /** True when another estimator period would change nothing: no new counts and all averages zero. */
    boolean atRest() {
        return conns == lastConns && inPkts == lastInPkts && outPkts == lastOutPkts && inBytes == lastInBytes
                && outBytes == lastOutBytes && (avgCps | avgInPps | avgOutPps | avgInBps | avgOutBps) == 0;
    }

    /** {@code ipvsadm -Z}: counters and rates to zero. */
    public void zero() {
        conns = inPkts = outPkts = inBytes = outBytes = 0;
        lastConns = lastInPkts = lastOutPkts = lastInBytes = lastOutBytes = 0;
        avgCps = avgInPps = avgOutPps = avgInBps = avgOutBps = 0;
    }

    void addConn() { conns++; }
    void addIn(long bytes) { inPkts++; inBytes += bytes; }
    void addOut(long bytes) { outPkts++; outBytes += bytes; }
}
