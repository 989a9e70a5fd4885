package org.lvslab.workloads;

import java.io.IOException;

/**
 * Bad trace input: names the source, where (a 1-based line, or a byte offset for binary formats)
 * and the problem, e.g. {@code access.log:17: $msec is not a number: "17x"} or
 * {@code capture.pcap: byte 4096: truncated packet record}.
 */
public final class TraceFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final long line;
    private final long byteOffset;
    private final String problem;

    private TraceFormatException(String source, long line, long byteOffset, String problem) {
        super(format(source, line, byteOffset, problem));
        this.source = source;
        this.line = line;
        this.byteOffset = byteOffset;
        this.problem = problem;
    }

    public static TraceFormatException atLine(String source, long line, String problem) {
        return new TraceFormatException(source, line, -1, problem);
    }

    public static TraceFormatException atByte(String source, long offset, String problem) {
        return new TraceFormatException(source, -1, offset, problem);
    }

    public static TraceFormatException whole(String source, String problem) {
        return new TraceFormatException(source, -1, -1, problem);
    }

    static String format(String source, long line, long byteOffset, String problem) {
        if (line >= 0) {
            return source + ":" + line + ": " + problem;
        }
        if (byteOffset >= 0) {
            return source + ": byte " + byteOffset + ": " + problem;
        }
        return source + ": " + problem;
    }

    public String source() { return source; }
    /** 1-based line, or -1 for binary formats. */
    public long line() { return line; }
    /** Byte offset in the (decompressed) input, or -1 for text formats. */
    public long byteOffset() { return byteOffset; }
    public String problem() { return problem; }
}
