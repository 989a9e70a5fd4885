package org.lvslab.sim;

/** How a connection's lifetime is decided. */
public enum Mode {
    /** A connection lasts what the workload says (trace replay). */
    REPLAY,
    /** A connection's duration is its demand served by a real server with finite capacity. */
    SERVICE;

    public static Mode parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "replay" -> REPLAY;
            case "service" -> SERVICE;
            default -> throw new IllegalArgumentException("unknown mode \"" + s + "\" (replay, service)");
        };
    }
}
