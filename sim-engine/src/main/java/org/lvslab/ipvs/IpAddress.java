package org.lvslab.ipvs;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address as two longs (IPv4 lives in the low 32 bits of {@link #lo()}).
 * Immutable. {@link #fold()} is the 32-bit word the kernel's IPVS hashers start from.
 */
public final class IpAddress implements Comparable<IpAddress> {
    private final boolean v6;
    private final long hi;
    private final long lo;
    private final int fold;

    private IpAddress(boolean v6, long hi, long lo) {
        this.v6 = v6;
        this.hi = hi;
        this.lo = lo;
        this.fold = v6 ? (int) (hi >>> 32) ^ (int) hi ^ (int) (lo >>> 32) ^ (int) lo : (int) lo;
    }

    public static IpAddress ofV4(int address) {
        return new IpAddress(false, 0, Integer.toUnsignedLong(address));
    }

    public static IpAddress ofV6(long hi, long lo) {
        return new IpAddress(true, hi, lo);
    }

    /** Parses a numeric IPv4 ("10.0.0.1") or IPv6 ("fd00::1", without brackets) address. */
    public static IpAddress parse(String text) {
        IpAddress a = tryParse(text);
        if (a == null) {
            throw new IllegalArgumentException("not a numeric IP address: " + text);
        }
        return a;
    }

    /** Like {@link #parse} but returns null instead of throwing. Never consults a resolver. */
    public static IpAddress tryParse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') >= 0) {
            return parseV6(text);
        }
        return parseV4(text);
    }

    private static IpAddress parseV4(String s) {
        int parts = 0;
        long value = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            int start = i;
            long octet = 0;
            while (i < n && Character.isDigit(s.charAt(i))) {
                octet = octet * 10 + (s.charAt(i) - '0');
                if (octet > 255) {
                    return null;
                }
                i++;
            }
            if (i == start || i - start > 3) {
                return null;
            }
            value = (value << 8) | octet;
            parts++;
            if (i < n) {
                if (s.charAt(i) != '.' || parts == 4) {
                    return null;
                }
                i++;
                if (i == n) {
                    return null;
                }
            }
        }
        return parts == 4 ? ofV4((int) value) : null;
    }

    private static IpAddress parseV6(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                return null;
            }
        }
        try {
            byte[] b = InetAddress.getByName(s).getAddress(); // numeric only: checked above, no lookup
            if (b.length == 4) {
                return null; // "::ffff:1.2.3.4" style forms that Java folds to IPv4
            }
            return fromBytes(b);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** From 4 or 16 network-order bytes. */
    public static IpAddress fromBytes(byte[] b) {
        if (b.length == 4) {
            return ofV4(((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff));
        }
        if (b.length != 16) {
            throw new IllegalArgumentException("address must have 4 or 16 bytes, not " + b.length);
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (b[i] & 0xff);
            lo = (lo << 8) | (b[i + 8] & 0xff);
        }
        return ofV6(hi, lo);
    }

    public byte[] toBytes() {
        if (!v6) {
            int a = (int) lo;
            return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
        }
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[i + 8] = (byte) (lo >>> (56 - 8 * i));
        }
        return b;
    }

    public boolean isV6() {
        return v6;
    }

    public AddressFamily family() {
        return v6 ? AddressFamily.INET6 : AddressFamily.INET;
    }

    /** The IPv4 address as a host-order int (10.0.0.1 = 0x0A000001). */
    public int v4() {
        return (int) lo;
    }

    public long hi() {
        return hi;
    }

    public long lo() {
        return lo;
    }

    /** IPv4: the address as a number; IPv6: XOR of its four 32-bit words (as the IPVS hashers fold it). */
    public int fold() {
        return fold;
    }

    /**
     * The persistence network of this address: IPv4 ANDed with a 32-bit mask, IPv6 keeping the
     * first {@code maskOrPrefix} bits.
     */
    public IpAddress masked(int maskOrPrefix) {
        if (!v6) {
            return ofV4((int) lo & maskOrPrefix);
        }
        int p = maskOrPrefix;
        if (p >= 128) {
            return this;
        }
        long mh = p <= 0 ? 0 : p >= 64 ? -1L : -1L << (64 - p);
        long ml = p <= 64 ? 0 : -1L << (128 - p);
        return ofV6(hi & mh, lo & ml);
    }

    /** Text as the kernel and ipvsadm print it numerically (inet_ntop style for IPv6). */
    @Override
    public String toString() {
        if (!v6) {
            int a = (int) lo;
            return (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
        }
        return Inet6Text.format(hi, lo);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress a && a.v6 == v6 && a.hi == hi && a.lo == lo;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hi * 31 + lo) ^ (v6 ? 1 : 0);
    }

    /** IPv4 before IPv6, then unsigned numeric order. */
    @Override
    public int compareTo(IpAddress o) {
        if (v6 != o.v6) {
            return v6 ? 1 : -1;
        }
        int c = Long.compareUnsigned(hi, o.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
    }
}
