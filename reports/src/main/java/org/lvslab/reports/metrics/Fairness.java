package org.lvslab.reports.metrics;

/**
 * Fairness of a load vector across real servers, normalised by weight: server {@code i} carries
 * {@code x_i = load_i / weight_i}; servers with weight 0 (drained or failed) are left out.
 */
public final class Fairness {
    private Fairness() {
    }

    /**
     * Jain's index {@code (Σx)² / (n·Σx²)}: 1 when every eligible server carries the same
     * weight-normalised load, 1/n when one carries all of it. With no load at all (or no eligible
     * server) every server is equally (un)loaded and the index is 1.
     */
    public static double jain(int[] load, int[] weight, int n) {
        double sum = 0;
        double sumSq = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (weight[i] <= 0) {
                continue;
            }
            double x = (double) load[i] / weight[i];
            sum += x;
            sumSq += x * x;
            count++;
        }
        if (count == 0 || sumSq == 0) {
            return 1.0;
        }
        return sum * sum / (count * sumSq);
    }

    /**
     * Balance {@code max(x) / mean(x)} over eligible servers: 1 is perfect, {@code n} means one
     * server carries everything. NaN when there is no load to balance.
     */
    public static double maxOverMean(int[] load, int[] weight, int n) {
        double sum = 0;
        double max = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (weight[i] <= 0) {
                continue;
            }
            double x = (double) load[i] / weight[i];
            sum += x;
            max = Math.max(max, x);
            count++;
        }
        if (count == 0 || sum == 0) {
            return Double.NaN;
        }
        return max / (sum / count);
    }

    /** The same as {@link #maxOverMean(int[], int[], int)} for real-valued loads (e.g. time averages). */
    public static double maxOverMean(double[] load, int[] weight) {
        double sum = 0;
        double max = 0;
        int count = 0;
        for (int i = 0; i < load.length; i++) {
            if (weight[i] <= 0) {
                continue;
            }
            double x = load[i] / weight[i];
            sum += x;
            max = Math.max(max, x);
            count++;
        }
        if (count == 0 || sum == 0) {
            return Double.NaN;
        }
        return max / (sum / count);
    }
}
