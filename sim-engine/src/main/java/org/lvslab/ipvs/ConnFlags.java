package org.lvslab.ipvs;

/**
 * Connection flag bits as the kernel defines them ({@code IP_VS_CONN_F_*} in
 * {@code include/uapi/linux/ip_vs.h}); {@link ConnectionTable#flags(int)} returns these values, so
 * a listing can print them exactly as a kernel would.
 */
public final class ConnFlags {
    /** Low three bits: the forwarding method ({@link ForwardingMethod#code()}). */
    public static final int FWD_MASK = 0x0007;
    public static final int BYPASS = 0x0004;
    public static final int SYNC = 0x0020;
    public static final int HASHED = 0x0040;
    /** The director never sees the reply direction (every method but NAT, until a reply is seen). */
    public static final int NOOUTPUT = 0x0080;
    /** Not in an active TCP state; every connection starts with it, UDP never loses it. */
    public static final int INACTIVE = 0x0100;
    public static final int NO_CPORT = 0x0800;
    /** A persistence template, not a connection. */
    public static final int TEMPLATE = 0x1000;
    /** Forward one packet, then destroy the entry (UDP with the service's one-packet flag). */
    public static final int ONE_PACKET = 0x2000;
    /** Netfilter conntrack is kept for this entry (sysctl {@code conntrack} was on at creation). */
    public static final int NFCT = 1 << 16;

    private ConnFlags() {
    }
}
