package org.lvslab.ipvs;

/**
 * SCTP chunk type numbers (RFC 9260 §3.2) that IPVS distinguishes ({@code ip_vs_proto_sctp.c}
 * {@code sctp_events}); every other type, including SACK, HEARTBEAT and the ECN chunks, counts
 * as {@link #DATA}.
 */
public final class SctpChunk {
    /** No chunk header in the packet (a truncated packet). */
    public static final int NONE = -1;
    public static final int DATA = 0;
    public static final int INIT = 1;
    public static final int INIT_ACK = 2;
    public static final int SACK = 3;
    public static final int HEARTBEAT = 4;
    public static final int HEARTBEAT_ACK = 5;
    public static final int ABORT = 6;
    public static final int SHUTDOWN = 7;
    public static final int SHUTDOWN_ACK = 8;
    public static final int ERROR = 9;
    public static final int COOKIE_ECHO = 10;
    public static final int COOKIE_ACK = 11;
    public static final int ECN_ECNE = 12;
    public static final int ECN_CWR = 13;
    public static final int SHUTDOWN_COMPLETE = 14;

    private SctpChunk() {
    }
}
