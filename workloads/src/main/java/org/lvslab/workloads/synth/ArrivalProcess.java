package org.lvslab.workloads.synth;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Connection arrival times, in ns from time 0, non-decreasing. Rates are connections per second.
 * Every process draws from its own seeded generator, so its times do not depend on other parts of
 * the workload.
 */
public sealed interface ArrivalProcess {
    /** The next arrival time; {@link Long#MAX_VALUE} when the process has no more arrivals. */
    long next();

    /** The long-run mean rate (per second), for checks and stats. */
    double meanRate();

    /** Homogeneous Poisson: exponential gaps with mean 1/rate. */
    final class Poisson implements ArrivalProcess {
        private final ExponentialDistribution gap;
        private final double rate;
        private double t;

        public Poisson(double rate, RandomGenerator rng) {
            if (!(rate > 0)) {
                throw new IllegalArgumentException("poisson: rate must be > 0: " + rate);
            }
            this.rate = rate;
            this.gap = new ExponentialDistribution(rng, 1.0 / rate);
        }

        @Override
        public long next() {
            t += gap.sample() * 1e9;
            return (long) t;
        }

        @Override
        public double meanRate() {
            return rate;
        }
    }

    /**
     * Markov-modulated Poisson process: state i lasts an exponential time with mean
     * {@code dwellNs[i]} and emits Poisson arrivals at {@code rates[i]} (0 allowed: an off state);
     * on leaving, the next state is the other one (two states) or uniform among the others. The
     * memoryless property makes the construction exact. On-off is two states with rates r and 0.
     */
    final class Mmpp implements ArrivalProcess {
        private final double[] rates;
        private final double[] dwellSec;
        private final RandomGenerator rng;
        private int state;
        private double t;
        private double leave;

        public Mmpp(double[] rates, long[] dwellNs, RandomGenerator rng) {
            if (rates.length < 2 || rates.length != dwellNs.length) {
                throw new IllegalArgumentException("mmpp: need at least two states with one rate and one dwell time each");
            }
            this.rates = rates.clone();
            this.dwellSec = new double[dwellNs.length];
            boolean any = false;
            for (int i = 0; i < rates.length; i++) {
                if (!(rates[i] >= 0)) {
                    throw new IllegalArgumentException("mmpp: rates must be >= 0: " + rates[i]);
                }
                if (dwellNs[i] <= 0) {
                    throw new IllegalArgumentException("mmpp: dwell times must be > 0");
                }
                any |= rates[i] > 0;
                dwellSec[i] = dwellNs[i] / 1e9;
            }
            if (!any) {
                throw new IllegalArgumentException("mmpp: at least one state needs a rate > 0");
            }
            this.rng = rng;
            this.leave = expo(dwellSec[0]);
        }

        private double expo(double mean) {
            return -Math.log(1.0 - rng.nextDouble()) * mean;
        }

        @Override
        public long next() {
            while (true) {
                double r = rates[state];
                double g = r > 0 ? expo(1.0 / r) : Double.POSITIVE_INFINITY;
                if (t + g < leave) {
                    t += g;
                    return (long) (t * 1e9);
                }
                t = leave;
                int n = rates.length;
                state = n == 2 ? 1 - state : (state + 1 + rng.nextInt(n - 1)) % n;
                leave = t + expo(dwellSec[state]);
            }
        }

        @Override
        public double meanRate() {
            // Embedded jump chain is symmetric, so each state's time share is proportional to its dwell.
            double num = 0;
            double den = 0;
            for (int i = 0; i < rates.length; i++) {
                num += rates[i] * dwellSec[i];
                den += dwellSec[i];
            }
            return num / den;
        }
    }

    /** A time-varying rate: {@code rate(tNs)} per second, at most {@code max()}. */
    interface RateCurve {
        double rate(long tNs);

        double max();

        double mean();

        /** True when the rate is 0 at and after {@code tNs} for ever (the process has ended). */
        default boolean zeroFrom(long tNs) {
            return false;
        }
    }

