package org.lvslab.ipvs;

/** How the director forwards packets to a real server (IP_VS_CONN_F_* low bits). */
public enum ForwardingMethod {
    /** NAT: the director sees both directions. */
    MASQ(0, "Masq"),
    LOCALNODE(1, "Local"),
    TUNNEL(2, "Tunnel"),
    /** Direct routing ("gatewaying"): the director sees only client-to-server packets. */
    DROUTE(3, "Route");

    private final int code;
    private final String label;

    ForwardingMethod(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** The word ipvsadm prints in the Forward column. */
    public String label() {
        return label;
    }

    public static ForwardingMethod ofCode(int code) {
        for (ForwardingMethod m : values()) {
            if (m.code == (code & 7)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown forwarding method " + code);
    }
}
