package org.lvslab.scenario.conformance;

/**
 * The outcome of comparing an actual output with the expected (recorded) one.
 *
 * @param identical whether they agree (byte for byte, or within tolerance for statistical ones)
 * @param statistical whether the comparison was statistical
 * @param detail empty when identical; else the first differing line with context, or the
 *               statistic that is out of tolerance
 */
public record Comparison(boolean identical, boolean statistical, String detail) {
    public static Comparison same(boolean statistical, String note) {
        return new Comparison(true, statistical, note);
    }

    public static Comparison differs(boolean statistical, String detail) {
        return new Comparison(false, statistical, detail);
    }
}
