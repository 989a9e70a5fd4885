package org.lvslab.workloads.accesslog;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.workloads.AsciiLines;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.ConnectionSource;
import org.lvslab.workloads.Endpoint;
import org.lvslab.workloads.PendingConnections;
import org.lvslab.workloads.ReadReport;
import org.lvslab.workloads.TimeText;
import org.lvslab.workloads.TraceOptions;

/**
 * Connections from an nginx or Apache access log.
 *
 * <p>Each line is a request with a start and end time: nginx logs {@code $msec}/{@code $time_local}
 * when the request ends, so start = end − {@code $request_time}; Apache's {@code %t} is when the
 * request arrived, so end = start + {@code %D}/{@code %T}. Without a duration field a request
 * lasts 0 (second-resolution times give second-resolution starts).
 *
 * <p>Keep-alive: requests with the same nginx {@code $connection} serial, or else the same client
 * address and port ({@code $remote_port}, Apache {@code %{remote}p}), are one connection, from its
 * first request's start to its last request's end, with bytes summed; a connection ends when no
 * request arrives for {@link TraceOptions#keepaliveIdleNs()} of log time, or when
 * {@code $connection_requests} is 1 / {@code %k} is 0 again. Without either key every request is
 * its own connection.
 *
 * <p>Order: logs are written at completion, so connections are handed out in start order once
 * the log has advanced {@link TraceOptions#reorderWindowNs()} past their start. A request
 * starting before a connection already handed out is an out-of-order record for the policy.
 *
 * <p>The virtual service is {@code $server_addr:$server_port} / {@code %A:%p} when logged, else
 * the default service of the options; {@code $upstream_addr} (last of a list) is the real server.
 * Time 0 is the start of the earliest connection.
 */
public final class AccessLogReader implements ConnectionSource {
    private final InputStream in;
    private final AsciiLines lines;
    private final LogPattern pattern;
    private final TraceOptions opt;
    private final ReadReport report;
    private final int[] starts;
    private final int[] ends;
    private final PendingConnections pending = new PendingConnections();
    /** Open connections by key, least recently active first. */
    private final LinkedHashMap<Object, PendingConnections.Entry> open = new LinkedHashMap<>(1024, 0.75f, true);
    private final HashMap<String, IpAddress> addrCache = new HashMap<>();
    private final boolean apacheKeepaliveCount;
    private long now = Long.MIN_VALUE;
    private long origin = NO_ORIGIN;
    private boolean eof;
    private String problem;

    /**
     * An nginx log in {@code opt.logFormat()} (a {@code log_format} string or the name
     * {@code combined}/{@code main}); without one, nginx's default {@code combined}.
     */
    public static AccessLogReader nginx(InputStream in, String name, TraceOptions opt) {
        String f = format(opt, "nginx", "combined");
        return new AccessLogReader(in, name, opt, LogPattern.nginx(AccessLogFormats.resolve("nginx", f)), label(opt, f));
    }

    /**
     * An Apache log in {@code opt.logFormat()} (a {@code LogFormat} string or one of the names
     * {@code common}, {@code combined}, {@code combinedio}, {@code vhost_combined}); without one,
     * {@code combined}.
     */
    public static AccessLogReader apache(InputStream in, String name, TraceOptions opt) {
        String f = format(opt, "apache", "combined");
        return new AccessLogReader(in, name, opt, LogPattern.apache(AccessLogFormats.resolve("apache", f)), label(opt, f));
    }

    private static String format(TraceOptions opt, String dialect, String dflt) {
        return opt.logFormat() == null || opt.logFormat().isBlank() ? dflt : opt.logFormat();
    }

    /** How mismatch messages name the format: a predefined name, or "--log-format". */
    private static String label(TraceOptions opt, String f) {
        String r = f.trim();
        return r.matches("[a-z_]+") ? "the " + r + " log format" + (opt.logFormat() == null ? " (pass --log-format if the server uses another)" : "")
                : "the --log-format string";
    }

    private final String formatLabel;
    static final String EARLY = "connections handed out while still open, because more than --max-pending "
            + "connections waited behind them (duration unknown; later requests start a new connection)";

