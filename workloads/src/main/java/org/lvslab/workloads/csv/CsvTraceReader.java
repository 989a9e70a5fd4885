package org.lvslab.workloads.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.workloads.AddressCache;
import org.lvslab.workloads.AsciiLines;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.ConnectionSource;
import org.lvslab.workloads.OnError;
import org.lvslab.workloads.ReadReport;
import org.lvslab.workloads.TraceFormatException;

/**
 * Streams the canonical CSV trace. The header is checked strictly (magic, version, the exact
 * column list); data lines are parsed in place from bytes. A bad data line (wrong field count,
 * bad number, address or protocol, time before the previous line's) goes to the
 * {@link OnError} policy. A bad header always stops.
 */
public final class CsvTraceReader implements ConnectionSource {
    private static final int FIELDS = CsvTrace.COLUMNS.size();

    private final InputStream in;
    private final AsciiLines lines;
    private final ReadReport report;
    private final AddressCache cache = new AddressCache();
    private final int[] cut = new int[FIELDS + 1];
    private final long origin;
    private long lastTime = Long.MIN_VALUE;
    private String problem;

    public CsvTraceReader(InputStream in, String source, OnError onError) throws IOException {
        this.in = in;
        this.lines = new AsciiLines(in, source);
        this.report = new ReadReport(source, onError);
        if (!lines.next()) {
            throw TraceFormatException.atLine(source, 1, "empty file: expected the header \"" + CsvTrace.MAGIC + CsvTrace.VERSION + " ...\"");
        }
        this.origin = parseHeader(lines.line(), source);
    }

