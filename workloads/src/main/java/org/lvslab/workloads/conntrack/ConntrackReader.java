package org.lvslab.workloads.conntrack;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.workloads.AsciiLines;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.ConnectionSource;
import org.lvslab.workloads.PendingConnections;
import org.lvslab.workloads.ReadReport;
import org.lvslab.workloads.TimeText;

/**
 * Connections from {@code conntrack -E -o timestamp} output, e.g.
 *
 * <pre>
 * [1700000000.100000]	    [NEW] tcp      6 120 SYN_SENT src=172.16.0.5 dst=10.0.0.1 sport=40001 dport=80 [UNREPLIED] src=10.1.0.11 dst=172.16.0.5 sport=80 dport=40001
 * [1700000002.300000]	[DESTROY] tcp      6 src=172.16.0.5 dst=10.0.0.1 sport=40001 dport=80 packets=6 bytes=420 src=10.1.0.11 dst=172.16.0.5 sport=80 dport=40001 packets=4 bytes=3120 [ASSURED]
 * </pre>
 *
 * A NEW opens a connection keyed by its original tuple; the DESTROY with the same tuple ends it.
 * The original direction's {@code bytes=} (present with {@code nf_conntrack_acct=1}) is bytes in,
 * the reply's bytes out; when the reply comes from another address or port than the original
 * destination (IPVS or DNAT rewrote it), that address and port are the real server. UPDATE events
 * are not needed. {@code -o extended} (a layer-3 name and number before the protocol), {@code -o id},
 * {@code -o ktimestamp} and other {@code key=value} or {@code [FLAG]} additions are accepted.
 * A DESTROY without its NEW (the flow predates the capture) and protocols other than TCP/UDP/SCTP
 * (ICMP...) are counted as notes; a NEW for a tuple still open means its DESTROY was lost (the
 * kernel drops events when the listener's buffer overflows): the earlier connection ends with an
 * unknown duration, noted. Connections still open at the end have an unknown duration. Times
 * must not go backwards. Time 0 is the first NEW.
 */
public final class ConntrackReader implements ConnectionSource {
    private final InputStream in;
    private final AsciiLines lines;
    private final ReadReport report;
    private final int maxPending;
    private final PendingConnections pending = new PendingConnections();
    private final HashMap<String, PendingConnections.Entry> open = new HashMap<>();
    private long origin = NO_ORIGIN;
    private long last = Long.MIN_VALUE;
    private boolean eof;
    private String problem;

    public ConntrackReader(InputStream in, String name, org.lvslab.workloads.OnError onError) {
        this(in, name, onError, org.lvslab.workloads.TraceOptions.DEFAULT_MAX_PENDING);
    }

