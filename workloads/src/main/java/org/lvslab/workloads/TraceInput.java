package org.lvslab.workloads;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Opens trace input, undoing gzip, xz or zstd compression detected by magic bytes (never by file
 * name), and lets readers peek at the first bytes of the decompressed content.
 */
public final class TraceInput {
    private TraceInput() {
    }

    /** How many leading bytes {@link #peek} can return (enough for a few access-log lines). */
    public static final int PEEK = 8192;

    public enum Compression { NONE, GZIP, XZ, ZSTD }

    public static Compression detect(byte[] head, int n) {
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return Compression.GZIP;
        }
        if (n >= 6 && (head[0] & 0xff) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X' && head[4] == 'Z' && head[5] == 0) {
            return Compression.XZ;
        }
        if (n >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f && (head[3] & 0xff) == 0xfd) {
            return Compression.ZSTD;
        }
        return Compression.NONE;
    }

    /** Opens a file, decompressing if needed; the stream supports mark/reset of {@link #PEEK} bytes. */
    public static BufferedInputStream open(Path file) throws IOException {
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw TraceFormatException.whole(file.toString(), "no such file");
        }
        return open(raw, file.toString());
    }

    public static BufferedInputStream open(InputStream raw, String source) throws IOException {
        BufferedInputStream b = new BufferedInputStream(raw, 1 << 16);
        byte[] head = peek(b);
        Compression c = detect(head, head.length);
        if (c == Compression.NONE) {
            return b;
        }
        try {
            InputStream d = switch (c) {
                case GZIP -> new GZIPInputStream(b, 1 << 16);
                case XZ -> new XZInputStream(b);
                case ZSTD -> new ZstdInputStream(b);
                case NONE -> b;
            };
            return new BufferedInputStream(new CorruptCompression(d, source, c), 1 << 16);
        } catch (IOException e) {
            throw TraceFormatException.whole(source, "bad " + c.name().toLowerCase(java.util.Locale.ROOT) + " data: " + e.getMessage());
        }
    }

    /** Up to {@link #PEEK} leading bytes, leaving the stream where it was. */
    public static byte[] peek(BufferedInputStream in) throws IOException {
        in.mark(PEEK);
        byte[] h = new byte[PEEK];
        int n = 0;
        while (n < PEEK) {
            int k = in.read(h, n, PEEK - n);
            if (k < 0) {
                break;
            }
            n += k;
        }
        in.reset();
        return n == PEEK ? h : java.util.Arrays.copyOf(h, n);
    }

    /** Turns a decompressor's failure (truncated or corrupt archive) into a TraceFormatException. */
    private static final class CorruptCompression extends java.io.FilterInputStream {
        private final String source;
        private final Compression kind;

        CorruptCompression(InputStream in, String source, Compression kind) {
            super(in);
            this.source = source;
            this.kind = kind;
        }

        private TraceFormatException wrap(IOException e) {
            return TraceFormatException.whole(source, "corrupt or truncated " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " data: " + e.getMessage());
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (TraceFormatException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw wrap(e instanceof IOException io ? io : new IOException(e.toString()));
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (TraceFormatException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw wrap(e instanceof IOException io ? io : new IOException(e.toString()));
            }
        }
    }
}
