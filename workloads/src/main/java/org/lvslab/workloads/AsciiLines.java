package org.lvslab.workloads;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines without decoding (trace formats are ASCII), tracking the
 * 1-based line number and byte offset, so readers can parse fields in place and report exact
 * positions. A line longer than {@link #MAX_LINE} is an error (it protects against binary input
 * read as text). "\r\n" endings are accepted.
 */
public final class AsciiLines {
    public static final int MAX_LINE = 1 << 20;

    private final InputStream in;
    private final String source;
    private byte[] buf = new byte[1 << 16];
    private int start;      // current line start in buf
    private int end;        // current line end (exclusive, without \r\n)
    private int next;       // where the next line starts
    private int limit;      // valid bytes in buf
    private boolean eof;
    private long lineNo;
    private long lineOffset; // byte offset of the current line
    private long bufOffset;  // byte offset of buf[0]

    public AsciiLines(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** Advances to the next line; false at end of input. A final line without '\n' counts. */
    public boolean next() throws IOException {
        int scan = next;
        while (true) {
            for (int i = scan; i < limit; i++) {
                if (buf[i] == '\n') {
                    setLine(next, i, i + 1);
                    return true;
                }
            }
            scan = limit;
            if (eof) {
                if (next < limit) {
                    setLine(next, limit, limit);
                    return true;
                }
                return false;
            }
            int consumed = next;
            if (consumed > 0) {
                System.arraycopy(buf, consumed, buf, 0, limit - consumed);
                limit -= consumed;
                scan -= consumed;
                bufOffset += consumed;
                next = 0;
            }
            if (limit == buf.length) {
                if (buf.length >= MAX_LINE) {
                    throw TraceFormatException.atLine(source, lineNo + 1, "line longer than " + MAX_LINE
                            + " bytes (is this a binary file? pass --format)");
                }
                byte[] b = new byte[buf.length * 2];
                System.arraycopy(buf, 0, b, 0, limit);
                buf = b;
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
    }

    private void setLine(int s, int e, int nx) {
        start = s;
        end = (e > s && buf[e - 1] == '\r') ? e - 1 : e;
        next = nx;
        lineNo++;
        lineOffset = bufOffset + s;
    }

    public byte[] buffer() { return buf; }
    public int start() { return start; }
    public int end() { return end; }
    public int length() { return end - start; }
    public long lineNumber() { return lineNo; }
    public long byteOffset() { return lineOffset; }
    public String source() { return source; }

    /** The current line as a String (Latin-1, so any bytes decode). */
    public String line() {
        return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
    }

    public boolean isBlank() {
        for (int i = start; i < end; i++) {
            if (buf[i] != ' ' && buf[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
