package org.lvslab.ipvs;

/**
 * A connection synchronisation daemon as {@code ipvsadm --start-daemon} requests it
 * ({@code IPVS_CMD_NEW_DAEMON}) and as the kernel then records it with defaults filled in
 * ({@code ip_vs_sync.c}: {@code start_sync_thread}).
 *
 * @param state          {@link #MASTER} or {@link #BACKUP}
 * @param interfaceName  multicast interface (required)
 * @param syncId         sync id 0..255
 * @param maxLen         maximum sync message length; 0 = kernel default
 * @param group          multicast group; null = default 224.0.0.81
 * @param port           multicast port; 0 = default 8848
 * @param ttl            multicast TTL; 0 = default 1
 */
public record DaemonConfig(int state, String interfaceName, int syncId, int maxLen, IpAddress group, int port, int ttl) {
    public static final int MASTER = 1;
    public static final int BACKUP = 2;
    public static final IpAddress DEFAULT_GROUP = IpAddress.parse("224.0.0.81");
    public static final int DEFAULT_PORT = 8848;

    /** A request with kernel defaults for the optional parts. */
    public static DaemonConfig of(int state, String interfaceName, int syncId) {
        return new DaemonConfig(state, interfaceName, syncId, 0, null, 0, 0);
    }

    public String stateName() {
        return state == MASTER ? "master" : state == BACKUP ? "backup" : "state " + state;
    }
}
