package org.lvslab.engine;

/**
 * A seeded pseudo-random stream with a fixed algorithm (SplitMix64: a Weyl sequence with step
 * {@code 0x9E3779B97F4A7C15} through Stafford's "variant 13" mixer), so a seed gives the same
 * numbers on every JDK and platform. It is the generator behind {@link java.util.SplittableRandom}
 * (same seed, same {@code nextLong()} values), but written out here so that a JDK change can never
 * change a simulation. Not for cryptography; not thread-safe.
 *
 * <p>Every derived value is pure integer arithmetic or {@link StrictMath} (whose results are
 * specified bit-for-bit), never {@link Math}, whose intrinsics may differ in the last bit between
 * platforms. Golden values are pinned in {@code RandomStreamTest}.
 */
public final class RandomStream {
    private long state;

    public RandomStream(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The upper 32 bits of {@link #nextLong()}. */
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /**
     * Uniform in [0, bound) for bound &gt; 0, exactly unbiased: Lemire's multiply-and-shift with
     * rejection of the {@code 2^32 mod bound} low products that would favour some results.
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long u = Integer.toUnsignedLong(nextInt());
        long m = u * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                u = Integer.toUnsignedLong(nextInt());
                m = u * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Uniform in [origin, bound), unbiased; origin &lt; bound and the span must fit in an int. */
    public int nextInt(int origin, int bound) {
        long span = (long) bound - origin;
        if (span <= 0 || span > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bad range [" + origin + ", " + bound + ")");
        }
        return origin + nextInt((int) span);
    }

    /** Uniform in [0, bound) for bound &gt; 0, unbiased (the 64-bit form of {@link #nextInt(int)}). */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long u = nextLong();
        long low = u * bound;
        if (Long.compareUnsigned(low, bound) < 0) {
            long threshold = Long.remainderUnsigned(-bound, bound);
            while (Long.compareUnsigned(low, threshold) < 0) {
                u = nextLong();
                low = u * bound;
            }
        }
        return Math.unsignedMultiplyHigh(u, bound);
    }

    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** True with probability {@code p} (0 &le; p &le; 1). */
    public boolean nextBernoulli(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1]: " + p);
        }
        return nextDouble() < p;
    }

    /**
     * Exponentially distributed with the given mean (inter-arrival times of a Poisson process),
     * by inversion: {@code -mean * ln(1 - U)}, U uniform in [0, 1). Always finite and &ge; 0.
     */
    public double nextExponential(double mean) {
        if (!(mean > 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("mean must be positive and finite: " + mean);
        }
        return -mean * StrictMath.log1p(-nextDouble());
    }

    /**
     * Standard normal (mean 0, deviation 1) by the Box-Muller transform. Uses two uniforms per
     * value and keeps no spare, so the stream's state after a call never depends on call history.
     */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // (0, 1]: the log is finite
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** Normal with the given mean and standard deviation. */
    public double nextGaussian(double mean, double stddev) {
        if (!(stddev >= 0) || Double.isInfinite(stddev)) {
            throw new IllegalArgumentException("standard deviation must be finite and >= 0: " + stddev);
        }
        return mean + stddev * nextGaussian();
    }
}
