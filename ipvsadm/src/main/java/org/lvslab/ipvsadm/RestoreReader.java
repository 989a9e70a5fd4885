package org.lvslab.ipvsadm;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code ipvsadm -R} input into argument vectors the way ipvsadm's config-stream reader
 * does: tokens are runs of anything but blank, tab, CR and newline (at most 4096 characters, a
 * longer run becomes several tokens), every token {@code ipvsadm} is dropped, a newline ends a
 * line. There is no comment syntax. Blank space at the very end of the input, after the last
 * token and without a newline, ends the input and drops that last line (a faithful quirk).
 * Input is read lazily, byte by byte, as ISO-8859-1.
 */
final class RestoreReader {
    private static final int MAX_TOKEN = 4096;

    private final PushbackInputStream in;

    RestoreReader(InputStream in) {
        this.in = new PushbackInputStream(in == null ? InputStream.nullInputStream() : in, 1);
    }

    private int read() {
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void unread(int c) {
        try {
            in.unread(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isSeparator(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** The next line as {@code [argv0, tokens…]}, or null at the end of the input. */
    List<String> readLine(String argv0) {
        List<String> a = new ArrayList<>();
        a.add(argv0);
        int tokens = 0;
        while (true) {
            int c = read();
            if (c == -1) {
                break;
            }
            if (isSeparator(c)) {
                // no token here: skip blanks up to the next token or the end of the line
                while (true) {
                    if (c == -1) {
                        return null;
                    }
                    if (c == '\n') {
                        return a;
                    }
                    if (!isSeparator(c)) {
                        unread(c);
                        break;
                    }
                    c = read();
                }
                continue;
            }
            StringBuilder token = new StringBuilder();
            token.append((char) c);
            int tail = -1;
            while (token.length() < MAX_TOKEN) {
                c = read();
                if (c == -1) {
                    break;
                }
                if (isSeparator(c)) {
                    tail = c;
                    break;
                }
                token.append((char) c);
            }
            if (tail == -1 && token.length() == MAX_TOKEN) {
                c = read();
                if (isSeparator(c)) {
                    tail = c;
                } else if (c != -1) {
                    unread(c);
                }
            }
            String t = token.toString();
            if (!t.equals("ipvsadm")) {
                tokens++;
                a.add(t);
            }
            if (tail == '\n') {
                return a;
            }
        }
        return tokens == 0 ? null : a;
    }
}
