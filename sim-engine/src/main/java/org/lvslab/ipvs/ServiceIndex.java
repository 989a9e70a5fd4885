package org.lvslab.ipvs;

import java.util.Arrays;
import java.util.Collection;

/**
 * Allocation-free packet-path lookup of services by (family, protocol, address, port) and by
 * (family, fwmark), the two tables of {@code ip_vs_ctl.c}. Rebuilt on every add or delete of a
 * service (control path), so lookups never allocate.
 */
final class ServiceIndex {
    private VirtualService[] slots = new VirtualService[16];
    private int mask = 15;

    void rebuild(Collection<VirtualService> services) {
        int n = 16;
        while (n < services.size() * 2) {
            n <<= 1;
        }
        slots = new VirtualService[n];
        mask = n - 1;
        for (VirtualService s : services) {
            ServiceKey k = s.key;
            int h = k.isFwmark() ? hashMark(k.family() == AddressFamily.INET6, k.fwmark())
                    : hashAddr(k.family() == AddressFamily.INET6, k.protocol().number(), k.address().hi(), k.address().lo(), k.port());
            int i = h & mask;
            while (slots[i] != null) {
                i = (i + 1) & mask;
            }
            slots[i] = s;
        }
    }

    /** {@code __ip_vs_service_find}: exact (family, protocol, address, port). */
    VirtualService find(boolean v6, int protocol, long hi, long lo, int port) {
        for (int i = hashAddr(v6, protocol, hi, lo, port) & mask; ; i = (i + 1) & mask) {
            VirtualService s = slots[i];
            if (s == null) {
                return null;
            }
            ServiceKey k = s.key;
            if (k.fwmark() == 0 && k.port() == port && k.protocol().number() == protocol
                    && k.address().lo() == lo && k.address().hi() == hi && k.address().isV6() == v6) {
                return s;
            }
        }
    }

    /** {@code __ip_vs_svc_fwm_find}: (family, mark). */
    VirtualService findFwmark(boolean v6, int mark) {
        for (int i = hashMark(v6, mark) & mask; ; i = (i + 1) & mask) {
            VirtualService s = slots[i];
            if (s == null) {
                return null;
            }
            ServiceKey k = s.key;
            if (k.fwmark() == mark && (k.family() == AddressFamily.INET6) == v6) {
                return s;
            }
        }
    }

    private static int hashAddr(boolean v6, int protocol, long hi, long lo, int port) {
        long h = (lo * 0x9E3779B97F4A7C15L) ^ (hi * 0xC2B2AE3D27D4EB4FL) ^ ((long) port << 8 | protocol) ^ (v6 ? 1L << 40 : 0);
        h ^= h >>> 31;
        h *= 0xff51afd7ed558ccdL;
        return (int) (h ^ (h >>> 29));
    }

    private static int hashMark(boolean v6, int mark) {
        long h = (Integer.toUnsignedLong(mark) * 0x9E3779B97F4A7C15L) ^ (v6 ? 0x5bd1e995L : 0x1b873593L);
        h ^= h >>> 31;
        return (int) (h ^ (h >>> 29));
    }

    @Override
    public String toString() {
        return Arrays.toString(slots);
    }
}