    /**
     * Non-homogeneous Poisson by thinning (Lewis and Shedler): candidates at the curve's maximum
     * rate, each kept with probability rate(t)/max.
     */
    final class Thinned implements ArrivalProcess {
        private final RateCurve curve;
        private final ExponentialDistribution gap;
        private final RandomGenerator rng;
        private double t;

        public Thinned(RateCurve curve, RandomGenerator rng) {
            if (!(curve.max() > 0)) {
                throw new IllegalArgumentException("rate curve must reach a rate > 0");
            }
            this.curve = curve;
            this.rng = rng;
            this.gap = new ExponentialDistribution(rng, 1.0 / curve.max());
        }

        @Override
        public long next() {
            while (true) {
                t += gap.sample() * 1e9;
                long ns = (long) t;
                if (curve.zeroFrom(ns)) {
                    t = Double.POSITIVE_INFINITY;
                    return Long.MAX_VALUE;
                }
                if (rng.nextDouble() * curve.max() < curve.rate(ns)) {
                    return ns;
                }
            }
        }

        @Override
        public double meanRate() {
            return curve.mean();
        }
    }

    /** mean × (1 + amplitude·cos(2π(t − peak)/period)): a day's swing with its maximum at {@code peak}. */
    record Diurnal(double mean, double amplitude, long periodNs, long peakNs) implements RateCurve {
        public Diurnal {
            if (!(mean > 0) || !(amplitude >= 0 && amplitude <= 1) || periodNs <= 0) {
                throw new IllegalArgumentException("diurnal: need mean > 0, 0 <= amplitude <= 1, period > 0");
            }
        }

        @Override
        public double rate(long tNs) {
            double phase = (double) Math.floorMod(tNs - peakNs, periodNs) / periodNs;
            return mean * (1 + amplitude * Math.cos(2 * Math.PI * phase));
        }

        @Override
        public double max() {
            return mean * (1 + amplitude);
        }

        @Override
        public double mean() {
            return mean;
        }
    }

    /**
     * Piecewise-constant rates: from {@code startsNs[i]} the rate is {@code rates[i]}, until the next
     * start; before the first start the rate is 0; the last rate holds, or with {@code repeatNs > 0}
     * the table repeats with that period.
     */
    record RateTable(long[] startsNs, double[] rates, long repeatNs) implements RateCurve {
        public RateTable {
            if (startsNs.length == 0 || startsNs.length != rates.length) {
                throw new IllegalArgumentException("table: need at least one TIME=RATE entry");
            }
            for (int i = 0; i < rates.length; i++) {
                if (!(rates[i] >= 0)) {
                    throw new IllegalArgumentException("table: rates must be >= 0");
                }
                if (i > 0 && startsNs[i] <= startsNs[i - 1]) {
                    throw new IllegalArgumentException("table: times must increase");
                }
            }
            if (repeatNs < 0 || (repeatNs > 0 && repeatNs <= startsNs[startsNs.length - 1])) {
                throw new IllegalArgumentException("table: repeat must exceed the last time");
            }
        }

        @Override
        public double rate(long tNs) {
            long t = repeatNs > 0 ? tNs % repeatNs : tNs;
            double r = 0;
            for (int i = 0; i < startsNs.length && startsNs[i] <= t; i++) {
                r = rates[i];
            }
            return r;
        }

        @Override
        public double max() {
            double m = 0;
            for (double r : rates) {
                m = Math.max(m, r);
            }
            return m;
        }

        @Override
        public boolean zeroFrom(long tNs) {
            return repeatNs == 0 && rates[rates.length - 1] == 0 && tNs >= startsNs[startsNs.length - 1];
        }

        @Override
        public double mean() {
            if (repeatNs == 0) {
                return rates[rates.length - 1]; // long-run: the last rate holds
            }
            double area = 0;
            for (int i = 0; i < rates.length; i++) {
                long end = i + 1 < rates.length ? startsNs[i + 1] : repeatNs;
                area += rates[i] * (end - startsNs[i]);
            }
            return area / repeatNs;
        }
    }
}
