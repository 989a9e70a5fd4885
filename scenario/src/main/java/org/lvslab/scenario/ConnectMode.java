package org.lvslab.scenario;

/** What the client does after a {@code connect} handshake. */
public enum ConnectMode {
    /** Keep the connection ESTABLISHED. */
    HOLD,
    /** Close it at once with a FIN exchange. */
    CLOSE,
    /** Abort it with an RST. */
    RESET;

    /** The keyword in a scenario, or null. */
    public static ConnectMode ofKeyword(String word) {
        return switch (word) {
            case "hold" -> HOLD;
            case "close" -> CLOSE;
            case "reset" -> RESET;
            default -> null;
        };
    }
}
