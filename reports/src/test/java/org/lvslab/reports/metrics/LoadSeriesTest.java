package org.lvslab.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LoadSeriesTest {
    @Test
    void storesSamplesAndDerivesFairnessPerSample() {
        LoadSeries s = new LoadSeries(2);
        int[] w = {1, 1};
        for (int t = 0; t < 1000; t++) { // past the initial capacity
            s.sample(t * 1_000_000_000L, new int[] {t % 2 == 0 ? 1 : 3, t % 2 == 0 ? 1 : 1}, new int[] {0, 2}, new int[] {0, 0}, w);
        }
        assertThat(s.samples()).isEqualTo(1000);
        assertThat(s.active(1, 0)).isEqualTo(3);
        assertThat(s.inactive(999, 1)).isEqualTo(2);
        assertThat(s.jain(0)).isEqualTo(1.0);
        assertThat(s.jain(1)).isCloseTo(0.8, within(1e-12));
        // load-weighted: samples with 2 active (Jain 1) and 4 active (Jain 0.8) → (2·1 + 4·0.8) / 6
        assertThat(s.meanJain()).isCloseTo(5.2 / 6, within(1e-12));
        assertThat(s.minJain()).isCloseTo(0.8, within(1e-12));
        assertThat(s.meanActive(0)).isEqualTo(2.0);
        assertThat(s.peakActive(0)).isEqualTo(3);
        assertThat(s.peakBalance()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void nearlyEmptySamplesDoNotDecideTheExtremes() {
        LoadSeries s = new LoadSeries(2);
        int[] w = {1, 1};
        s.sample(0, new int[] {10, 10}, new int[2], new int[2], w);
        s.sample(1, new int[] {1, 0}, new int[2], new int[2], w); // one connection left: max/avg = 2
        assertThat(s.peakBalance()).isEqualTo(1.0);
        assertThat(s.minJain()).isEqualTo(1.0);
        assertThat(s.meanBalance()).isCloseTo((20 * 1.0 + 1 * 2.0) / 21, within(1e-12));
    }

    @Test
    void rejectsSamplesGoingBackInTime() {
        LoadSeries s = new LoadSeries(1);
        int[] one = {1};
        s.sample(10, one, one, one, one);
        assertThatThrownBy(() -> s.sample(5, one, one, one, one)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepingEveryOtherSampleHalvesTheSeriesKeepingEvenSamples() {
        LoadSeries s = new LoadSeries(1);
        int[] w = {1};
        for (int t = 0; t < 7; t++) {
            s.sample(t, new int[] {t}, new int[] {0}, new int[] {0}, w);
        }
        s.keepEveryOther();
        assertThat(s.samples()).isEqualTo(4);
        assertThat(s.time(3)).isEqualTo(6);
        assertThat(s.active(2, 0)).isEqualTo(4);
    }
}
