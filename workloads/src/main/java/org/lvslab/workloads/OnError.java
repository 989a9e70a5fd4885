package org.lvslab.workloads;

/** What a reader does with a bad record. */
public enum OnError {
    /** Throw {@link TraceFormatException} at the first bad record (the default). */
    STOP,
    /** Drop the record, count it in {@link ReadReport}, keep the first few messages, go on. */
    SKIP;

    public static OnError parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "stop" -> STOP;
            case "skip" -> SKIP;
            default -> throw new IllegalArgumentException("--on-error must be stop or skip, not \"" + s + "\"");
        };
    }
}
