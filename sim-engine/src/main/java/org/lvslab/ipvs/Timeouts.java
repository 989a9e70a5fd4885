package org.lvslab.ipvs;

/** The three timeouts {@code ipvsadm --set} changes, in seconds (defaults 900 / 120 / 300). */
public record Timeouts(int tcp, int tcpFin, int udp) {
    public static final Timeouts DEFAULT = new Timeouts(900, 120, 300);
}
