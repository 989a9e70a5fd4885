package org.lvslab.ipvs;

/**
 * Formats IPv6 addresses the way glibc's {@code inet_ntop} does: lower-case hex words without
 * leading zeros, the first longest run of two or more zero words as "::", and a dotted IPv4 tail
 * for IPv4-compatible (::a.b.c.d, zero run of exactly six words) and IPv4-mapped addresses.
 */
final class Inet6Text {
    private Inet6Text() {
    }

    static String format(long hi, long lo) {
        int[] w = new int[8];
        for (int i = 0; i < 4; i++) {
            w[i] = (int) (hi >>> (48 - 16 * i)) & 0xffff;
            w[i + 4] = (int) (lo >>> (48 - 16 * i)) & 0xffff;
        }
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestStart = -1;
            bestLen = 0;
        }
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 8; i++) {
            if (bestStart >= 0 && i >= bestStart && i < bestStart + bestLen) {
                if (i == bestStart) {
                    sb.append(':');
                }
                continue;
            }
            if (i != 0) {
                sb.append(':');
            }
            if (i == 6 && bestStart == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff))) {
                sb.append(w[6] >>> 8).append('.').append(w[6] & 0xff).append('.')
                        .append(w[7] >>> 8).append('.').append(w[7] & 0xff);
                return sb.toString();
            }
            sb.append(Integer.toHexString(w[i]));
        }
        if (bestStart >= 0 && bestStart + bestLen == 8) {
            sb.append(':');
        }
        return sb.toString();
    }
}
