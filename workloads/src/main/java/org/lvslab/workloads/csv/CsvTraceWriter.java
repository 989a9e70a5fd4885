package org.lvslab.workloads.csv;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.ConnectionSource;

/** Writes the canonical CSV: the header, then one line per record. Unknown values are empty fields. */
public final class CsvTraceWriter implements AutoCloseable {
    private final OutputStream out;
    private final StringBuilder sb = new StringBuilder(160);
    private long written;

    public CsvTraceWriter(OutputStream out, long originEpochNs) throws IOException {
        this.out = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, 1 << 16);
        this.out.write((CsvTrace.header(originEpochNs) + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    public void write(ConnectionRecord r) throws IOException {
        StringBuilder s = sb;
        s.setLength(0);
        s.append(r.timeNs()).append(',').append(r.protocol().label()).append(',');
        addr(s, r.client());
        s.append(',').append(r.clientPort()).append(',');
        addr(s, r.vip());
        s.append(',').append(r.vport()).append(',').append(Integer.toUnsignedString(r.fwmark())).append(',');
        num(s, r.durationNs());
        s.append(',');
        num(s, r.bytesIn());
        s.append(',');
        num(s, r.bytesOut());
        s.append(',');
        addr(s, r.realServer());
        s.append(',');
        if (r.realServer() != null) {
            s.append(r.realPort());
        }
        s.append(',');
        if (r.state() != null) {
            s.append(r.state());
        }
        s.append(',');
        num(s, r.expireNs());
        s.append('\n');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            out.write(s.charAt(i));
        }
        written++;
    }

    private static void addr(StringBuilder s, IpAddress a) {
        if (a != null) {
            s.append(a);
        }
    }

    private static void num(StringBuilder s, long v) {
        if (v >= 0) {
            s.append(v);
        }
    }

    public long written() {
        return written;
    }

    /** Copies a whole source; the header's origin is taken after the first record is known. */
    public static long copy(ConnectionSource src, OutputStream os) throws IOException {
        ConnectionRecord r = new ConnectionRecord();
        boolean any = src.next(r);
        try (CsvTraceWriter w = new CsvTraceWriter(os, src.originEpochNs())) {
            if (any) {
                do {
                    w.write(r);
                } while (src.next(r));
            }
            return w.written();
        }
    }

    @Override
    public void close() throws IOException {
        out.flush();
        out.close();
    }
}
