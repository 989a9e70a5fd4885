package org.lvslab.ipvsadm.kernel;

import org.lvslab.ipvs.IpAddress;

/**
 * One real server as the kernel reports it ({@code ip_vs_genl_fill_dest}); {@code forwarding}
 * is the low three bits of the connection flags (0 Masq, 1 Local, 2 Tunnel, 3 Route).
 */
public record DestEntry(IpAddress address, int port, int forwarding, int weight, int tunnelType,
        int tunnelPort, int tunnelFlags, long upperThreshold, long lowerThreshold, long activeConns,
        long inactiveConns, long persistConns, StatsEntry stats) {

    public DestEntry withStats(StatsEntry s) {
        return new DestEntry(address, port, forwarding, weight, tunnelType, tunnelPort, tunnelFlags,
                upperThreshold, lowerThreshold, activeConns, inactiveConns, persistConns, s);
    }

    public DestEntry withConnections(long active, long inactive, long persistent) {
        return new DestEntry(address, port, forwarding, weight, tunnelType, tunnelPort, tunnelFlags,
                upperThreshold, lowerThreshold, active, inactive, persistent, stats);
    }
}
