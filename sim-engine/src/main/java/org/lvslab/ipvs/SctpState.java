package org.lvslab.ipvs;

/**
 * The IPVS SCTP association states as the real server sees them, their names in
 * {@code /proc/net/ip_vs_conn}, timeouts, which count as active, and the transition tables
 * ({@code ip_vs_proto_sctp.c}: {@code sctp_states}, {@code sctp_timeouts},
 * {@code set_sctp_state}; identical in 6.1 and 6.12). Only ESTABLISHED is active.
 */
public final class SctpState {
    public static final int NONE = 0;
    public static final int INIT1 = 1;
    public static final int INIT = 2;
    public static final int COOKIE_SENT = 3;
    public static final int COOKIE_REPLIED = 4;
    public static final int COOKIE_WAIT = 5;
    public static final int COOKIE = 6;
    public static final int COOKIE_ECHOED = 7;
    public static final int ESTABLISHED = 8;
    public static final int SHUTDOWN_SENT = 9;
    public static final int SHUTDOWN_RECEIVED = 10;
    public static final int SHUTDOWN_ACK_SENT = 11;
    public static final int REJECTED = 12;
    public static final int CLOSED = 13;
    /** Number of SCTP states. */
    public static final int COUNT = 14;

    // events (the kernel's ipvs_sctp_event_t order)
    static final int EV_DATA = 0;
    static final int EV_INIT = 1;
    static final int EV_INIT_ACK = 2;
    static final int EV_COOKIE_ECHO = 3;
    static final int EV_COOKIE_ACK = 4;
    static final int EV_SHUTDOWN = 5;
    static final int EV_SHUTDOWN_ACK = 6;
    static final int EV_SHUTDOWN_COMPLETE = 7;
    static final int EV_ERROR = 8;
    static final int EV_ABORT = 9;

    private static final String[] NAMES = {"NONE", "INIT1", "INIT", "C-SENT", "C-REPLIED", "C-WAIT", "COOKIE",
        "C-ECHOED", "ESTABLISHED", "S-SENT", "S-RECEIVED", "S-ACK-SENT", "REJECTED", "CLOSED"};
    private static final String SHORT = "NO I1 IN CS CR CW CO CE ES SS SR SA RJ CL";

    /** Timeouts in seconds: 2 s for NONE, 3 + 1 s for INIT1 and REJECTED, 15 min ESTABLISHED, else max RTO 60 + 1 s. */
    static final int[] DEFAULT_TIMEOUT_SECONDS = {2, 4, 61, 61, 61, 61, 61, 61, 900, 61, 61, 61, 4, 61};

