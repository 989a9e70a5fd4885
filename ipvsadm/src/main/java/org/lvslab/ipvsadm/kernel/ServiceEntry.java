package org.lvslab.ipvsadm.kernel;

import org.lvslab.ipvs.AddressFamily;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.ServiceKey;

/**
 * One service as the kernel reports it ({@code ip_vs_genl_fill_service}). {@code protocol} is
 * the IP protocol number, 0 for a fwmark service (the reply carries no protocol then);
 * {@code flags} include HASHED; {@code netmask} is an IPv4 mask (host order) or an IPv6 prefix.
 */
public record ServiceEntry(ServiceKey key, int protocol, String scheduler, String peName, int flags,
        int timeoutSeconds, int netmask, StatsEntry stats) {

    public AddressFamily family() {
        return key.family();
    }

    public IpAddress address() {
        return key.address();
    }

    public int port() {
        return key.isFwmark() ? 0 : key.port();
    }

    /** The fwmark as an unsigned value, 0 for none. */
    public long fwmark() {
        return Integer.toUnsignedLong(key.fwmark());
    }

    public ServiceEntry withStats(StatsEntry s) {
        return new ServiceEntry(key, protocol, scheduler, peName, flags, timeoutSeconds, netmask, s);
    }
}
