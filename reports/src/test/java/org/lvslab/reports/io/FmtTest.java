package org.lvslab.reports.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class FmtTest {
    @Test
    void writesFixedDecimalsWithoutTrailingZerosOrExponent() {
        assertThat(Fmt.num(0.25)).isEqualTo("0.25");
        assertThat(Fmt.num(3.0)).isEqualTo("3");
        assertThat(Fmt.num(-1.5)).isEqualTo("-1.5");
        assertThat(Fmt.num(1.0 / 3, 4)).isEqualTo("0.3333");
        assertThat(Fmt.num(1e-9)).isEqualTo("0");
        assertThat(Fmt.num(123456789.125, 2)).isEqualTo("123456789.12");
    }

    @Test
    void nonFiniteValuesBecomeEmptyText() {
        assertThat(Fmt.num(Double.NaN)).isEmpty();
        assertThat(Fmt.num(Double.POSITIVE_INFINITY)).isEmpty();
    }

    @Test
    void ignoresTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Fmt.num(2.5)).isEqualTo("2.5");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void writesNanosecondsAsSeconds() {
        assertThat(Fmt.seconds(1_500_000_000L)).isEqualTo("1.5");
        assertThat(Fmt.seconds(0)).isEqualTo("0");
        assertThat(Fmt.seconds(60_000_000_000L)).isEqualTo("60");
        assertThat(Fmt.seconds(1)).isEqualTo("0.000000001");
    }
}
