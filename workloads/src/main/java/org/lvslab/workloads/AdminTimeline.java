package org.lvslab.workloads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lvslab.ipvs.AddressFamily;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.ForwardingMethod;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.ServiceKey;

/**
 * The admin timeline text format, one event a line, times non-decreasing:
 *
 * <pre>
 * # TIME  ACTION     SERVICE            [REAL]         [ARGS]
 * 30s     add        tcp 10.0.0.1:80    10.1.0.14:80   weight=2 method=masq upper=0 lower=0
 * 45s     weight     tcp 10.0.0.1:80    10.1.0.14:80   5
 * 60s     drain      tcp 10.0.0.1:80    10.1.0.12:80
 * 90s     fail       tcp 10.0.0.1:80    10.1.0.11:80
 * 120s    remove     tcp 10.0.0.1:80    10.1.0.12:80
 * 150s    thresholds tcp 10.0.0.1:80    10.1.0.13:80   upper=200 lower=150
 * 180s    scheduler  tcp 10.0.0.1:80    mh
 * </pre>
 *
 * A service is {@code tcp|udp|sctp ADDR:PORT} or {@code fwm MARK} / {@code fwm6 MARK}. A real
 * server without a port takes the service's port (as ipvsadm does). Times use {@link TimeText}.
 * Blank lines and {@code #} comments are ignored. A timeline is small, so it is read whole.
 */
public final class AdminTimeline {
    private AdminTimeline() {
    }

