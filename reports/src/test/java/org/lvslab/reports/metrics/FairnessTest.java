package org.lvslab.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FairnessTest {
    @Test
    void jainIsOneWhenLoadIsProportionalToWeight() {
        assertThat(Fairness.jain(new int[] {10, 20, 30}, new int[] {1, 2, 3}, 3)).isEqualTo(1.0);
    }

    @Test
    void jainIsOneOverNWhenOneServerCarriesEverything() {
        assertThat(Fairness.jain(new int[] {0, 0, 0, 8}, new int[] {1, 1, 1, 1}, 4)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void jainLeavesOutServersWithWeightZero() {
        // a drained server still holding connections does not count against fairness
        assertThat(Fairness.jain(new int[] {5, 5, 100}, new int[] {1, 1, 0}, 3)).isEqualTo(1.0);
    }

    @Test
    void jainOfTwoUnequalServersFollowsTheFormula() {
        // x = (1, 3): (4)^2 / (2 * 10) = 0.8
        assertThat(Fairness.jain(new int[] {1, 3}, new int[] {1, 1}, 2)).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void balanceIsMaxOverMeanOfNormalisedLoad() {
        assertThat(Fairness.maxOverMean(new int[] {2, 4, 6}, new int[] {1, 1, 1}, 3)).isCloseTo(1.5, within(1e-12));
        assertThat(Fairness.maxOverMean(new int[] {0, 0}, new int[] {1, 1}, 2)).isNaN();
        assertThat(Fairness.maxOverMean(new double[] {10, 10}, new int[] {1, 2})).isCloseTo(10 / 7.5, within(1e-12));
    }
}
