package org.lvslab.netlink;

/**
 * Commands and attribute numbers of the IPVS generic-netlink family ("IPVS", version 1), as
 * defined by {@code include/uapi/linux/ip_vs.h} ({@code IPVS_CMD_*}, {@code IPVS_*_ATTR_*}).
 */
public final class Ipvs {
    public static final String FAMILY_NAME = "IPVS";

    // commands
    public static final int CMD_NEW_SERVICE = 1;
    public static final int CMD_SET_SERVICE = 2;
    public static final int CMD_DEL_SERVICE = 3;
    public static final int CMD_GET_SERVICE = 4;
    public static final int CMD_NEW_DEST = 5;
    public static final int CMD_SET_DEST = 6;
    public static final int CMD_DEL_DEST = 7;
    public static final int CMD_GET_DEST = 8;
    public static final int CMD_NEW_DAEMON = 9;
    public static final int CMD_DEL_DAEMON = 10;
    public static final int CMD_GET_DAEMON = 11;
    public static final int CMD_SET_CONFIG = 12;
    public static final int CMD_GET_CONFIG = 13;
    public static final int CMD_SET_INFO = 14;
    public static final int CMD_GET_INFO = 15;
    public static final int CMD_ZERO = 16;
    public static final int CMD_FLUSH = 17;

    // top level
    public static final int CMD_ATTR_SERVICE = 1;
    public static final int CMD_ATTR_DEST = 2;
    public static final int CMD_ATTR_DAEMON = 3;
    public static final int CMD_ATTR_TIMEOUT_TCP = 4;
    public static final int CMD_ATTR_TIMEOUT_TCP_FIN = 5;
    public static final int CMD_ATTR_TIMEOUT_UDP = 6;

    // service nest
    public static final int SVC_ATTR_AF = 1;
    public static final int SVC_ATTR_PROTOCOL = 2;
    public static final int SVC_ATTR_ADDR = 3;
    public static final int SVC_ATTR_PORT = 4;
    public static final int SVC_ATTR_FWMARK = 5;
    public static final int SVC_ATTR_SCHED_NAME = 6;
    public static final int SVC_ATTR_FLAGS = 7;
    public static final int SVC_ATTR_TIMEOUT = 8;
    public static final int SVC_ATTR_NETMASK = 9;
    public static final int SVC_ATTR_STATS = 10;
    public static final int SVC_ATTR_PE_NAME = 11;
    public static final int SVC_ATTR_STATS64 = 12;

    // real-server nest
    public static final int DEST_ATTR_ADDR = 1;
    public static final int DEST_ATTR_PORT = 2;
    public static final int DEST_ATTR_FWD_METHOD = 3;
    public static final int DEST_ATTR_WEIGHT = 4;
    public static final int DEST_ATTR_U_THRESH = 5;
    public static final int DEST_ATTR_L_THRESH = 6;
    public static final int DEST_ATTR_ACTIVE_CONNS = 7;
    public static final int DEST_ATTR_INACT_CONNS = 8;
    public static final int DEST_ATTR_PERSIST_CONNS = 9;
    public static final int DEST_ATTR_STATS = 10;
    public static final int DEST_ATTR_ADDR_FAMILY = 11;
    public static final int DEST_ATTR_STATS64 = 12;
    public static final int DEST_ATTR_TUN_TYPE = 13;
    public static final int DEST_ATTR_TUN_PORT = 14;
    public static final int DEST_ATTR_TUN_FLAGS = 15;

    // daemon nest
    public static final int DAEMON_ATTR_STATE = 1;
    public static final int DAEMON_ATTR_MCAST_IFN = 2;
    public static final int DAEMON_ATTR_SYNC_ID = 3;
    public static final int DAEMON_ATTR_SYNC_MAXLEN = 4;
    public static final int DAEMON_ATTR_MCAST_GROUP = 5;
    public static final int DAEMON_ATTR_MCAST_GROUP6 = 6;
    public static final int DAEMON_ATTR_MCAST_PORT = 7;
    public static final int DAEMON_ATTR_MCAST_TTL = 8;

    // stats nest (STATS: 1-3 and 6-10 u32, 4-5 u64; STATS64: all u64)
    public static final int STATS_ATTR_CONNS = 1;
    public static final int STATS_ATTR_OUTBPS = 10;
    public static final int STATS_ATTR_PAD = 11;

    // GET_INFO reply
    public static final int INFO_ATTR_VERSION = 1;
    public static final int INFO_ATTR_CONN_TAB_SIZE = 2;

    private Ipvs() {
    }

    /** The command's name as in the kernel header, for messages ("NEW_SERVICE"). */
    public static String commandName(int cmd) {
        return switch (cmd) {
            case CMD_NEW_SERVICE -> "NEW_SERVICE";
            case CMD_SET_SERVICE -> "SET_SERVICE";
            case CMD_DEL_SERVICE -> "DEL_SERVICE";
            case CMD_GET_SERVICE -> "GET_SERVICE";
            case CMD_NEW_DEST -> "NEW_DEST";
            case CMD_SET_DEST -> "SET_DEST";
            case CMD_DEL_DEST -> "DEL_DEST";
            case CMD_GET_DEST -> "GET_DEST";
            case CMD_NEW_DAEMON -> "NEW_DAEMON";
            case CMD_DEL_DAEMON -> "DEL_DAEMON";
            case CMD_GET_DAEMON -> "GET_DAEMON";
            case CMD_SET_CONFIG -> "SET_CONFIG";
            case CMD_GET_CONFIG -> "GET_CONFIG";
            case CMD_SET_INFO -> "SET_INFO";
            case CMD_GET_INFO -> "GET_INFO";
            case CMD_ZERO -> "ZERO";
            case CMD_FLUSH -> "FLUSH";
            default -> "command " + cmd;
        };
    }
}