    public ConntrackReader(InputStream in, String name, org.lvslab.workloads.OnError onError, int maxPending) {
        this.maxPending = maxPending;
        this.in = in;
        this.lines = new AsciiLines(in, name);
        this.report = new ReadReport(name, onError);
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
    public boolean next(ConnectionRecord into) throws IOException {
        while (true) {
            PendingConnections.Entry e = pending.poll(Long.MAX_VALUE);
            if (e != null) {
                into.copyFrom(e.record);
                into.timeNs(e.startNs - origin);
                into.durationNs(e.aux == 1 && !e.releasedEarly ? e.lastNs - e.startNs : ConnectionRecord.UNKNOWN);
                pending.recycle(e);
                return true;
            }
            if (eof) {
                return false;
            }
            if (!lines.next()) {
                eof = true;
                report.note("connections still open at the end (duration unknown)", open.size());
                for (PendingConnections.Entry o : open.values()) {
                    o.closed = true;
                }
                open.clear();
                continue;
            }
            if (lines.isBlank()) {
                continue;
            }
            while (pending.overLimit(maxPending)) {
                PendingConnections.Entry held = pending.releaseOldestOpen();
                open.remove((String) held.key);
                report.note("connections handed out while still open, because more than --max-pending connections "
                        + "waited behind them (duration unknown; their DESTROY is then counted as without NEW)");
            }
            if (lines.line().startsWith("conntrack v")) {
                // the summary conntrack prints on exit ("... flow events have been shown."), when stderr was kept
                report.note("conntrack summary lines (ignored)");
                continue;
            }
            problem = null;
            if (!event(lines.line())) {
                report.badLine(lines.lineNumber(), problem);
            }
        }
    }

    private boolean fail(String p) {
        problem = p;
        return false;
    }

    private boolean event(String line) {
        String[] t = line.trim().split("\\s+");
        if (t.length < 4) {
            return fail("too few fields for a conntrack event");
        }
        String ts = t[0];
        if (ts.startsWith("[NEW]") || ts.startsWith("[DESTROY]") || ts.startsWith("[UPDATE]")) {
            return fail("no timestamp: record events with conntrack -E -o timestamp");
        }
        if (ts.length() < 3 || ts.charAt(0) != '[' || ts.charAt(ts.length() - 1) != ']') {
            return fail("expected a timestamp like [1700000000.123456], got \"" + ts + "\"");
        }
        long time = TimeText.secondsToNs(ts, 1, ts.length() - 1);
        if (time < 0) {
            return fail("bad timestamp \"" + ts + "\"");
        }
        if (time < last) {
            return fail("time " + ts + " is before the previous event's (events must be in time order)");
        }
        String kind = t[1];
        if (!kind.equals("[NEW]") && !kind.equals("[DESTROY]") && !kind.equals("[UPDATE]")) {
            return fail("unknown event type \"" + kind + "\" (NEW, UPDATE, DESTROY)");
        }
        int l4 = 2;
        if (t[2].equals("ipv4") || t[2].equals("ipv6") || t[2].equals("unknown")) {
            l4 = 4; // -o extended: layer 3 name and number first
            if (t.length < 6) {
                return fail("too few fields for a conntrack event");
            }
        }
        Protocol proto;
        switch (t[l4]) {
            case "tcp" -> proto = Protocol.TCP;
            case "udp" -> proto = Protocol.UDP;
            case "sctp" -> proto = Protocol.SCTP;
            default -> {
                if (!t[l4 + 1].chars().allMatch(Character::isDigit)) {
                    return fail("expected a protocol name and number, got \"" + t[l4] + " " + t[l4 + 1] + "\"");
                }
                last = time;
                report.note("events of protocols other than tcp/udp/sctp (ignored)");
                return true;
            }
        }
        if (kind.equals("[UPDATE]")) {
            last = time;
            return true;
        }
        String[] src = new String[2];
        String[] dst = new String[2];
        int[] sport = {-1, -1};
        int[] dport = {-1, -1};
        long[] bytes = {-1, -1};
        int dir = -1;
        for (int i = l4 + 2; i < t.length; i++) {
            String f = t[i];
            int eq = f.indexOf('=');
            if (eq < 0) {
                continue; // timeout, state, [FLAGS]
            }
            String k = f.substring(0, eq);
            String v = f.substring(eq + 1);
            if (k.equals("src")) {
                dir++;
                if (dir > 1) {
                    return fail("more than two src= tuples");
                }
                src[dir] = v;
                continue;
            }
            if (dir < 0) {
                continue;
            }
            switch (k) {
                case "dst" -> dst[dir] = v;
                case "sport" -> sport[dir] = port(v);
                case "dport" -> dport[dir] = port(v);
                case "bytes" -> {
                    long b = TimeText.scaledDecimal(v, 0, v.length(), 1);
                    if (b < 0) {
                        return fail("bad bytes=\"" + v + "\"");
                    }
                    bytes[dir] = b;
                }
                default -> {
                }
            }
        }
        if (problem != null) {
            return false;
        }
        if (dir < 0 || src[0] == null || dst[0] == null || sport[0] < 0 || dport[0] < 0) {
            return fail("incomplete original tuple (need src= dst= sport= dport=)");
        }
        IpAddress s = IpAddress.tryParse(src[0]);
        IpAddress d = IpAddress.tryParse(dst[0]);
        if (s == null || d == null) {
            return fail("bad address in src=" + src[0] + " dst=" + dst[0]);
        }
        String key = proto.number() + " " + src[0] + " " + sport[0] + " " + dst[0] + " " + dport[0];
        last = time;
        if (kind.equals("[NEW]")) {
            PendingConnections.Entry prev = open.remove(key);
            if (prev != null) {
                // its DESTROY was lost (conntrack -E drops events when its socket buffer overflows:
                // "We have hit ENOBUFS!"); the old flow ended at an unknown time
                prev.closed = true;
                report.note("NEW events for a tuple still open (its DESTROY was lost; the earlier connection's duration is unknown)");
            }
            if (origin == NO_ORIGIN) {
                origin = time;
            }
            PendingConnections.Entry e = pending.open(time);
            e.aux2 = lines.lineNumber();
            e.record.protocol(proto).client(s, sport[0]).vip(d, dport[0]);
            if (dir == 1 && src[1] != null && (!src[1].equals(dst[0]) || sport[1] != dport[0])) {
                IpAddress real = IpAddress.tryParse(src[1]);
                if (real != null && sport[1] >= 0) {
                    e.record.realServer(real, sport[1]);
                }
            }
            e.key = key;
            open.put(key, e);
            return true;
        }
        PendingConnections.Entry e = open.remove(key);
        if (e == null) {
            report.note("DESTROY events without their NEW (flow began before the capture; ignored)");
            return true;
        }
        e.lastNs = time;
        e.aux = 1;
        e.closed = true;
        e.record.bytesIn(bytes[0]).bytesOut(bytes[1]);
        return true;
    }

    private int port(String v) {
        int p = org.lvslab.workloads.Endpoint.parsePort(v);
        if (p < 0) {
            problem = "bad port \"" + v + "\"";
        }
        return p;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