    private AccessLogReader(InputStream in, String name, TraceOptions opt, LogPattern pattern, String formatLabel) {
        this.formatLabel = formatLabel;
        this.in = in;
        this.lines = new AsciiLines(in, name);
        this.pattern = pattern;
        this.opt = opt;
        this.report = new ReadReport(name, opt.onError());
        this.starts = new int[pattern.segments.size()];
        this.ends = new int[pattern.segments.size()];
        this.apacheKeepaliveCount = pattern.dialect.equals("apache");
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
            PendingConnections.Entry e = pending.poll(eof ? Long.MAX_VALUE : safeUpTo());
            if (e != null) {
                emit(e, into);
                return true;
            }
            if (eof) {
                return false;
            }
            while (pending.overLimit(opt.maxPending())) {
                PendingConnections.Entry held = pending.releaseOldestOpen();
                open.remove(held.key);
                report.note(EARLY);
            }
            if (!lines.next()) {
                eof = true;
                for (PendingConnections.Entry o : open.values()) {
                    o.closed = true;
                }
                open.clear();
                continue;
            }
            if (lines.isBlank()) {
                report.note("blank lines ignored");
                continue;
            }
            if (!request(lines.line())) {
                report.badLine(lines.lineNumber(), problem);
            }
        }
    }

    private long safeUpTo() {
        return now == Long.MIN_VALUE ? Long.MIN_VALUE : now - opt.reorderWindowNs();
    }

    private void emit(PendingConnections.Entry e, ConnectionRecord into) {
        if (origin == NO_ORIGIN) {
            origin = e.startNs;
        }
        into.copyFrom(e.record);
        into.timeNs(e.startNs - origin);
        into.durationNs(e.releasedEarly ? ConnectionRecord.UNKNOWN : e.lastNs - e.startNs);
        pending.recycle(e);
    }

    private boolean fail(String p) {
        problem = p;
        return false;
    }

    private boolean request(String line) {
        problem = null;
        String m = pattern.match(line, starts, ends);
        if (m != null) {
            return fail(m.replace("the log format", formatLabel));
        }
        long start = Long.MIN_VALUE;
        long end = Long.MIN_VALUE;
        long dur = -1;
        int durRank = -1; // several duration fields: the finest wins (%D over %{ms}T over %T)
        IpAddress client = null;
        int cport = 0;
        Object connId = null;
        long connReq = -1;
        IpAddress server = null;
        int sport = -1;
        long bin = -1;
        long bout = -1;
        long body = -1;
        Endpoint upstream = null;
        for (int i = 0; i < starts.length; i++) {
            LogPattern.Segment s = pattern.segments.get(i);
            if (!s.isField() || s.field() == LogField.OTHER) {
                continue;
            }
            int a = starts[i];
            int b = ends[i];
            String name = s.name();
            switch (s.field()) {
                case END_EPOCH -> end = time(TimeText.secondsToNs(line, a, b), name, line, a, b);
                case END_CLF -> end = time(LogTime.clf(line, a, b), name, line, a, b);
                case END_ISO -> end = time(LogTime.iso(line, a, b), name, line, a, b);
                case START_CLF_BRACKETED -> start = b - a >= 2 && line.charAt(a) == '[' && line.charAt(b - 1) == ']'
                        ? time(LogTime.clf(line, a + 1, b - 1), name, line, a, b) : time(-1, name, line, a, b);
                case START_EPOCH_S -> start = time(TimeText.scaledDecimal(line, a, b, 1_000_000_000L), name, line, a, b);
                case START_EPOCH_MS -> start = time(TimeText.scaledDecimal(line, a, b, 1_000_000L), name, line, a, b);
                case START_EPOCH_US -> start = time(TimeText.scaledDecimal(line, a, b, 1_000L), name, line, a, b);
                case DURATION_S -> {
                    long v = number(TimeText.secondsToNs(line, a, b), name, line, a, b);
                    if (v >= 0 && 2 > durRank) {
                        dur = v;
                        durRank = 2;
                    }
                }
                case DURATION_US -> {
                    long v = number(TimeText.scaledDecimal(line, a, b, 1_000L), name, line, a, b);
                    if (v >= 0 && 3 > durRank) {
                        dur = v;
                        durRank = 3;
                    }
                }
                case DURATION_MS -> {
                    long v = number(TimeText.scaledDecimal(line, a, b, 1_000_000L), name, line, a, b);
                    if (v >= 0 && 1 > durRank) {
                        dur = v;
                        durRank = 1;
                    }
                }
                case DURATION_WHOLE_S -> {
                    long v = number(TimeText.scaledDecimal(line, a, b, 1_000_000_000L), name, line, a, b);
                    if (v >= 0 && 0 > durRank) {
                        dur = v;
                        durRank = 0;
                    }
                }
                case CLIENT -> {
                    client = addr(line.substring(a, b));
                    if (client == null) {
                        return fail(name + " \"" + line.substring(a, b) + "\" is not a numeric IP address");
                    }
                }
                case CLIENT_PORT -> {
                    if (b == a || (b - a == 1 && line.charAt(a) == '-')) {
                        continue; // not logged (unix socket, or the server had none)
                    }
                    cport = Endpoint.parsePort(line.substring(a, b));
                    if (cport < 0) {
                        return fail(name + " \"" + line.substring(a, b) + "\" is not a port");
                    }
                }
                case CONNECTION_ID -> {
                    long id = number(TimeText.scaledDecimal(line, a, b, 1), name, line, a, b);
                    connId = id < 0 ? null : Long.valueOf(id); // "-": not known, fall back to the client port
                }
                case CONNECTION_REQUESTS -> connReq = number(TimeText.scaledDecimal(line, a, b, 1), name, line, a, b);
                case SERVER_ADDR -> {
                    server = addr(line.substring(a, b));
                    if (server == null) {
                        return fail(name + " \"" + line.substring(a, b) + "\" is not a numeric IP address");
                    }
                }
                case SERVER_PORT -> {
                    if (b - a == 1 && line.charAt(a) == '-') {
                        continue;
                    }
                    sport = Endpoint.parsePort(line.substring(a, b));
                    if (sport < 0) {
                        return fail(name + " \"" + line.substring(a, b) + "\" is not a port");
                    }
                }
                case BYTES_IN -> bin = bytes(line, a, b, name);
                case BYTES_OUT -> bout = bytes(line, a, b, name);
                case BODY_BYTES_OUT -> body = bytes(line, a, b, name);
                case UPSTREAM -> upstream = upstream(line.substring(a, b));
                default -> {
                }
            }
            if (problem != null) {
                return false;
            }
        }
        if (bout == -1) {
            bout = body;
        }
        long d = Math.max(dur, 0);
        if (start == Long.MIN_VALUE) {
            start = end - d;
        } else {
            end = start + d;
        }
        if (start < 0) {
            return fail("request starts before 1970 (duration longer than the time?)");
        }
        if (start < pending.lastPolledStart()) {
            return fail("request starts at " + TimeText.human(start - origin) + ", before connections already handed out ("
                    + TimeText.human(pending.lastPolledStart() - origin) + "): more than the reorder window of "
                    + TimeText.format(opt.reorderWindowNs()) + " out of order (raise --reorder-window)");
        }
        if (end > now) {
            now = end;
        }
        expireIdle();
        Object key = connId != null ? connId : cport != 0 ? client + "|" + cport : null;
        boolean first = connReq >= 0 && connReq == (apacheKeepaliveCount ? 0 : 1);
        PendingConnections.Entry e = key == null ? null : open.get(key);
        if (e != null && first) {
            e.closed = true;
            open.remove(key);
            e = null;
        }
        if (e == null) {
            e = pending.open(start);
            ConnectionRecord r = e.record;
            r.protocol(Protocol.TCP).client(client, cport);
            Endpoint def = opt.defaultService();
            r.vip(server != null ? server : def.address(), sport >= 0 ? sport : def.port());
            r.bytesIn(bin).bytesOut(bout);
            if (upstream != null) {
                r.realServer(upstream.address(), upstream.port());
            }
            e.lastNs = end;
            if (key != null) {
                e.key = key;
                open.put(key, e);
            } else {
                e.closed = true;
            }
        } else {
            pending.startEarlier(e, start);
            e.lastNs = Math.max(e.lastNs, end);
            ConnectionRecord r = e.record;
            r.bytesIn(sum(r.bytesIn(), bin)).bytesOut(sum(r.bytesOut(), bout));
            if (upstream != null && r.realServer() == null) {
                r.realServer(upstream.address(), upstream.port());
            }
        }
        return true;
    }

    private void expireIdle() {
        long limit = now - opt.keepaliveIdleNs();
        Iterator<Map.Entry<Object, PendingConnections.Entry>> it = open.entrySet().iterator();
        while (it.hasNext()) {
            PendingConnections.Entry e = it.next().getValue();
            if (e.lastNs >= limit) {
                break;
            }
            e.closed = true;
            it.remove();
        }
    }

    private static long sum(long a, long b) {
        return a < 0 ? b : b < 0 ? a : a + b;
    }

    private long time(long v, String name, String line, int a, int b) {
        if (v < 0) {
            problem = name + " \"" + line.substring(a, b) + "\" is not a valid time";
        }
        return v;
    }

    private long number(long v, String name, String line, int a, int b) {
        if (v < 0) {
            String t = line.substring(a, b);
            if (t.equals("-")) {
                return -1; // nginx/apache write "-" for an unknown value
            }
            problem = name + " \"" + t + "\" is not a non-negative number";
        }
        return v;
    }

    private long bytes(String line, int a, int b, String name) {
        if (b - a == 1 && line.charAt(a) == '-') {
            return 0; // Apache %b writes "-" for zero bytes
        }
        return number(TimeText.scaledDecimal(line, a, b, 1), name, line, a, b);
    }

    private IpAddress addr(String s) {
        IpAddress a = addrCache.get(s);
        if (a == null) {
            a = IpAddress.tryParse(s);
            if (a != null) {
                if (addrCache.size() > 100_000) {
                    addrCache.clear();
                }
                addrCache.put(s, a);
            }
        }
        return a;
    }

    private Endpoint upstream(String s) {
        if (s.equals("-") || s.isEmpty()) {
            return null;
        }
        int cut = Math.max(s.lastIndexOf(','), s.lastIndexOf(" : ") >= 0 ? s.lastIndexOf(" : ") + 2 : -1);
        String last = s.substring(cut + 1).trim();
        Endpoint e = Endpoint.tryParse(last, false);
        if (e == null) {
            report.note("upstream addresses that are not ADDR:PORT (ignored)");
        }
        return e;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
