package org.lvslab.workloads.synth;

import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.lvslab.ipvs.IpAddress;

/**
 * Client addresses drawn from a CIDR range. Uniform: every address of the range equally likely.
 * Zipf: {@code n} distinct clients, the k-th most active one chosen with probability ∝ 1/k^s;
 * rank k maps to offset {@code (k-1)·φ mod size} (φ odd, so the map is a bijection on the range)
 * so popular clients are spread over the range rather than packed at its start.
 */
public final class ClientPopulation {
    private final IpAddress base;
    private final int bits;         // host bits of the range (<= 64)
    private final long mask;        // size - 1
    private final ZipfDistribution zipf;
    private final RandomGenerator rng;
    private final IpAddress[] zipfCache;

    private static final long SPREAD = 0x9E3779B97F4A7C15L; // odd

    private ClientPopulation(IpAddress base, int bits, ZipfDistribution zipf, int n, RandomGenerator rng) {
        this.base = base;
        this.bits = bits;
        this.mask = bits == 64 ? -1L : (1L << bits) - 1;
        this.zipf = zipf;
        this.rng = rng;
        this.zipfCache = zipf == null ? null : new IpAddress[Math.min(n, 1 << 20)];
    }

    /** Parses {@code 172.16.0.0/12} or {@code fd00:c::/64}; IPv6 needs a prefix of at least 64. */
    static Object[] cidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("clients: expected a CIDR range like 172.16.0.0/12, got \"" + text + "\"");
        }
        IpAddress a = IpAddress.tryParse(text.substring(0, slash));
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("clients: bad prefix length in \"" + text + "\"");
        }
        if (a == null) {
            throw new IllegalArgumentException("clients: bad address in \"" + text + "\"");
        }
        int total = a.isV6() ? 128 : 32;
        if (prefix < 0 || prefix > total || (a.isV6() && prefix < 64)) {
            throw new IllegalArgumentException("clients: prefix must be " + (a.isV6() ? "64..128" : "0..32") + " in \"" + text + "\"");
        }
        return new Object[] {a.masked(a.isV6() ? prefix : prefix == 0 ? 0 : (int) (0xffffffffL << (32 - prefix))), total - prefix};
    }

    public static ClientPopulation uniform(String cidr, RandomGenerator rng) {
        Object[] c = cidr(cidr);
        return new ClientPopulation((IpAddress) c[0], (int) c[1], null, 0, rng);
    }

    public static ClientPopulation zipf(String cidr, int n, double s, RandomGenerator rng) {
        Object[] c = cidr(cidr);
        int bits = (int) c[1];
        if (n < 1 || (bits < 63 && n > (1L << bits))) {
            throw new IllegalArgumentException("clients: zipf n must be 1.." + (bits < 31 ? (1L << bits) : Integer.MAX_VALUE) + " for " + cidr);
        }
        if (!(s > 0)) {
            throw new IllegalArgumentException("clients: zipf exponent s must be > 0");
        }
        return new ClientPopulation((IpAddress) c[0], bits, new ZipfDistribution(rng, n, s), n, rng);
    }

    public IpAddress next() {
        if (zipf != null) {
            int k = zipf.sample() - 1;
            if (k < zipfCache.length) {
                IpAddress a = zipfCache[k];
                if (a == null) {
                    a = at(((k + 1L) * SPREAD) & mask);
                    zipfCache[k] = a;
                }
                return a;
            }
            return at(((k + 1L) * SPREAD) & mask);
        }
        return at(rng.nextLong() & mask);
    }

    private IpAddress at(long offset) {
        if (!base.isV6()) {
            return IpAddress.ofV4(base.v4() + (int) offset);
        }
        return IpAddress.ofV6(base.hi(), base.lo() | offset);
    }

    public boolean isV6() {
        return base.isV6();
    }

    public int hostBits() {
        return bits;
    }
}
