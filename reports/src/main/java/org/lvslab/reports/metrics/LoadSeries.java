package org.lvslab.reports.metrics;

import java.util.Arrays;

/**
 * Per-server load sampled at regular ticks: at each sample time, every real server's active and
 * inactive connection counts (summed over directors), the requests in service at the server
 * (service mode; 0 in replay) and the weight in force. Jain's index and the max/avg balance of
 * the weight-normalised active load are computed as samples arrive. Storage is flat primitive
 * arrays that grow by doubling.
 */
public final class LoadSeries {
    private final int servers;
    private long[] times = new long[256];
    private int[] active;
    private int[] inactive;
    private int[] busy;
    private int[] weights;
    private double[] jain = new double[256];
    private double[] balance = new double[256];
    private long[] totalActive = new long[256];
    private int[] eligible = new int[256];
    private int samples;

    public LoadSeries(int servers) {
        this.servers = servers;
        this.active = new int[256 * Math.max(servers, 1)];
        this.inactive = new int[active.length];
        this.busy = new int[active.length];
        this.weights = new int[active.length];
    }

    public int servers() {
        return servers;
    }

    public int samples() {
        return samples;
    }

    /** Records one sample; the arrays are copied, so callers may reuse them. */
    public void sample(long timeNs, int[] activeNow, int[] inactiveNow, int[] busyNow, int[] weightNow) {
        if (samples == times.length) {
            int n = samples * 2;
            times = Arrays.copyOf(times, n);
            jain = Arrays.copyOf(jain, n);
            balance = Arrays.copyOf(balance, n);
            totalActive = Arrays.copyOf(totalActive, n);
            eligible = Arrays.copyOf(eligible, n);
            active = Arrays.copyOf(active, n * servers);
            inactive = Arrays.copyOf(inactive, n * servers);
            busy = Arrays.copyOf(busy, n * servers);
            weights = Arrays.copyOf(weights, n * servers);
        }
        if (samples > 0 && timeNs < times[samples - 1]) {
            throw new IllegalArgumentException("sample at " + timeNs + " ns is before the previous one");
        }
        times[samples] = timeNs;
        int base = samples * servers;
        System.arraycopy(activeNow, 0, active, base, servers);
        System.arraycopy(inactiveNow, 0, inactive, base, servers);
        System.arraycopy(busyNow, 0, busy, base, servers);
        System.arraycopy(weightNow, 0, weights, base, servers);
        long total = 0;
        int withWeight = 0;
        for (int i = 0; i < servers; i++) {
            total += activeNow[i];
            withWeight += weightNow[i] > 0 ? 1 : 0;
        }
        totalActive[samples] = total;
        eligible[samples] = withWeight;
        jain[samples] = Fairness.jain(activeNow, weightNow, servers);
        balance[samples] = Fairness.maxOverMean(activeNow, weightNow, servers);
        samples++;
    }

    /**
     * Halves the resolution: keeps samples 0, 2, 4, … (a sampler that does not know the run's
     * length calls this when the series grows too long, and doubles its period).
     */
    public void keepEveryOther() {
        int kept = 0;
        for (int t = 0; t < samples; t += 2) {
            times[kept] = times[t];
            jain[kept] = jain[t];
            totalActive[kept] = totalActive[t];
            eligible[kept] = eligible[t];
            balance[kept] = balance[t];
            System.arraycopy(active, t * servers, active, kept * servers, servers);
            System.arraycopy(inactive, t * servers, inactive, kept * servers, servers);
            System.arraycopy(busy, t * servers, busy, kept * servers, servers);
            System.arraycopy(weights, t * servers, weights, kept * servers, servers);
            kept++;
        }
        samples = kept;
    }

    public long time(int sample) {
        return times[sample];
    }

    public int active(int sample, int server) {
        return active[sample * servers + server];
    }

    public int inactive(int sample, int server) {
        return inactive[sample * servers + server];
    }

    public int busy(int sample, int server) {
        return busy[sample * servers + server];
    }

    public int weight(int sample, int server) {
        return weights[sample * servers + server];
    }

    /** Jain's index of the weight-normalised active load at a sample. */
    public double jain(int sample) {
        return jain[sample];
    }

    /** max/avg of the weight-normalised active load at a sample (NaN with no load). */
    public double balance(int sample) {
        return balance[sample];
    }

    /** Mean active connections of one server over all samples. */
    public double meanActive(int server) {
        if (samples == 0) {
            return 0;
        }
        long sum = 0;
        for (int t = 0; t < samples; t++) {
            sum += active[t * servers + server];
        }
        return (double) sum / samples;
    }

    public int peakActive(int server) {
        int max = 0;
        for (int t = 0; t < samples; t++) {
            max = Math.max(max, active[t * servers + server]);
        }
        return max;
    }

    /**
     * Jain's index averaged over the samples, each weighted by its number of active connections:
     * fairness matters where there is load, and the near-empty samples at the start and the tail
     * of a run would otherwise dominate (1 with no load at all).
     */
    public double meanJain() {
        double s = 0;
        double w = 0;
        for (int t = 0; t < samples; t++) {
            s += jain[t] * totalActive[t];
            w += totalActive[t];
        }
        return w == 0 ? 1 : s / w;
    }

    /** Lowest Jain's index over samples with at least one active connection per eligible server. */
    public double minJain() {
        double m = 1;
        for (int t = 0; t < samples; t++) {
            if (loaded(t)) {
                m = Math.min(m, jain[t]);
            }
        }
        return m;
    }

    /** The per-sample balance averaged with the same load weighting as {@link #meanJain()} (NaN with no load). */
    public double meanBalance() {
        double s = 0;
        double w = 0;
        for (int t = 0; t < samples; t++) {
            if (!Double.isNaN(balance[t])) {
                s += balance[t] * totalActive[t];
                w += totalActive[t];
            }
        }
        return w == 0 ? Double.NaN : s / w;
    }

    /** Highest per-sample balance over samples with at least one active connection per eligible server (NaN if none). */
    public double peakBalance() {
        double m = Double.NaN;
        for (int t = 0; t < samples; t++) {
            if (loaded(t) && !Double.isNaN(balance[t]) && (Double.isNaN(m) || balance[t] > m)) {
                m = balance[t];
            }
        }
        return m;
    }

    private boolean loaded(int t) {
        return eligible[t] > 0 && totalActive[t] >= eligible[t];
    }
}
