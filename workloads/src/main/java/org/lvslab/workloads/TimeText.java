package org.lvslab.workloads;

/**
 * Durations and times as text, parsed exactly into nanoseconds (no floating-point rounding):
 * {@code 250ms}, {@code 1.5s}, {@code 2m}, {@code 24h}, {@code 100us}, {@code 7ns}, {@code 3d}; a
 * bare number is seconds.
 */
public final class TimeText {
    private TimeText() {
    }

    /** Parses a duration; throws IllegalArgumentException naming the text. */
    public static long parseNs(String text) {
        long v = tryParseNs(text);
        if (v < 0) {
            throw new IllegalArgumentException("not a duration (e.g. 250ms, 1.5s, 2m, 1h): \"" + text + "\"");
        }
        return v;
    }

    /** A non-negative duration in ns, or -1 when the text is not one. */
    public static long tryParseNs(String text) {
        if (text == null) {
            return -1;
        }
        String s = text.trim();
        int end = s.length();
        while (end > 0 && Character.isLetter(s.charAt(end - 1))) {
            end--;
        }
        long unit;
        switch (s.substring(end)) {
            case "", "s" -> unit = 1_000_000_000L;
            case "ms" -> unit = 1_000_000L;
            case "us" -> unit = 1_000L;
            case "ns" -> unit = 1L;
            case "m", "min" -> unit = 60_000_000_000L;
            case "h" -> unit = 3_600_000_000_000L;
            case "d" -> unit = 86_400_000_000_000L;
            default -> {
                return -1;
            }
        }
        return scaledDecimal(s, 0, end, unit);
    }

    /**
     * Decimal digits with an optional fraction in {@code s[from,to)} times {@code unit}, truncated
     * to an integer; -1 on bad syntax or overflow.
     */
    public static long scaledDecimal(CharSequence s, int from, int to, long unit) {
        if (from >= to) {
            return -1;
        }
        long whole = 0;
        int i = from;
        int digits = 0;
        while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            whole = whole * 10 + (s.charAt(i) - '0');
            if (whole > Long.MAX_VALUE / 10) {
                return -1;
            }
            i++;
            digits++;
        }
        long frac = 0;
        long fracScale = 1;
        if (i < to && s.charAt(i) == '.') {
            i++;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (fracScale < 1_000_000_000_000_000L) {
                    frac = frac * 10 + (s.charAt(i) - '0');
                    fracScale *= 10;
                }
                i++;
                digits++;
            }
        }
        if (i != to || digits == 0) {
            return -1;
        }
        if (whole != 0 && Long.MAX_VALUE / unit < whole) {
            return -1;
        }
        long fracPart = fracScale == 1 ? 0 : (long) (frac * (double) unit / fracScale);
        if (unit % fracScale == 0) {
            fracPart = frac * (unit / fracScale); // exact when the unit has enough zeros (s, ms, us)
        }
        return whole * unit + fracPart;
    }

    /** Seconds with an optional fraction ("1700000000.123456") to ns, or -1. */
    public static long secondsToNs(CharSequence s, int from, int to) {
        return scaledDecimal(s, from, to, 1_000_000_000L);
    }

    /** Shortest exact text for a duration: 1500000000 → "1.5s", 250000000 → "250ms". */
    public static String format(long ns) {
        if (ns < 0) {
            return "-";
        }
        if (ns == 0) {
            return "0s";
        }
        String[] units = {"h", "m", "s", "ms", "us", "ns"};
        long[] sizes = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
        for (int i = 0; i < sizes.length; i++) {
            if (ns % sizes[i] == 0) {
                return (ns / sizes[i]) + units[i];
            }
        }
        return ns + "ns";
    }

    /** Seconds with millisecond precision for human output ("12.345s"). */
    public static String human(long ns) {
        if (ns < 0) {
            return ns == Long.MIN_VALUE ? "-" : "-" + human(-ns);
        }
        if (ns < 1_000_000L) {
            return String.format(java.util.Locale.ROOT, "%.1fus", ns / 1e3);
        }
        if (ns < 1_000_000_000L) {
            return String.format(java.util.Locale.ROOT, "%.1fms", ns / 1e6);
        }
        return String.format(java.util.Locale.ROOT, "%.3fs", ns / 1e9);
    }
}
