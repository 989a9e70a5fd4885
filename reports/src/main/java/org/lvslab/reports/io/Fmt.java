package org.lvslab.reports.io;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed number formatting for data files: a given number of decimals, half-even rounding, no
 * exponent, no locale, trailing zeros removed ("0.25", "3", "-1.5"). NaN and infinities become
 * empty text in CSV and {@code null} in JSON (see callers), never locale-dependent symbols.
 */
public final class Fmt {
    private Fmt() {
    }

    /** {@code value} rounded to {@code decimals} places, trailing zeros stripped. */
    public static String num(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        BigDecimal d = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        return d.toPlainString();
    }

    /** Six decimals: the default for ratios and shares. */
    public static String num(double value) {
        return num(value, 6);
    }

    /** Nanoseconds as seconds with up to 9 decimals. */
    public static String seconds(long nanos) {
        return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString();
    }
}
