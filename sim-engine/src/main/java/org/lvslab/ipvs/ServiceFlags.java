package org.lvslab.ipvs;

/** Service flag bits ({@code IP_VS_SVC_F_*} in {@code include/uapi/linux/ip_vs.h}). */
public final class ServiceFlags {
    public static final int PERSISTENT = 0x0001;
    public static final int HASHED = 0x0002;
    public static final int ONEPACKET = 0x0004;
    /** sh-fallback / mh-fallback. */
    public static final int SCHED1 = 0x0008;
    /** sh-port / mh-port. */
    public static final int SCHED2 = 0x0010;
    public static final int SCHED3 = 0x0020;

    private ServiceFlags() {
    }
}
