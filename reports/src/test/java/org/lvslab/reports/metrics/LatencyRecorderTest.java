package org.lvslab.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
    @Test
    void percentilesOfUniformMillisecondsAreWithinHistogramPrecision() {
        LatencyRecorder r = new LatencyRecorder();
        for (int ms = 1; ms <= 1000; ms++) {
            r.record(ms * 1_000_000L);
        }
        assertThat(r.count()).isEqualTo(1000);
        assertThat(r.percentileSeconds(50)).isCloseTo(0.5, within(0.001));
        assertThat(r.percentileSeconds(99)).isCloseTo(0.99, within(0.001));
        assertThat(r.meanSeconds()).isCloseTo(0.5005, within(0.001));
        assertThat(r.maxSeconds()).isCloseTo(1.0, within(0.001));
    }

    @Test
    void cdfIsMonotoneAndEndsAtOne() {
        LatencyRecorder r = new LatencyRecorder();
        for (int i = 1; i <= 500; i++) {
            r.record(i * 37_000L);
        }
        double[][] cdf = r.cdf();
        for (int k = 1; k < cdf.length; k++) {
            assertThat(cdf[k][0]).isGreaterThanOrEqualTo(cdf[k - 1][0]);
            assertThat(cdf[k][1]).isGreaterThan(cdf[k - 1][1]);
        }
        assertThat(cdf[cdf.length - 1][1]).isEqualTo(1.0);
    }
}
