package org.lvslab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Golden values were computed with an independent Python implementation of SplitMix64 and
 * FNV-1a (not by running this code); the seed-1234567 outputs are also the published reference
 * outputs of SplitMix64. If one of these tests fails, every seeded simulation result changes.
 */
class RandomStreamTest {
    @Test
    void matchesThePublishedSplitMix64ReferenceOutputs() {
        RandomStream r = new RandomStream(1234567);
        assertThat(r.nextLong()).isEqualTo(Long.parseUnsignedLong("6457827717110365317"));
        assertThat(r.nextLong()).isEqualTo(Long.parseUnsignedLong("3203168211198807973"));
        assertThat(r.nextLong()).isEqualTo(Long.parseUnsignedLong("9817491932198370423"));
        assertThat(r.nextLong()).isEqualTo(Long.parseUnsignedLong("4593380528125082431"));
        assertThat(r.nextLong()).isEqualTo(Long.parseUnsignedLong("16408922859458223821"));
    }

    @Test
    void pinsTheFirstOutputsOfSeedZero() {
        RandomStream r = new RandomStream(0);
        assertThat(r.nextLong()).isEqualTo(-2152535657050944081L);
        assertThat(r.nextLong()).isEqualTo(7960286522194355700L);
        assertThat(r.nextLong()).isEqualTo(487617019471545679L);
    }

    @Test
    void pinsDerivedIntsAndDoubles() {
        RandomStream ints = new RandomStream(7);
        int[] got = new int[8];
        for (int i = 0; i < got.length; i++) {
            got[i] = ints.nextInt(10);
        }
        assertThat(got).containsExactly(3, 0, 9, 5, 4, 2, 4, 3);
        RandomStream doubles = new RandomStream(7);
        assertThat(doubles.nextDouble()).isEqualTo(0.3898297483912715);
        assertThat(doubles.nextDouble()).isEqualTo(0.01678829452815611);
        assertThat(doubles.nextDouble()).isEqualTo(0.9007606806068834);
    }

    @Property
    void givesTheSameLongsAsTheJdksSplittableRandomForAnySeed(@ForAll long seed) {
        RandomStream ours = new RandomStream(seed);
        SplittableRandom jdk = new SplittableRandom(seed);
        for (int i = 0; i < 20; i++) {
            assertThat(ours.nextLong()).isEqualTo(jdk.nextLong());
        }
    }

    @Property
    void boundedIntsStayInRange(@ForAll long seed, @ForAll @IntRange(min = 1) int bound) {
        RandomStream r = new RandomStream(seed);
        for (int i = 0; i < 50; i++) {
            assertThat(r.nextInt(bound)).isBetween(0, bound - 1);
        }
    }

    @Property
    void boundedLongsStayInRange(@ForAll long seed, @ForAll @LongRange(min = 1) long bound) {
        RandomStream r = new RandomStream(seed);
        for (int i = 0; i < 50; i++) {
            assertThat(r.nextLong(bound)).isBetween(0L, bound - 1);
        }
    }

    /**
     * bound = 3 * 2^29: 2^32 / bound = 8/3 is not whole, so a method without rejection is biased.
     * Plain multiply-shift gives the three residues mod 3 masses 3/8, 3/8, 2/8; plain modulo
     * puts 3/4 of the mass below 2^30 instead of 2/3. An unbiased method gives 1/3 and 2/3.
     */
    @Test
    void boundedIntsAreUnbiasedWhereNaiveMethodsVisiblyAreNot() {
        int bound = 3 << 29;
        RandomStream r = new RandomStream(99);
        int n = 300_000;
        int[] residue = new int[3];
        int below = 0;
        for (int i = 0; i < n; i++) {
            int v = r.nextInt(bound);
            residue[v % 3]++;
            if (v < (1 << 30)) {
                below++;
            }
        }
        for (int c : residue) {
            assertThat(c / (double) n).isCloseTo(1 / 3.0, within(0.01));
        }
        assertThat(below / (double) n).isCloseTo(2 / 3.0, within(0.01));
    }

    @Test
    void boundedLongsAreUnbiasedWhereNaiveMethodsVisiblyAreNot() {
        long bound = 3L << 61; // 2^64 / bound = 8/3, as above
        RandomStream r = new RandomStream(99);
        int n = 300_000;
        int[] residue = new int[3];
        for (int i = 0; i < n; i++) {
            residue[(int) (r.nextLong(bound) % 3)]++;
        }
        for (int c : residue) {
            assertThat(c / (double) n).isCloseTo(1 / 3.0, within(0.01));
        }
    }

    @Test
    void rangesAndProbabilitiesAreChecked() {
        RandomStream r = new RandomStream(1);
        assertThatThrownBy(() -> r.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.nextLong(-5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.nextInt(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.nextInt(Integer.MIN_VALUE, Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.nextBernoulli(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.nextBernoulli(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.nextExponential(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.nextGaussian(0, -1)).isInstanceOf(IllegalArgumentException.class);
        for (int i = 0; i < 1_000; i++) {
            assertThat(r.nextInt(-3, 4)).isBetween(-3, 3);
        }
    }

    @Test
    void exponentialsHaveTheRequestedMeanAndAreNeverNegative() {
        RandomStream r = new RandomStream(5);
        int n = 200_000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++) {
            double x = r.nextExponential(2.5);
            assertThat(x).isGreaterThanOrEqualTo(0).isFinite();
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        assertThat(mean).isCloseTo(2.5, within(0.03));
        assertThat(sumSq / n - mean * mean).as("variance is mean^2").isCloseTo(6.25, within(0.2));
    }

    @Test
    void gaussiansHaveMeanZeroAndUnitVarianceWithNormalTails() {
        RandomStream r = new RandomStream(6);
        int n = 200_000;
        double sum = 0, sumSq = 0;
        int beyondTwoSigma = 0;
        for (int i = 0; i < n; i++) {
            double x = r.nextGaussian();
            sum += x;
            sumSq += x * x;
            if (Math.abs(x) > 2) {
                beyondTwoSigma++;
            }
        }
        assertThat(sum / n).isCloseTo(0, within(0.01));
        assertThat(sumSq / n).isCloseTo(1, within(0.02));
        assertThat(beyondTwoSigma / (double) n).isCloseTo(0.0455, within(0.003));
        assertThat(new RandomStream(6).nextGaussian(10, 0)).isEqualTo(10);
    }

    @Test
    void bernoulliHitsItsProbability() {
        RandomStream r = new RandomStream(8);
        int hits = 0;
        for (int i = 0; i < 100_000; i++) {
            if (r.nextBernoulli(0.3)) {
                hits++;
            }
        }
        assertThat(hits / 100_000.0).isCloseTo(0.3, within(0.01));
        assertThat(new RandomStream(8).nextBernoulli(0)).isFalse();
        assertThat(new RandomStream(8).nextBernoulli(1)).isTrue();
    }
}