    public static List<AdminEvent> read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.getFileName().toString(), r);
        }
    }

    public static List<AdminEvent> parse(String name, String text) throws TraceFormatException {
        try {
            return read(name, new BufferedReader(new StringReader(text)));
        } catch (TraceFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AssertionError(e); // a StringReader does not fail
        }
    }

    public static List<AdminEvent> read(String name, BufferedReader in) throws IOException {
        List<AdminEvent> out = new ArrayList<>();
        String line;
        long n = 0;
        long last = Long.MIN_VALUE;
        while ((line = in.readLine()) != null) {
            n++;
            int hash = line.indexOf('#');
            String body = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (body.isEmpty()) {
                continue;
            }
            AdminEvent e;
            try {
                e = parseLine(body.split("\\s+"));
            } catch (IllegalArgumentException ex) {
                throw TraceFormatException.atLine(name, n, ex.getMessage());
            }
            if (e.timeNs() < last) {
                throw TraceFormatException.atLine(name, n, "time " + TimeText.format(e.timeNs())
                        + " is before the previous event's " + TimeText.format(last) + " (events must be in time order)");
            }
            last = e.timeNs();
            out.add(e);
        }
        return out;
    }

    private static AdminEvent parseLine(String[] f) {
        if (f.length < 3) {
            throw new IllegalArgumentException("expected TIME ACTION SERVICE ..., got \"" + String.join(" ", f) + "\"");
        }
        long t = TimeText.tryParseNs(f[0]);
        if (t < 0) {
            throw new IllegalArgumentException("bad time \"" + f[0] + "\" (e.g. 30s, 1.5m, 250ms)");
        }
        String action = f[1].toLowerCase(Locale.ROOT);
        int[] pos = {2};
        ServiceKey svc = parseService(f, pos);
        if (action.equals("scheduler")) {
            String name = need(f, pos[0]++, "scheduler name");
            done(f, pos[0]);
            return new AdminEvent.SetScheduler(t, svc, name);
        }
        String realText = need(f, pos[0]++, "real server address");
        Endpoint real = Endpoint.tryParse(realText, true);
        if (real == null) {
            throw new IllegalArgumentException("bad real server \"" + realText + "\"");
        }
        if (real.address().family() != svc.family()) {
            throw new IllegalArgumentException("real server " + realText + " is not of the service's address family");
        }
        int port = real.port() == 0 && !realText.endsWith(":0") ? svc.port() : real.port();
        IpAddress ra = real.address();
        switch (action) {
            case "add" -> {
                int weight = 1;
                ForwardingMethod m = ForwardingMethod.MASQ;
                long upper = 0;
                long lower = 0;
                for (int i = pos[0]; i < f.length; i++) {
                    String[] kv = keyValue(f[i]);
                    switch (kv[0]) {
                        case "weight" -> weight = intArg(kv, 0, 65535);
                        case "method" -> m = method(kv[1]);
                        case "upper" -> upper = longArg(kv);
                        case "lower" -> lower = longArg(kv);
                        default -> throw new IllegalArgumentException("unknown add option \"" + kv[0] + "\" (weight, method, upper, lower)");
                    }
                }
                return new AdminEvent.AddServer(t, svc, new DestConfig(ra, port, m, weight, upper, lower, 0, 0, 0));
            }
            case "remove" -> {
                done(f, pos[0]);
                return new AdminEvent.RemoveServer(t, svc, ra, port);
            }
            case "drain" -> {
                done(f, pos[0]);
                return new AdminEvent.Drain(t, svc, ra, port);
            }
            case "fail" -> {
                done(f, pos[0]);
                return new AdminEvent.Fail(t, svc, ra, port);
            }
            case "weight" -> {
                String w = need(f, pos[0]++, "weight");
                done(f, pos[0]);
                return new AdminEvent.SetWeight(t, svc, ra, port, intArg(new String[] {"weight", w}, 0, 65535));
            }
            case "thresholds" -> {
                long upper = 0;
                long lower = 0;
                for (int i = pos[0]; i < f.length; i++) {
                    String[] kv = keyValue(f[i]);
                    switch (kv[0]) {
                        case "upper" -> upper = longArg(kv);
                        case "lower" -> lower = longArg(kv);
                        default -> throw new IllegalArgumentException("unknown thresholds option \"" + kv[0] + "\" (upper, lower)");
                    }
                }
                return new AdminEvent.SetThresholds(t, svc, ra, port, upper, lower);
            }
            default -> throw new IllegalArgumentException("unknown action \"" + f[1]
                    + "\" (add, remove, weight, drain, fail, thresholds, scheduler)");
        }
    }

    private static ServiceKey parseService(String[] f, int[] pos) {
        String kind = need(f, pos[0]++, "service protocol").toLowerCase(Locale.ROOT);
        String arg = need(f, pos[0]++, "service address");
        if (kind.equals("fwm") || kind.equals("fwm6")) {
            long mark;
            try {
                mark = arg.startsWith("0x") ? Long.parseLong(arg.substring(2), 16) : Long.parseLong(arg);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad firewall mark \"" + arg + "\"");
            }
            if (mark <= 0 || mark > 0xffffffffL) {
                throw new IllegalArgumentException("firewall mark must be 1..4294967295: " + arg);
            }
            return ServiceKey.ofFwmark(kind.equals("fwm6") ? AddressFamily.INET6 : AddressFamily.INET, (int) mark);
        }
        Protocol p = protocol(kind);
        Endpoint e = Endpoint.tryParse(arg, false);
        if (e == null) {
            throw new IllegalArgumentException("bad service address \"" + arg + "\" (ADDR:PORT or [V6]:PORT)");
        }
        return ServiceKey.of(p, e.address(), e.port());
    }

    /** tcp, udp or sctp (any case). */
    public static Protocol protocol(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "tcp" -> Protocol.TCP;
            case "udp" -> Protocol.UDP;
            case "sctp" -> Protocol.SCTP;
            default -> throw new IllegalArgumentException("unknown protocol \"" + s + "\" (tcp, udp, sctp, fwm, fwm6)");
        };
    }

    private static ForwardingMethod method(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "masq", "nat" -> ForwardingMethod.MASQ;
            case "route", "dr", "gate" -> ForwardingMethod.DROUTE;
            case "tunnel", "ipip", "tun" -> ForwardingMethod.TUNNEL;
            case "local" -> ForwardingMethod.LOCALNODE;
            default -> throw new IllegalArgumentException("unknown method \"" + s + "\" (masq, route, tunnel, local)");
        };
    }

    private static String need(String[] f, int i, String what) {
        if (i >= f.length) {
            throw new IllegalArgumentException("missing " + what);
        }
        return f[i];
    }

    private static void done(String[] f, int i) {
        if (i < f.length) {
            throw new IllegalArgumentException("unexpected \"" + f[i] + "\"");
        }
    }

    private static String[] keyValue(String s) {
        int eq = s.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected key=value, got \"" + s + "\"");
        }
        return new String[] {s.substring(0, eq).toLowerCase(Locale.ROOT), s.substring(eq + 1)};
    }

    private static int intArg(String[] kv, int min, int max) {
        long v = longArg(kv);
        if (v < min || v > max) {
            throw new IllegalArgumentException(kv[0] + " must be " + min + ".." + max + ": " + kv[1]);
        }
        return (int) v;
    }

    private static long longArg(String[] kv) {
        try {
            long v = Long.parseLong(kv[1]);
            if (v < 0 || v > 0xffffffffL) {
                throw new IllegalArgumentException(kv[0] + " must be 0..4294967295: " + kv[1]);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(kv[0] + " is not a number: \"" + kv[1] + "\"");
        }
    }

    /** The text form of one event (parses back to an equal event). */
    public static String format(AdminEvent e) {
        String svc = formatService(e.service());
        String t = TimeText.format(e.timeNs());
        return switch (e) {
            case AdminEvent.AddServer a -> t + " add " + svc + " " + Endpoint.format(a.dest().address(), a.dest().port())
                    + " weight=" + a.dest().weight() + " method=" + methodName(a.dest().forwarding())
                    + " upper=" + a.dest().upperThreshold() + " lower=" + a.dest().lowerThreshold();
            case AdminEvent.RemoveServer r -> t + " remove " + svc + " " + Endpoint.format(r.real(), r.port());
            case AdminEvent.SetWeight w -> t + " weight " + svc + " " + Endpoint.format(w.real(), w.port()) + " " + w.weight();
            case AdminEvent.Drain d -> t + " drain " + svc + " " + Endpoint.format(d.real(), d.port());
            case AdminEvent.Fail x -> t + " fail " + svc + " " + Endpoint.format(x.real(), x.port());
            case AdminEvent.SetThresholds h -> t + " thresholds " + svc + " " + Endpoint.format(h.real(), h.port())
                    + " upper=" + h.upper() + " lower=" + h.lower();
            case AdminEvent.SetScheduler s -> t + " scheduler " + svc + " " + s.scheduler();
        };
    }

    private static String methodName(ForwardingMethod m) {
        return switch (m) {
            case MASQ -> "masq";
            case DROUTE -> "route";
            case TUNNEL -> "tunnel";
            case LOCALNODE -> "local";
        };
    }

    static String formatService(ServiceKey k) {
        if (k.isFwmark()) {
            return (k.family() == AddressFamily.INET6 ? "fwm6 " : "fwm ") + Integer.toUnsignedString(k.fwmark());
        }
        return k.protocol().name().toLowerCase(Locale.ROOT) + " " + Endpoint.format(k.address(), k.port());
    }
}
