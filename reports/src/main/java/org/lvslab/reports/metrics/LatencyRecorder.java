package org.lvslab.reports.metrics;

import org.HdrHistogram.Histogram;

/**
 * Response times (connection arrival to completion, service mode) in an HdrHistogram with three
 * significant digits, recorded in microseconds. Recording allocates nothing once the histogram
 * has grown to the largest value seen.
 */
public final class LatencyRecorder {
    private final Histogram histogram = new Histogram(3);

    /** Records one response time given in nanoseconds (rounded to the nearest microsecond, at least 1). */
    public void record(long nanos) {
        histogram.recordValue(Math.max(1, (nanos + 500) / 1000));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The value at a percentile (0–100) in seconds; 0 with no data. */
    public double percentileSeconds(double percentile) {
        if (count() == 0) {
            return 0;
        }
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    public double meanSeconds() {
        return count() == 0 ? 0 : histogram.getMean() / 1e6;
    }

    public double maxSeconds() {
        return count() == 0 ? 0 : histogram.getMaxValue() / 1e6;
    }

    /** Adds another recorder's values (e.g. several directors' clients). */
    public void add(LatencyRecorder other) {
        histogram.add(other.histogram);
    }

    /**
     * The empirical CDF at a fixed set of percentiles (0.5 % steps to 99 %, then finer into the
     * tail): {@code [k][0]} latency in seconds, {@code [k][1]} cumulative fraction.
     */
    public double[][] cdf() {
        if (count() == 0) {
            return new double[0][];
        }
        double[] ps = cdfPercentiles();
        double[][] out = new double[ps.length][];
        for (int k = 0; k < ps.length; k++) {
            out[k] = new double[] {histogram.getValueAtPercentile(ps[k]) / 1e6, ps[k] / 100.0};
        }
        return out;
    }

    private static double[] cdfPercentiles() {
        double[] tail = {99.2, 99.4, 99.5, 99.6, 99.7, 99.8, 99.9, 99.95, 99.99, 99.999, 100};
        double[] ps = new double[198 + tail.length];
        int n = 0;
        for (int i = 1; i <= 198; i++) {
            ps[n++] = i * 0.5;
        }
        for (double t : tail) {
            ps[n++] = t;
        }
        return ps;
    }
}
