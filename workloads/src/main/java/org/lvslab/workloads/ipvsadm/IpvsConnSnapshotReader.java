package org.lvslab.workloads.ipvsadm;

import java.io.IOException;
import java.io.InputStream;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.workloads.AsciiLines;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.ConnectionSource;
import org.lvslab.workloads.Endpoint;
import org.lvslab.workloads.OnError;
import org.lvslab.workloads.ReadReport;

/**
 * A connection-table snapshot: {@code ipvsadm -Lcn} output
 * ({@code TCP 14:57  ESTABLISHED 10.0.79.182:54321  10.0.0.1:80  192.168.1.1:80}) or the raw
 * {@code /proc/net/ip_vs_conn} it is printed from (hex addresses and ports, expiry in seconds).
 * Every entry becomes a record at time 0 with its kernel state, the time left on its timer
 * ({@code expireNs}) and its destination as the real server; the duration is unknown. Persistence
 * templates (client port 0; state NONE, or ASSURED once a connection through them was established,
 * as kernel 6.12 prints) are kept: the simulator seeds them as templates. Names instead of
 * numbers ({@code ipvsadm -Lc} without {@code -n}) are bad records.
 */
public final class IpvsConnSnapshotReader implements ConnectionSource {
    private final InputStream in;
    private final AsciiLines lines;
    private final ReadReport report;
    private String problem;

    public IpvsConnSnapshotReader(InputStream in, String name, OnError onError) {
        this.in = in;
        this.lines = new AsciiLines(in, name);
        this.report = new ReadReport(name, onError);
    }

    @Override
    public ReadReport report() {
        return report;
    }

    @Override
    public boolean next(ConnectionRecord r) throws IOException {
        while (lines.next()) {
            String line = lines.line().trim();
            if (line.isEmpty() || line.startsWith("IPVS connection entries") || line.startsWith("pro expire")
                    || line.startsWith("Pro FromIP")) {
                continue;
            }
            problem = null;
            if (parse(line.split("\\s+"), r)) {
                return true;
            }
            report.badLine(lines.lineNumber(), problem);
        }
        return false;
    }

    private boolean fail(String p) {
        problem = p;
        return false;
    }

    private boolean parse(String[] f, ConnectionRecord r) {
        if (f.length < 6) {
            return fail("expected PROTO EXPIRE STATE SOURCE VIRTUAL DESTINATION, got " + f.length + " fields");
        }
        Protocol p = switch (f[0]) {
            case "TCP" -> Protocol.TCP;
            case "UDP" -> Protocol.UDP;
            case "SCTP" -> Protocol.SCTP;
            default -> null;
        };
        if (p == null) {
            return fail("unknown protocol \"" + f[0] + "\"");
        }
        r.clear();
        r.protocol(p).timeNs(0);
        if (f.length >= 9 && isHex(f[2]) && f[2].length() == 4) {
            return proc(f, r); // /proc/net/ip_vs_conn: PRO FROMIP FPRT TOIP TPRT DESTIP DPRT STATE EXPIRES [PE]
        }
        long exp = expire(f[1]);
        if (exp < 0) {
            return fail("bad expire \"" + f[1] + "\" (mm:ss)");
        }
        Endpoint src = Endpoint.tryParse(f[3], false);
        Endpoint vip = Endpoint.tryParse(f[4], false);
        Endpoint dst = Endpoint.tryParse(f[5], false);
        if (src == null || vip == null || dst == null) {
            return fail("bad address:port in \"" + f[3] + " " + f[4] + " " + f[5] + "\" (names? use ipvsadm -Lcn)");
        }
        r.state(f[2]).expireNs(exp * 1_000_000_000L).client(src.address(), src.port()).vip(vip.address(), vip.port())
                .realServer(dst.address(), dst.port());
        return true;
    }

    private boolean proc(String[] f, ConnectionRecord r) {
        IpAddress c = hexAddr(f[1]);
        IpAddress v = hexAddr(f[3]);
        IpAddress d = hexAddr(f[5]);
        int cp = hexPort(f[2]);
        int vp = hexPort(f[4]);
        int dp = hexPort(f[6]);
        if (c == null || v == null || d == null || cp < 0 || vp < 0 || dp < 0) {
            return fail("bad hex address or port in /proc/net/ip_vs_conn line");
        }
        long exp;
        try {
            exp = Long.parseLong(f[8]);
        } catch (NumberFormatException e) {
            return fail("bad expires \"" + f[8] + "\"");
        }
        if (exp < 0) {
            return fail("negative expires");
        }
        r.state(f[7]).expireNs(exp * 1_000_000_000L).client(c, cp).vip(v, vp).realServer(d, dp);
        return true;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static IpAddress hexAddr(String s) {
        if (s.length() == 8 && isHex(s)) {
            return IpAddress.ofV4((int) Long.parseLong(s, 16));
        }
        return s.indexOf(':') >= 0 ? IpAddress.tryParse(s) : null;
    }

    private static int hexPort(String s) {
        return s.length() == 4 && isHex(s) ? Integer.parseInt(s, 16) : -1;
    }

    /** "mm:ss" (minutes may exceed 59) to seconds, or -1. */
    private static long expire(String s) {
        int c = s.indexOf(':');
        if (c <= 0 || c == s.length() - 1) {
            return -1;
        }
        try {
            long m = Long.parseLong(s.substring(0, c));
            long sec = Long.parseLong(s.substring(c + 1));
            return m < 0 || sec < 0 || sec > 59 ? -1 : m * 60 + sec;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
