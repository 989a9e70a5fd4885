package org.lvslab.ipvsadm.names;

import org.lvslab.ipvs.IpAddress;

/**
 * The C library look-ups ipvsadm makes: {@code gethostbyaddr}, {@code gethostbyname} (IPv4 only),
 * {@code getservbyport} and {@code getservbyname}. Protocol names are "tcp", "udp" and "sctp".
 */
public interface Resolver {
    /** Reverse look-up: the official host name of {@code address}, or null when there is none. */
    String hostName(IpAddress address);

    /** Forward look-up restricted to IPv4: the first address of {@code name}, or null. */
    IpAddress hostAddressV4(String name);

    /** The official service name of {@code port}/{@code protocol}, or null. */
    String serviceName(int port, String protocol);

    /** The port of the service called {@code name} (official name or alias), or -1. */
    int servicePort(String name, String protocol);

    /** A world without names: every look-up fails (what {@code -n} shows, also for parsing). */
    Resolver NONE = new Resolver() {
        @Override
        public String hostName(IpAddress address) {
            return null;
        }

        @Override
        public IpAddress hostAddressV4(String name) {
            return null;
        }

        @Override
        public String serviceName(int port, String protocol) {
            return null;
        }

        @Override
        public int servicePort(String name, String protocol) {
            return -1;
        }
    };
}
