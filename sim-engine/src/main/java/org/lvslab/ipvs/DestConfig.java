package org.lvslab.ipvs;

/**
 * What an add or edit of a real server sends to the kernel ({@code IPVS_CMD_NEW_DEST} /
 * {@code SET_DEST}). Thresholds are unsigned 32-bit values carried in a long. Tunnel fields only
 * matter for {@link ForwardingMethod#TUNNEL} (type 0 ipip, 1 gue, 2 gre).
 */
public record DestConfig(IpAddress address, int port, ForwardingMethod forwarding, int weight,
        long upperThreshold, long lowerThreshold, int tunnelType, int tunnelPort, int tunnelFlags) {

    public static DestConfig of(IpAddress address, int port, ForwardingMethod forwarding, int weight) {
        return new DestConfig(address, port, forwarding, weight, 0, 0, 0, 0, 0);
    }

    public DestConfig withWeight(int w) {
        return new DestConfig(address, port, forwarding, w, upperThreshold, lowerThreshold, tunnelType, tunnelPort, tunnelFlags);
    }

    public DestConfig withThresholds(long upper, long lower) {
        return new DestConfig(address, port, forwarding, weight, upper, lower, tunnelType, tunnelPort, tunnelFlags);
    }
}
