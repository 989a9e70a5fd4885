package org.lvslab.ipvs;

import java.util.Objects;

/**
 * Identity of a virtual service: (family, protocol, address, port), or (family, fwmark) when
 * {@code fwmark != 0} (then protocol is TCP, address is the family's zero address and port 0, as
 * the kernel stores it).
 */
public record ServiceKey(AddressFamily family, Protocol protocol, IpAddress address, int port, int fwmark) {
    public ServiceKey {
        Objects.requireNonNull(family);
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(address);
    }

    public static ServiceKey of(Protocol protocol, IpAddress address, int port) {
        return new ServiceKey(address.family(), protocol, address, port, 0);
    }

    public static ServiceKey ofFwmark(AddressFamily family, int fwmark) {
        IpAddress zero = family == AddressFamily.INET6 ? IpAddress.ofV6(0, 0) : IpAddress.ofV4(0);
        return new ServiceKey(family, Protocol.TCP, zero, 0, fwmark);
    }

    public boolean isFwmark() {
        return fwmark != 0;
    }
}
