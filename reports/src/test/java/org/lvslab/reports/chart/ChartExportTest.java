package org.lvslab.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChartExportTest {
    @Test
    void svgGeometryIsWrittenToHundredthsWithoutTrailingZeros() {
        assertThat(ChartExport.hundredths(203.69032287597656)).isEqualTo("203.69");
        assertThat(ChartExport.hundredths(12.5)).isEqualTo("12.5");
        assertThat(ChartExport.hundredths(375.0)).isEqualTo("375");
        assertThat(ChartExport.hundredths(0.07)).isEqualTo("0.07");
        assertThat(ChartExport.hundredths(-3.004)).isEqualTo("-3");
        assertThat(ChartExport.hundredths(-0.456)).isEqualTo("-0.46");
        assertThat(ChartExport.hundredths(0.001)).isEqualTo("0");
        assertThat(ChartExport.hundredths(Double.NaN)).isEqualTo("0");
    }
}