    private static long parseHeader(String h, String source) throws TraceFormatException {
        if (!h.startsWith(CsvTrace.MAGIC)) {
            throw TraceFormatException.atLine(source, 1, "not an lvslab CSV trace: the first line must start with \""
                    + CsvTrace.MAGIC + "\"");
        }
        String[] parts = h.substring(CsvTrace.MAGIC.length()).trim().split("\\s+");
        String v = parts[0];
        if (!v.equals(Integer.toString(CsvTrace.VERSION))) {
            throw TraceFormatException.atLine(source, 1, "unsupported trace version \"" + v + "\" (this lvslab reads v"
                    + CsvTrace.VERSION + ")");
        }
        long origin = Long.MIN_VALUE;
        boolean columns = false;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (p.startsWith("origin_ns=")) {
                String o = p.substring(10);
                if (!o.equals("-")) {
                    try {
                        origin = Long.parseLong(o);
                    } catch (NumberFormatException e) {
                        throw TraceFormatException.atLine(source, 1, "bad origin_ns \"" + o + "\"");
                    }
                }
            } else if (p.startsWith("columns=")) {
                String[] cols = p.substring(8).split(",", -1);
                for (int c = 0; c < Math.max(cols.length, FIELDS); c++) {
                    String got = c < cols.length ? cols[c] : "(missing)";
                    String want = c < FIELDS ? CsvTrace.COLUMNS.get(c) : "(none)";
                    if (!got.equals(want)) {
                        throw TraceFormatException.atLine(source, 1, (c < FIELDS && c < cols.length && !CsvTrace.COLUMNS.contains(got)
                                ? "unknown column \"" + got + "\"" : "column " + (c + 1) + " is \"" + got + "\"")
                                + ", expected \"" + want + "\" (v1 columns: " + String.join(",", CsvTrace.COLUMNS) + ")");
                    }
                }
                columns = true;
            } else {
                throw TraceFormatException.atLine(source, 1, "unknown header field \"" + p + "\"");
            }
        }
        if (!columns) {
            throw TraceFormatException.atLine(source, 1, "header has no columns=...");
        }
        return origin;
    }

    @Override
    public long originEpochNs() {
        return origin;
    }

    @Override
    public ReadReport report() {
        return report;
    }

    @Override
    public boolean next(ConnectionRecord r) throws IOException {
        while (lines.next()) {
            if (lines.isBlank()) {
                report.badLine(lines.lineNumber(), "blank line (one line per connection expected)");
                continue;
            }
            if (parse(r)) {
                return true;
            }
            report.badLine(lines.lineNumber(), problem);
        }
        return false;
    }

    private boolean parse(ConnectionRecord r) {
        byte[] b = lines.buffer();
        int s = lines.start();
        int e = lines.end();
        int n = 0;
        cut[0] = s - 1;
        for (int i = s; i < e; i++) {
            if (b[i] == ',') {
                if (++n >= FIELDS) {
                    return fail("more than " + FIELDS + " fields");
                }
                cut[n] = i;
            }
        }
        if (n != FIELDS - 1) {
            return fail((n + 1) + " fields, expected " + FIELDS + " (" + String.join(",", CsvTrace.COLUMNS) + ")");
        }
        cut[FIELDS] = e;
        r.clear();
        long t = num(b, 0, false);
        if (t < 0) {
            return false;
        }
        if (t < lastTime) {
            return fail("time_ns " + t + " is before the previous line's " + lastTime + " (lines must be in time order)");
        }
        r.timeNs(t);
        Protocol p = proto(b, from(1), to(1));
        if (p == null) {
            return fail("proto \"" + text(b, 1) + "\" is not TCP, UDP or SCTP");
        }
        r.protocol(p);
        IpAddress c = addr(b, 2, false);
        if (c == null) {
            return false;
        }
        int cp = (int) portField(b, 3);
        if (cp < 0) {
            return false;
        }
        IpAddress v = addr(b, 4, false);
        if (v == null) {
            return false;
        }
        int vp = (int) portField(b, 5);
        if (vp < 0) {
            return false;
        }
        long mark = num(b, 6, false);
        if (mark < 0) {
            return false;
        }
        if (mark > 0xffffffffL) {
            return fail("fwmark " + mark + " exceeds 32 bits");
        }
        r.client(c, cp).vip(v, vp).fwmark((int) mark);
        long d = num(b, 7, true);
        long bi = num(b, 8, true);
        long bo = num(b, 9, true);
        if (d == -2 || bi == -2 || bo == -2) {
            return false;
        }
        r.durationNs(d).bytesIn(bi).bytesOut(bo);
        if (from(10) < to(10)) {
            IpAddress real = addr(b, 10, false);
            if (real == null) {
                return false;
            }
            int rp = (int) portField(b, 11);
            if (rp < 0) {
                return false;
            }
            r.realServer(real, rp);
        } else if (from(11) < to(11)) {
            return fail("real_port without real");
        }
        if (from(12) < to(12)) {
            r.state(text(b, 12));
        }
        long x = num(b, 13, true);
        if (x == -2) {
            return false;
        }
        r.expireNs(x);
        lastTime = t;
        return true;
    }

    private int from(int f) {
        return cut[f] + 1;
    }

    private int to(int f) {
        return cut[f + 1];
    }

    private String text(byte[] b, int f) {
        return new String(b, from(f), to(f) - from(f), StandardCharsets.ISO_8859_1);
    }

    private boolean fail(String p) {
        problem = p;
        return false;
    }

    /** A non-negative decimal; empty gives -1 when allowed. Returns -1 (required) or -2 (optional) on error. */
    private long num(byte[] b, int f, boolean optional) {
        int i = from(f);
        int e = to(f);
        int err = optional ? -2 : -1;
        if (i == e) {
            if (optional) {
                return -1;
            }
            fail(CsvTrace.COLUMNS.get(f) + " is empty");
            return err;
        }
        long v = 0;
        if (e - i > 18) {
            fail(CsvTrace.COLUMNS.get(f) + " \"" + text(b, f) + "\" is too large");
            return err;
        }
        for (; i < e; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                fail(CsvTrace.COLUMNS.get(f) + " \"" + text(b, f) + "\" is not a non-negative integer");
                return err;
            }
            v = v * 10 + c;
        }
        return v;
    }

    private long portField(byte[] b, int f) {
        long v = num(b, f, false);
        if (v > 65535) {
            fail(CsvTrace.COLUMNS.get(f) + " " + v + " is not a port (0..65535)");
            return -1;
        }
        return v;
    }

    private IpAddress addr(byte[] b, int f, boolean optional) {
        IpAddress a = cache.parse(b, from(f), to(f));
        if (a == null) {
            fail(CsvTrace.COLUMNS.get(f) + " \"" + text(b, f) + "\" is not a numeric IP address");
        }
        return a;
    }

    private static Protocol proto(byte[] b, int s, int e) {
        int n = e - s;
        if (n == 3 && b[s] == 'T' && b[s + 1] == 'C' && b[s + 2] == 'P') {
            return Protocol.TCP;
        }
        if (n == 3 && b[s] == 'U' && b[s + 1] == 'D' && b[s + 2] == 'P') {
            return Protocol.UDP;
        }
        if (n == 4 && b[s] == 'S' && b[s + 1] == 'C' && b[s + 2] == 'T' && b[s + 3] == 'P') {
            return Protocol.SCTP;
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
