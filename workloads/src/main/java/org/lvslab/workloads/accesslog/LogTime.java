package org.lvslab.workloads.accesslog;

/** Parses log timestamps to epoch ns without java.time allocation. Returns -1 on bad text. */
final class LogTime {
    private LogTime() {
    }

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    /** "10/Oct/2000:13:55:36 -0700" (strftime "%d/%b/%Y:%H:%M:%S %z"). */
    static long clf(String s, int from, int to) {
        if (to - from != 26 || s.charAt(from + 2) != '/' || s.charAt(from + 6) != '/' || s.charAt(from + 11) != ':'
                || s.charAt(from + 14) != ':' || s.charAt(from + 17) != ':' || s.charAt(from + 20) != ' ') {
            return -1;
        }
        int day = digits(s, from, 2);
        int mon = MONTHS.indexOf(s.substring(from + 3, from + 6));
        int year = digits(s, from + 7, 4);
        int h = digits(s, from + 12, 2);
        int m = digits(s, from + 15, 2);
        int sec = digits(s, from + 18, 2);
        char sign = s.charAt(from + 21);
        int zh = digits(s, from + 22, 2);
        int zm = digits(s, from + 24, 2);
        if (mon < 0 || mon % 3 != 0 || zh < 0 || zm < 0 || (sign != '+' && sign != '-')) {
            return -1;
        }
        return assemble(year, mon / 3 + 1, day, h, m, sec, 0, (sign == '-' ? -1 : 1) * (zh * 60 + zm));
    }

    /** "2000-10-10T13:55:36-07:00" or with "+00:00"/"Z". */
    static long iso(String s, int from, int to) {
        int n = to - from;
        if (n < 20 || s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-' || s.charAt(from + 10) != 'T'
                || s.charAt(from + 13) != ':' || s.charAt(from + 16) != ':') {
            return -1;
        }
        int year = digits(s, from, 4);
        int mon = digits(s, from + 5, 2);
        int day = digits(s, from + 8, 2);
        int h = digits(s, from + 11, 2);
        int m = digits(s, from + 14, 2);
        int sec = digits(s, from + 17, 2);
        int off;
        if (n == 20 && s.charAt(from + 19) == 'Z') {
            off = 0;
        } else if (n == 25 && (s.charAt(from + 19) == '+' || s.charAt(from + 19) == '-') && s.charAt(from + 22) == ':') {
            int zh = digits(s, from + 20, 2);
            int zm = digits(s, from + 23, 2);
            if (zh < 0 || zm < 0) {
                return -1;
            }
            off = (s.charAt(from + 19) == '-' ? -1 : 1) * (zh * 60 + zm);
        } else {
            return -1;
        }
        return assemble(year, mon, day, h, m, sec, 0, off);
    }

    private static long assemble(int y, int mon, int d, int h, int m, int s, long nanos, int offsetMin) {
        if (y < 1970 || y > 9999 || mon < 1 || mon > 12 || d < 1 || d > 31 || h < 0 || h > 23 || m < 0 || m > 59
                || s < 0 || s > 60) {
            return -1;
        }
        long days = daysFromCivil(y, mon, d);
        long secs = days * 86400 + h * 3600L + m * 60L + s - offsetMin * 60L;
        return secs < 0 ? -1 : secs * 1_000_000_000L + nanos;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's civil algorithm). */
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1_000_000;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
