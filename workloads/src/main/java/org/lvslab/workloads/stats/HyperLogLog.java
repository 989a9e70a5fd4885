package org.lvslab.workloads.stats;

/**
 * Distinct-count estimate in 16 KiB (HyperLogLog, 2^14 registers, standard error about 0.8%),
 * with the small-range (linear counting) correction. Exact enough to report "how many clients"
 * of a trace that does not fit in memory.
 */
public final class HyperLogLog {
    private static final int P = 14;
    private static final int M = 1 << P;
    private final byte[] reg = new byte[M];

    public void add(long hash) {
        int idx = (int) (hash >>> (64 - P));
        long w = (hash << P) | (1L << (P - 1));
        int rank = Long.numberOfLeadingZeros(w) + 1;
        if (rank > reg[idx]) {
            reg[idx] = (byte) rank;
        }
    }

    /** SplitMix64 finaliser: a well-mixed 64-bit hash of a value. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long estimate() {
        double sum = 0;
        int zeros = 0;
        for (byte r : reg) {
            sum += 1.0 / (1L << r);
            if (r == 0) {
                zeros++;
            }
        }
        double alpha = 0.7213 / (1 + 1.079 / M);
        double e = alpha * M * (double) M / sum;
        if (e <= 2.5 * M && zeros > 0) {
            e = M * Math.log((double) M / zeros);
        }
        return Math.round(e);
    }
}
