package org.lvslab.ipvsadm.names;

import org.lvslab.ipvs.IpAddress;

/**
 * Numeric address parsing with the C library's rules: lenient {@code inet_aton} (1 to 4 parts,
 * decimal, 0x-hex or 0-octal, the last part filling the remaining bytes, trailing blank and
 * anything after it ignored) and strict {@code inet_pton} for IPv4 and IPv6 (glibc
 * {@code resolv/inet_pton.c} rules). All methods return null instead of throwing.
 */
public final class InetText {
    private static final long[] LAST_PART_MAX = {0xffffffffL, 0xffffffL, 0xffffL, 0xffL};

    private InetText() {
    }

    /** {@code inet_aton}: null when the text is not an IPv4 address in any of its lenient forms. */
    public static IpAddress inetAton(String s) {
        int n = s.length();
        int i = 0;
        long[] parts = new long[4];
        int count = 0;
        boolean digit = false;
        char c = n > 0 ? s.charAt(0) : '\0';
        long val;
        while (true) {
            if (!isDigit(c)) {
                return null;
            }
            val = 0;
            int base = 10;
            if (c == '0') {
                c = ++i < n ? s.charAt(i) : '\0';
                if (c == 'x' || c == 'X') {
                    base = 16;
                    c = ++i < n ? s.charAt(i) : '\0';
                } else {
                    base = 8;
                    digit = true;
                }
            }
            while (true) {
                if (isDigit(c)) {
                    if (base == 8 && (c == '8' || c == '9')) {
                        return null;
                    }
                    val = val * base + (c - '0');
                    digit = true;
                } else if (base == 16 && Character.digit(c, 16) >= 0 && c < 128) {
                    val = (val << 4) | Character.digit(c, 16);
                    digit = true;
                } else {
                    break;
                }
                if (val > 0xffffffffL) {
                    return null;
                }
                c = ++i < n ? s.charAt(i) : '\0';
            }
            if (c == '.') {
                if (count > 2 || val > 0xff) {
                    return null;
                }
                parts[count++] = val;
                c = ++i < n ? s.charAt(i) : '\0';
            } else {
                break;
            }
        }
        if (c != '\0' && !isSpace(c)) {
            return null;
        }
        if (!digit || val > LAST_PART_MAX[count]) {
            return null;
        }
        long address = val;
        for (int k = 0; k < count; k++) {
            address |= parts[k] << (24 - 8 * k);
        }
        return IpAddress.ofV4((int) address);
    }

    /** {@code inet_pton(AF_INET)}: exactly four decimal octets, no leading zeros. */
    public static IpAddress inetPton4(String s) {
        int v = pton4(s, 0, s.length());
        return v == -1 && !"255.255.255.255".equals(s) ? null : IpAddress.ofV4(v);
    }

    /** Returns the address or -1 (ambiguous with 255.255.255.255; callers check). */
    private static int pton4(String s, int from, int to) {
        int octets = 0;
        int cur = -1;
        long acc = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (cur == 0) {
                    return -1; // leading zero
                }
                cur = cur < 0 ? c - '0' : cur * 10 + (c - '0');
                if (cur > 255) {
                    return -1;
                }
            } else if (c == '.' && cur >= 0) {
                if (++octets > 3) {
                    return -1;
                }
                acc = (acc << 8) | cur;
                cur = -1;
            } else {
                return -1;
            }
        }
        if (octets != 3 || cur < 0) {
            return -1;
        }
        return (int) ((acc << 8) | cur);
    }

    private static boolean isPton4(String s, int from, int to) {
        int v = pton4(s, from, to);
        return v != -1 || s.substring(from, to).equals("255.255.255.255");
    }

    /** {@code inet_pton(AF_INET6)}: RFC 4291 text, one "::", optional dotted IPv4 tail. */
    public static IpAddress inetPton6(String s) {
        int n = s.length();
        int[] words = new int[8];
        int w = 0;          // words written
        int gap = -1;       // where "::" stands, in words
        int i = 0;
        if (n > 0 && s.charAt(0) == ':') {
            if (n < 2 || s.charAt(1) != ':') {
                return null;
            }
            i = 1;
        }
        int token = i;
        boolean sawDigit = false;
        int val = 0;
        int digits = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            int d = c < 128 ? Character.digit(c, 16) : -1;
            if (d >= 0) {
                if (++digits > 4) {
                    return null;
                }
                val = (val << 4) | d;
                sawDigit = true;
            } else if (c == ':') {
                token = i + 1;
                if (!sawDigit) {
                    if (gap >= 0) {
                        return null;
                    }
                    gap = w;
                    continue;
                }
                if (i + 1 == n || w == 8) {
                    return null;
                }
                words[w++] = val;
                sawDigit = false;
                val = 0;
                digits = 0;
            } else if (c == '.' && w <= 6 && isPton4(s, token, n)) {
                int v4 = pton4(s, token, n);
                words[w++] = (v4 >>> 16) & 0xffff;
                words[w++] = v4 & 0xffff;
                sawDigit = false;
                break;
            } else {
                return null;
            }
        }
        if (sawDigit) {
            if (w == 8) {
                return null;
            }
            words[w++] = val;
        }
        if (gap >= 0) {
            if (w == 8) {
                return null;
            }
            int tail = w - gap;
            int[] out = new int[8];
            System.arraycopy(words, 0, out, 0, gap);
            System.arraycopy(words, gap, out, 8 - tail, tail);
            words = out;
        } else if (w != 8) {
            return null;
        }
        long hi = 0;
        long lo = 0;
        for (int k = 0; k < 4; k++) {
            hi = (hi << 16) | words[k];
            lo = (lo << 16) | words[k + 4];
        }
        return IpAddress.ofV6(hi, lo);
    }

    /** C {@code isdigit}. */
    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** C {@code isspace} in the C locale. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }
}
