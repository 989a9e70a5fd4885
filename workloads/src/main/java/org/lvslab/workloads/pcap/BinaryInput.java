package org.lvslab.workloads.pcap;

import java.io.IOException;
import java.io.InputStream;
import org.lvslab.workloads.TraceFormatException;

/** Exact reads from a binary stream with the byte offset tracked for error messages. */
final class BinaryInput {
    private final InputStream in;
    private final String source;
    private long offset;
    boolean little;
    /** Set when a read hit the end of input part-way through a structure (a capture cut short). */
    boolean cutShort;

    BinaryInput(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    long offset() {
        return offset;
    }

    /** Reads exactly {@code n} bytes; false at a clean end of input (no byte read). */
    boolean readOrEnd(byte[] b, int off, int n, String what) throws IOException {
        long at = offset;
        int got = 0;
        while (got < n) {
            int k = in.read(b, off + got, n - got);
            if (k < 0) {
                if (got == 0) {
                    return false;
                }
                cutShort = true;
                throw TraceFormatException.atByte(source, at, "truncated " + what + ": " + got + " of " + n + " bytes");
            }
            got += k;
            offset += k;
        }
        return true;
    }

    void readFully(byte[] b, int off, int n, String what) throws IOException {
        long at = offset;
        if (!readOrEnd(b, off, n, what)) {
            cutShort = true;
            throw TraceFormatException.atByte(source, at, "truncated " + what + ": end of file");
        }
    }

    void skip(long n, String what) throws IOException {
        long left = n;
        byte[] tmp = null;
        while (left > 0) {
            long k = in.skip(left);
            if (k <= 0) {
                if (tmp == null) {
                    tmp = new byte[4096];
                }
                int r = in.read(tmp, 0, (int) Math.min(tmp.length, left));
                if (r < 0) {
                    cutShort = true;
                    throw TraceFormatException.atByte(source, offset, "truncated " + what);
                }
                k = r;
            }
            left -= k;
            offset += k;
        }
    }

    int u16(byte[] b, int p) {
        return little ? (b[p] & 0xff) | ((b[p + 1] & 0xff) << 8) : ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    long u32(byte[] b, int p) {
        return little
                ? (b[p] & 0xffL) | ((b[p + 1] & 0xffL) << 8) | ((b[p + 2] & 0xffL) << 16) | ((b[p + 3] & 0xffL) << 24)
                : ((b[p] & 0xffL) << 24) | ((b[p + 1] & 0xffL) << 16) | ((b[p + 2] & 0xffL) << 8) | (b[p + 3] & 0xffL);
    }

    static int be16(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    static long be32(byte[] b, int p) {
        return ((b[p] & 0xffL) << 24) | ((b[p + 1] & 0xffL) << 16) | ((b[p + 2] & 0xffL) << 8) | (b[p + 3] & 0xffL);
    }

    static long be64(byte[] b, int p) {
        return (be32(b, p) << 32) | be32(b, p + 4);
    }
}
