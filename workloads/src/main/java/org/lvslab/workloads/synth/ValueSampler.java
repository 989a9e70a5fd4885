package org.lvslab.workloads.synth;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.ParetoDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/** Draws non-negative integer values (durations in ns, or byte counts). */
public interface ValueSampler {
    long sample();

    /** The distribution's mean in the same unit (may be infinite for heavy tails). */
    double mean();

    /** A commons-math3 distribution scaled by {@code unit} (1e9 for seconds → ns, 1 for bytes). */
    static ValueSampler of(RealDistribution d, double unit) {
        return new ValueSampler() {
            @Override
            public long sample() {
                double v = d.sample() * unit;
                return v >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, Math.round(v));
            }

            @Override
            public double mean() {
                return d.getNumericalMean() * unit;
            }
        };
    }

    static ValueSampler exponential(double mean, double unit, RandomGenerator rng) {
        return of(new ExponentialDistribution(rng, mean), unit);
    }

    /** Log-normal with the given median (e^μ) and σ of the underlying normal. */
    static ValueSampler lognormal(double median, double sigma, double unit, RandomGenerator rng) {
        return of(new LogNormalDistribution(rng, Math.log(median), sigma), unit);
    }

    /** Pareto with minimum {@code min} (scale) and tail index {@code alpha} (shape). */
    static ValueSampler pareto(double min, double alpha, double unit, RandomGenerator rng) {
        return of(new ParetoDistribution(rng, min, alpha), unit);
    }

    static ValueSampler constant(long v) {
        return new ValueSampler() {
            @Override
            public long sample() {
                return v;
            }

            @Override
            public double mean() {
                return v;
            }
        };
    }

    /** Uniform choice among observed values (a bootstrap of an empirical distribution). */
    static ValueSampler empirical(long[] values, RandomGenerator rng) {
        if (values.length == 0) {
            throw new IllegalArgumentException("empirical: the trace has no connection with a known duration");
        }
        long[] v = values.clone();
        Arrays.sort(v); // order-independent of how the reservoir was filled
        double m = Arrays.stream(v).average().orElse(0);
        return new ValueSampler() {
            @Override
            public long sample() {
                return v[rng.nextInt(v.length)];
            }

            @Override
            public double mean() {
                return m;
            }
        };
    }
}
