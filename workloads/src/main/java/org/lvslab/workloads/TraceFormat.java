package org.lvslab.workloads;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.lvslab.workloads.csv.CsvTrace;
import org.lvslab.workloads.accesslog.AccessLogFormats;
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

    /**
     * Opens a file (decompressing gzip/xz/zstd) detecting the format from its content. An access
     * log in a predefined format (nginx/Apache {@code combined}, Apache {@code common} and
     * {@code vhost_combined}) is recognised as such; with {@code opt.logFormat()} set, content that
     * is no other format is an access log in that format (nginx for {@code $variables}, Apache for
     * {@code %directives}).
     */
    public static ConnectionSource openAuto(Path file, TraceOptions opt) throws IOException {
        BufferedInputStream in = TraceInput.open(file);
        try {
            byte[] head = TraceInput.peek(in);
            String name = file.toString();
            TraceFormat f = unambiguous(head);
            if (f == null && opt.logFormat() != null && !opt.logFormat().isBlank()) {
                String dialect = AccessLogFormats.dialectOf(opt.logFormat());
                if (dialect == null) {
                    throw new IllegalArgumentException("cannot tell whether --log-format is an nginx log_format ($variables) "
                            + "or an Apache LogFormat (%directives): pass --format nginx or --format apache");
                }
                f = dialect.equals("nginx") ? NGINX : APACHE;
            }
            if (f == null) {
                f = detect(head, name);
            }
            return f.openStream(in, name, opt);
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

    /**
     * Opens already-decompressed input in this format. An access log without
     * {@code opt.logFormat()} is read in the predefined format its first lines match (when the
     * stream supports mark/reset), else in {@code combined}.
     */
    public ConnectionSource openStream(InputStream in, String name, TraceOptions opt) throws IOException {
        if ((this == NGINX || this == APACHE) && (opt.logFormat() == null || opt.logFormat().isBlank())
                && in instanceof BufferedInputStream b) {
            AccessLogFormats.Guess g = AccessLogFormats.guess(TraceInput.peek(b), this == NGINX ? "nginx" : "apache");
            if (g != null) {
                opt = opt.withLogFormat(g.name());
            }
        }
        return switch (this) {
            case CSV -> new CsvTraceReader(in, name, opt.onError());
            case NGINX -> org.lvslab.workloads.accesslog.AccessLogReader.nginx(in, name, opt);
            case APACHE -> org.lvslab.workloads.accesslog.AccessLogReader.apache(in, name, opt);
            case CONNTRACK -> new org.lvslab.workloads.conntrack.ConntrackReader(in, name, opt.onError(), opt.maxPending());
            case PCAP -> new org.lvslab.workloads.pcap.PcapReader(in, name, opt);
            case IPVSADM_LCN -> new org.lvslab.workloads.ipvsadm.IpvsConnSnapshotReader(in, name, opt.onError());
            case WC98 -> new org.lvslab.workloads.wc98.Wc98Reader(in, name, opt);
        };
    }

    /** Formats told by magic or a fixed first line (no access logs, no WC98), or null. */
    private static TraceFormat unambiguous(byte[] head) {
        int n = head.length;
        if (n >= 4) {
            int be = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
            if (be == 0xa1b2c3d4 || be == 0xd4c3b2a1 || be == 0xa1b23c4d || be == 0x4d3cb2a1 || be == 0x0a0d0d0a) {
                return PCAP;
            }
        }
        String text = new String(head, 0, Math.min(n, 512), StandardCharsets.ISO_8859_1);
        if (text.startsWith(CsvTrace.MAGIC)) {
            return CSV;
        }
        String t = text.stripLeading();
        if (t.startsWith("IPVS connection entries") || t.startsWith("pro expire state") || t.startsWith("Pro FromIP")) {
            return IPVSADM_LCN;
        }
        if (t.matches("(?s)^\\[\\d+\\.\\d+\\]\\s*\\[(NEW|UPDATE|DESTROY)\\].*") || t.matches("(?s)^\\[(NEW|UPDATE|DESTROY)\\].*")) {
            return CONNTRACK;
        }
        return null;
    }

    /**
     * The format of decompressed content from its first bytes (up to {@link TraceInput#PEEK}).
     * Access logs are recognised only in a predefined format (nginx/Apache {@code combined} →
     * {@link #NGINX}, whose reading is identical; Apache {@code common} or {@code vhost_combined} →
     * {@link #APACHE}); a custom format needs {@code --log-format}.
     */
    public static TraceFormat detect(byte[] head, String name) throws TraceFormatException {
        if (head.length == 0) {
            throw TraceFormatException.whole(name, "empty file: cannot tell the trace format; pass --format "
                    + "(csv, nginx, apache, conntrack, pcap, ipvsadm-lcn, wc98)");
        }
        TraceFormat f = unambiguous(head);
        if (f != null) {
            return f;
        }
        AccessLogFormats.Guess g = AccessLogFormats.guess(head);
        if (g != null) {
            return g.dialect().equals("nginx") ? NGINX : APACHE;
        }
        if (head.length >= 20 && looksLikeWc98(head)) {
            return WC98;
        }
        String t = new String(head, 0, Math.min(head.length, 512), StandardCharsets.ISO_8859_1).stripLeading();
        if (t.matches("(?s)^\\S+ .*\\[\\d{2}/\\w{3}/\\d{4}:.*") || t.matches("(?s)^[0-9a-fA-F:.]+ - .*")
                || t.matches("(?s)^\\d{9,10}\\.\\d{3} .*") || t.matches("(?s)^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*")) {
            throw TraceFormatException.whole(name, "looks like an HTTP access log in a custom format: pass --log-format with "
                    + "the server's log_format (nginx) or LogFormat (Apache) string, and --format nginx or --format apache");
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
