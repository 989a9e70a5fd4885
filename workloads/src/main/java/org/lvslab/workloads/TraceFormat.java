package org.lvslab.workloads;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.lvslab.workloads.csv.CsvTrace;
import org.lvslab.workloads.csv.CsvTraceReader;

/** The trace formats lvslab reads, their detection from content, and opening a reader. */
public enum TraceFormat {
    CSV("csv"),
    NGINX("nginx"),
    APACHE("apache"),
    CONNTRACK("conntrack"),
    PCAP("pcap"),
    IPVSADM_LCN("ipvsadm-lcn"),
    WC98("wc98");

    private final String label;

    TraceFormat(String label) {
        this.label = label;
    }

    /** The name used by {@code --format}. */
    public String label() {
        return label;
    }

    public static TraceFormat parse(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        for (TraceFormat f : values()) {
            if (f.label.equals(l) || (f == PCAP && l.equals("pcapng"))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format \"" + s + "\" (csv, nginx, apache, conntrack, pcap, ipvsadm-lcn, wc98)");
    }

    /** Opens a file (decompressing gzip/xz/zstd) detecting the format from its content. */
    public static ConnectionSource openAuto(Path file, TraceOptions opt) throws IOException {
        BufferedInputStream in = TraceInput.open(file);
        try {
            TraceFormat f = detect(TraceInput.peek(in), file.toString());
            return f.openStream(in, file.toString(), opt);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Opens a file in this format (decompressing gzip/xz/zstd). */
    public ConnectionSource open(Path file, TraceOptions opt) throws IOException {
        BufferedInputStream in = TraceInput.open(file);
        try {
            return openStream(in, file.toString(), opt);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Opens already-decompressed input in this format. */
    public ConnectionSource openStream(InputStream in, String name, TraceOptions opt) throws IOException {
        return switch (this) {
            case CSV -> new CsvTraceReader(in, name, opt.onError());
            case NGINX -> org.lvslab.workloads.accesslog.AccessLogReader.nginx(in, name, opt);
            case APACHE -> org.lvslab.workloads.accesslog.AccessLogReader.apache(in, name, opt);
            case CONNTRACK -> new org.lvslab.workloads.conntrack.ConntrackReader(in, name, opt.onError());
            case PCAP -> new org.lvslab.workloads.pcap.PcapReader(in, name, opt);
            case IPVSADM_LCN -> new org.lvslab.workloads.ipvsadm.IpvsConnSnapshotReader(in, name, opt.onError());
            case WC98 -> new org.lvslab.workloads.wc98.Wc98Reader(in, name, opt);
        };
    }

    /**
     * The format of decompressed content from its first bytes. Access logs cannot be told apart
     * (nginx or Apache, which log_format?), so they need {@code --format} and {@code --log-format}.
     */
    public static TraceFormat detect(byte[] head, String name) throws TraceFormatException {
        int n = head.length;
        if (n >= 4) {
            int be = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
            if (be == 0xa1b2c3d4 || be == 0xd4c3b2a1 || be == 0xa1b23c4d || be == 0x4d3cb2a1 || be == 0x0a0d0d0a) {
                return PCAP;
            }
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.startsWith(CsvTrace.MAGIC)) {
            return CSV;
        }
        if (text.startsWith("IPVS connection entries") || text.startsWith("pro expire state")
                || text.startsWith("Pro FromIP")) {
            return IPVSADM_LCN;
        }
        String t = text.stripLeading();
        if (t.matches("(?s)^\\[\\d+\\.\\d+\\]\\s*\\[(NEW|UPDATE|DESTROY)\\].*") || t.matches("(?s)^\\s*\\[(NEW|UPDATE|DESTROY)\\].*")) {
            return CONNTRACK;
        }
        if (t.matches("(?s)^[0-9a-fA-F:.]+ .*\\[\\d{2}/\\w{3}/\\d{4}:.*") || t.matches("(?s)^[0-9a-fA-F:.]+ - .*")) {
            throw TraceFormatException.whole(name, "looks like an HTTP access log: pass --format nginx or --format apache "
                    + "and --log-format with the server's log format string");
        }
        if (n >= 20 && looksLikeWc98(head)) {
            return WC98;
        }
        throw TraceFormatException.whole(name, "cannot tell the trace format from its content; pass --format "
                + "(csv, nginx, apache, conntrack, pcap, ipvsadm-lcn, wc98)");
    }

    /** WC98 records: a plausible 1998 timestamp (Apr–Jul 1998) in bytes 0-3 of the first records. */
    private static boolean looksLikeWc98(byte[] h) {
        for (int off = 0; off + 20 <= h.length; off += 20) {
            long ts = ((h[off] & 0xffL) << 24) | ((h[off + 1] & 0xffL) << 16) | ((h[off + 2] & 0xffL) << 8) | (h[off + 3] & 0xffL);
            if (ts < 891_388_800L || ts > 901_929_600L) {
                return false;
            }
        }
        return true;
    }
}
