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

    /** By the low three bits of a code; values() copies its array on every call, so it is read once. */
    private static final ForwardingMethod[] BY_CODE = new ForwardingMethod[8];

    static {
        for (ForwardingMethod m : values()) {
            BY_CODE[m.code] = m;
        }
    }

    /** The method for the low three bits of {@code code} (IP_VS_CONN_F_FWD_MASK). */
    public static ForwardingMethod ofCode(int code) {
        ForwardingMethod m = BY_CODE[code & 7];
        if (m == null) {
            throw new IllegalArgumentException("unknown forwarding method " + code);
        }
        return m;
    }
}
