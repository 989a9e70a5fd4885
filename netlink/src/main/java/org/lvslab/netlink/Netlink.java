package org.lvslab.netlink;

/**
 * Numbers of the netlink core and the generic-netlink controller that the IPVS backend needs
 * ({@code include/uapi/linux/netlink.h}, {@code genetlink.h}).
 */
public final class Netlink {
    public static final int AF_NETLINK = 16;
    public static final int NETLINK_GENERIC = 16;

    public static final int NLMSG_HDRLEN = 16;
    public static final int GENL_HDRLEN = 4;
    public static final int NLA_HDRLEN = 4;

    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int NLMSG_OVERRUN = 4;

    public static final int NLM_F_REQUEST = 0x1;
    public static final int NLM_F_MULTI = 0x2;
    public static final int NLM_F_ACK = 0x4;
    /** NLM_F_ROOT | NLM_F_MATCH. */
    public static final int NLM_F_DUMP = 0x300;

    public static final int NLA_F_NESTED = 0x8000;
    public static final int NLA_F_NET_BYTEORDER = 0x4000;
    public static final int NLA_TYPE_MASK = 0x3FFF;

    /** The generic-netlink controller's fixed family id ({@code GENL_ID_CTRL}). */
    public static final int GENL_ID_CTRL = 0x10;
    public static final int CTRL_CMD_NEWFAMILY = 1;
    public static final int CTRL_CMD_GETFAMILY = 3;
    public static final int CTRL_ATTR_FAMILY_ID = 1;
    public static final int CTRL_ATTR_FAMILY_NAME = 2;
    public static final int CTRL_ATTR_VERSION = 3;
    public static final int CTRL_ATTR_MAXATTR = 5;

    /** Version byte of every genl header this backend sends. */
    public static final int GENL_VERSION = 1;

    private Netlink() {
    }

    /** {@code NLA_ALIGN}/{@code NLMSG_ALIGN}: rounds up to a multiple of 4. */
    public static int align(int n) {
        return (n + 3) & ~3;
    }
}
