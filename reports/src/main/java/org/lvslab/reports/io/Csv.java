package org.lvslab.reports.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A CSV writer (RFC 4180 quoting, {@code \n} line ends). Numbers are written with {@link Fmt} so a
 * file's bytes depend only on the values.
 */
public final class Csv {
    private final Writer out;
    private boolean lineStarted;

    public Csv(Writer out) {
        this.out = out;
    }

    public Csv header(String... names) {
        for (String n : names) {
            text(n);
        }
        return end();
    }

    public Csv text(String value) {
        sep();
        String v = value == null ? "" : value;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        write(v);
        return this;
    }

    public Csv num(long value) {
        sep();
        write(Long.toString(value));
        return this;
    }

    public Csv num(double value) {
        sep();
        write(Fmt.num(value));
        return this;
    }

    public Csv num(double value, int decimals) {
        sep();
        write(Fmt.num(value, decimals));
        return this;
    }

    public Csv seconds(long nanos) {
        sep();
        write(Fmt.seconds(nanos));
        return this;
    }

    public Csv end() {
        write("\n");
        lineStarted = false;
        return this;
    }

    private void sep() {
        if (lineStarted) {
            write(",");
        }
        lineStarted = true;
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
