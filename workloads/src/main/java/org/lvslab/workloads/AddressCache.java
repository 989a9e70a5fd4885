package org.lvslab.workloads;

import org.lvslab.ipvs.IpAddress;

/**
 * Parses IPv4 addresses straight from ASCII bytes and reuses the {@link IpAddress} object of a
 * recently seen value (direct-mapped, 4096 slots), so replaying a trace whose clients repeat
 * allocates almost nothing. IPv6 falls back to {@link IpAddress#tryParse}.
 */
public final class AddressCache {
    private final IpAddress[] slots = new IpAddress[4096];

    /** The address in {@code b[from,to)}, or null when it is not a numeric IPv4/IPv6 address. */
    public IpAddress parse(byte[] b, int from, int to) {
        int v = 0;
        int parts = 0;
        int i = from;
        boolean v4 = true;
        while (i < to && v4) {
            int octet = 0;
            int digits = 0;
            while (i < to && b[i] >= '0' && b[i] <= '9' && digits < 4) {
                octet = octet * 10 + (b[i] - '0');
                i++;
                digits++;
            }
            if (digits == 0 || digits > 3 || octet > 255) {
                v4 = false;
                break;
            }
            v = (v << 8) | octet;
            parts++;
            if (i < to) {
                if (b[i] != '.' || parts == 4) {
                    v4 = false;
                    break;
                }
                i++;
                if (i == to) {
                    v4 = false;
                }
            }
        }
        if (v4 && parts == 4) {
            return v4(v);
        }
        for (int k = from; k < to; k++) {
            if (b[k] == ':') {
                return IpAddress.tryParse(new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return null;
    }

    /** The cached IPv4 address object for a host-order int. */
    public IpAddress v4(int v) {
        int h = (v * 0x9E3779B1) >>> 20;
        IpAddress a = slots[h];
        if (a == null || a.isV6() || a.v4() != v) {
            a = IpAddress.ofV4(v);
            slots[h] = a;
        }
        return a;
    }
}
