package org.lvslab.ipvs;

/**
 * The IPVS TCP connection states, their names as {@code /proc/net/ip_vs_conn} prints them, which of
 * them count as active, and the state transition tables ({@code ip_vs_proto_tcp.c}). UDP entries
 * have the single state {@link #UDP_NORMAL} (printed "UDP", {@code ip_vs_proto_udp.c}); templates
 * use {@link #TEMPLATE_NONE} / {@link #TEMPLATE_ASSURED} ({@code ip_vs_proto.c}).
 */
public final class TcpState {
    public static final int NONE = 0;
    public static final int ESTABLISHED = 1;
    public static final int SYN_SENT = 2;
    public static final int SYN_RECV = 3;
    public static final int FIN_WAIT = 4;
    public static final int TIME_WAIT = 5;
    public static final int CLOSE = 6;
    public static final int CLOSE_WAIT = 7;
    public static final int LAST_ACK = 8;
    public static final int LISTEN = 9;
    public static final int SYNACK = 10;
    /** Number of TCP states. */
    public static final int COUNT = 11;

    public static final int UDP_NORMAL = 0;
    public static final int TEMPLATE_NONE = 0;
    /** Template state bit set once a controlled TCP conn reached ESTABLISHED or a UDP reply was seen. */
    public static final int TEMPLATE_ASSURED = 1;

    /** Direction/table selectors. */
    static final int INPUT = 0;
    static final int OUTPUT = 1;
    static final int INPUT_ONLY = 2;

    /** Event columns, in the kernel's priority order of the flag test: RST, SYN, FIN, ACK. */
    static final int EV_SYN = 0;
    static final int EV_FIN = 1;
    static final int EV_ACK = 2;
    static final int EV_RST = 3;

    private static final String[] NAMES = {"NONE", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT",
        "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "SYNACK"};
    private static final String SHORT = "NO ES SS SR FW TW CL CW LA LI SA";

    // Transition tables: [table][event][current state] -> next state. Each row lists the next
    // state for the current states NO ES SS SR FW TW CL CW LA LI SA (in that order).
    private static final byte[][][] NORMAL = {
        table( // INPUT (NAT, client to server)
            "SR ES ES SR SR SR SR SR SR SR SR",   // SYN
            "CL CW SS TW TW TW CL CW LA LI TW",   // FIN
            "ES ES SS ES FW TW CL CW CL LI ES",   // ACK
            "CL CL CL SR CL CL CL CL LA LI SR"),  // RST
        table( // OUTPUT (NAT, server to client)
            "SS ES SS SR SS SS SS SS SS LI SR",
            "TW FW SS TW FW TW CL TW LA LI TW",
            "ES ES SS ES FW TW CL CW LA ES ES",
            "CL CL SS CL CL TW CL CL CL CL CL"),
        table( // INPUT_ONLY (DR, TUN, local: the director sees only client to server)
            "SR ES ES SR SR SR SR SR SR SR SR",
            "CL FW SS TW FW TW CL CW LA LI TW",
            "ES ES SS ES FW TW CL CW CL LI ES",
            "CL CL CL SR CL CL CL CL LA LI CL")};

    /** The secure_tcp ("DoS defense") tables. */
    private static final byte[][][] SECURE = {
        table(
            "SR ES ES SR SR SR SR SR SR SR SA",
            "CL CW SS TW TW TW CL CW LA LI SA",
            "ES ES SS SR FW TW CL CW CL LI SA",
            "CL CL CL SR CL CL CL CL LA LI CL"),
        table(
            "SS ES SS SA SS SS SS SS SS LI SA",
            "TW FW SS TW FW TW CL TW LA LI TW",
            "ES ES SS ES FW TW CL CW LA ES ES",
            "CL CL SS CL CL TW CL CL CL CL CL"),
        table(
            "SA ES ES SR SA SA SA SA SA SA SA",
            "CL FW SS TW FW TW CL CW LA LI TW",
            "ES ES SS ES FW TW CL CW CL LI ES",
            "CL CL CL SR CL CL CL CL LA LI CL")};

    /** Default per-state timeouts in seconds ({@code tcp_timeouts}). */
    static final int[] DEFAULT_TIMEOUT_SECONDS = {2, 900, 120, 60, 120, 120, 10, 60, 30, 120, 120};

    private TcpState() {
    }

    private static byte[][] table(String... rows) {
        byte[][] t = new byte[4][COUNT];
        String[] codes = SHORT.split(" ");
        for (int ev = 0; ev < 4; ev++) {
            String[] cells = rows[ev].split(" ");
            if (cells.length != COUNT) {
                throw new AssertionError("bad TCP table row " + rows[ev]);
            }
            for (int s = 0; s < COUNT; s++) {
                int next = java.util.Arrays.asList(codes).indexOf(cells[s]);
                if (next < 0) {
                    throw new AssertionError("bad TCP state code " + cells[s]);
                }
                t[ev][s] = (byte) next;
            }
        }
        return t;
    }

    /** Kernel name of a TCP state ("ESTABLISHED", …). */
    public static String name(int state) {
        return state >= 0 && state < COUNT ? NAMES[state] : "ERR!";
    }

    /** SYN_SENT, SYN_RECV, ESTABLISHED and SYNACK count in activeconns; all other states are inactive. */
    public static boolean isActive(int state) {
        return state == ESTABLISHED || state == SYN_SENT || state == SYN_RECV || state == SYNACK;
    }

    /**
     * The event a TCP segment's flags select, first match wins: RST, SYN, FIN, ACK; -1 when none of
     * them is set (the kernel then moves the connection to CLOSE).
     */
    static int event(int tcpFlags) {
        if ((tcpFlags & Packet.RST) != 0) {
            return EV_RST;
        }
        if ((tcpFlags & Packet.SYN) != 0) {
            return EV_SYN;
        }
        if ((tcpFlags & Packet.FIN) != 0) {
            return EV_FIN;
        }
        if ((tcpFlags & Packet.ACK) != 0) {
            return EV_ACK;
        }
        return -1;
    }

    /** Next state from {@code state} on a segment with {@code tcpFlags} in {@code table} direction. */
    static int next(boolean secure, int table, int state, int tcpFlags) {
        int ev = event(tcpFlags);
        if (ev < 0) {
            return CLOSE;
        }
        return (secure ? SECURE : NORMAL)[table][ev][state];
    }

    /** Public form of the transition function for tests and documentation tools. */
    public static int transition(boolean secureTcp, boolean output, boolean noOutput, int state, int tcpFlags) {
        int table = output ? OUTPUT : noOutput ? INPUT_ONLY : INPUT;
        return next(secureTcp, table, state, tcpFlags);
    }
}