    // [direction][event][current state] -> next state; each row lists the next state for the
    // current states NO I1 IN CS CR CW CO CE ES SS SR SA RJ CL, one row per event in the order
    // DATA, INIT, INIT_ACK, COOKIE_ECHO, COOKIE_ACK, SHUTDOWN, SHUTDOWN_ACK, SHUTDOWN_COMPLETE,
    // ERROR, ABORT.
    private static final byte[][][] TABLES = {
        table( // INPUT (client to server through a NAT director)
            "ES I1 IN CS CR CW CO CE ES SS SR SA RJ CL",
            "I1 IN IN CS CR CW CO CE ES SS SR SA IN IN",
            "CW CW CW CS CR CO CO CE ES SS SR SA RJ CL",
            "CR IN IN CR CR CW CO CE ES SS SR SA RJ CL",
            "ES I1 IN CS CR CW CO ES ES SS SR SA RJ CL",
            "SR I1 IN CS CR CW CO CE SR SS SR SA RJ CL",
            "CL IN IN CS CR CW CO CE ES CL SR CL RJ CL",
            "CL CL CL CS CR CW CO CE ES SS SR CL RJ CL",
            "CL I1 IN CS CR CW CO CL ES SS SR SA RJ CL",
            "CL CL CL CL CL RJ CL CL CL CL CL CL CL CL"),
        table( // OUTPUT (server to client)
            "ES I1 IN CS CR CW CO CE ES SS SR SA RJ CL",
            "CW CW CW CW CW CW CW CW ES CW CW CW CW CW",
            "CS CS CS CS CR CW CO CE ES SS SR SA RJ CL",
            "CE CE CE CE CE CE CE CE ES SS SR SA RJ CL",
            "ES ES ES ES ES ES ES ES ES SS SR SA RJ CL",
            "SS SS SS SS SS SS SS SS SS SS SR SA RJ CL",
            "SA SA SA SA SA CW CO CE ES SA SA SA RJ CL",
            "CL I1 IN CS CR CW CO CE ES SS SR SA RJ CL",
            "CL CL CL CL CL CW CO CE ES SS SR SA RJ CL",
            "CL RJ CL CL CL CL CL CL CL CL CL CL CL CL"),
        table( // INPUT_ONLY (DR, TUN: the director sees only client to server)
            "ES I1 IN CS CR ES CO CE ES SS SR SA RJ CL",
            "I1 IN IN IN IN IN CO CE ES SS SR SA IN IN",
            "CE CE CE CE CE CE CO CE ES SS SR SA RJ CL",
            "ES ES ES ES ES ES CO CE ES SS SR SA RJ CL",
            "ES I1 IN ES ES CW ES ES ES SS SR SA RJ CL",
            "SR I1 IN CS CR CW CO CE SR SS SR SA RJ CL",
            "CL IN IN CS CR CW CO CE CL CL SR CL RJ CL",
            "CL CL CL CL CL CW CO CE ES SS CL CL RJ CL",
            "CL I1 IN CS CR CW CO CE ES SS SR SA RJ CL",
            "CL CL CL CL CL RJ CL CL CL CL CL CL CL CL")};

    private SctpState() {
    }

    private static byte[][] table(String... rows) {
        byte[][] t = new byte[rows.length][COUNT];
        for (int e = 0; e < rows.length; e++) {
            String[] cells = rows[e].trim().split("\\s+");
            if (cells.length != COUNT) {
                throw new IllegalStateException("SCTP table row " + e + " has " + cells.length + " cells");
            }
            for (int s = 0; s < COUNT; s++) {
                t[e][s] = (byte) (SHORT.indexOf(cells[s]) / 3);
            }
        }
        return t;
    }

    /** The name {@code /proc/net/ip_vs_conn} prints for a state. */
    public static String name(int state) {
        return state >= 0 && state < COUNT ? NAMES[state] : "ERR!";
    }

    /** Only ESTABLISHED associations count as active ({@code set_sctp_state}). */
    public static boolean isActive(int state) {
        return state == ESTABLISHED;
    }

    /**
     * The event of a packet ({@code set_sctp_state}): its first chunk, except that a COOKIE ECHO
     * or COOKIE ACK followed by an ABORT counts as the ABORT.
     */
    static int event(int firstChunk, int secondChunk) {
        int type = firstChunk;
        if ((type == SctpChunk.COOKIE_ECHO || type == SctpChunk.COOKIE_ACK) && secondChunk == SctpChunk.ABORT) {
            type = SctpChunk.ABORT;
        }
        return switch (type) {
            case SctpChunk.INIT -> EV_INIT;
            case SctpChunk.INIT_ACK -> EV_INIT_ACK;
            case SctpChunk.ABORT -> EV_ABORT;
            case SctpChunk.SHUTDOWN -> EV_SHUTDOWN;
            case SctpChunk.SHUTDOWN_ACK -> EV_SHUTDOWN_ACK;
            case SctpChunk.ERROR -> EV_ERROR;
            case SctpChunk.COOKIE_ECHO -> EV_COOKIE_ECHO;
            case SctpChunk.COOKIE_ACK -> EV_COOKIE_ACK;
            case SctpChunk.SHUTDOWN_COMPLETE -> EV_SHUTDOWN_COMPLETE;
            default -> EV_DATA;   // DATA, SACK, HEARTBEAT(_ACK), ECNE, CWR and unknown types
        };
    }

    /** Next state for a packet in direction {@code table} (TcpState.INPUT / OUTPUT / INPUT_ONLY). */
    static int next(int table, int state, int firstChunk, int secondChunk) {
        return TABLES[table][event(firstChunk, secondChunk)][state];
    }
}
