package org.lvslab.ipvsadm.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lvslab.engine.EventLoop;
import org.lvslab.engine.RandomStreams;
import org.lvslab.ipvs.AddressFamily;
import org.lvslab.ipvs.DaemonConfig;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.Errno;
import org.lvslab.ipvs.ForwardingMethod;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceFlags;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.ipvs.Timeouts;
import org.lvslab.ipvs.VirtualService;
import org.lvslab.ipvs.sched.SchedulerRegistry;

/**
 * The state file's text format, version 1 (one record per line, blank-separated fields, no
 * quoting: every value is a number, an address or a kernel name without blanks):
 *
 * <pre>
 * lvslab-ipvsadm-state 1
 * kernel 6.12.117
 * hz 250
 * timeouts 900 120 300
 * sysctl NAME VALUE                    (every IPVS sysctl)
 * interface NAME MTU
 * daemon STATE IFNAME SYNCID MAXLEN GROUP PORT TTL
 * service tcp|udp|sctp ADDRESS PORT SCHED FLAGS TIMEOUT NETMASK PE
 * service fwmark4|fwmark6 MARK SCHED FLAGS TIMEOUT NETMASK PE
 * dest ADDRESS PORT FWD WEIGHT LASTWEIGHT UPPER LOWER TUNTYPE TUNPORT TUNFLAGS
 * end
 * </pre>
 *
 * Services appear in the table's order, each followed by its real servers in kernel list order
 * (newest first); PE "-" means none; FLAGS exclude HASHED; TIMEOUT is in seconds. Restoring
 * replays the configuration through the table's own control path (oldest real server first, so
 * the list order comes out the same; a zero weight with a remembered last weight is an add with
 * the last weight and an edit to zero), so the restored table is what the kernel would hold.
 * Counters and connections are not kept.
 */
public final class StateCodec {
    public static final String MAGIC = "lvslab-ipvsadm-state";
    public static final int VERSION = 1;

    private StateCodec() {
    }

    /** A fresh, empty table for {@code version} (HZ 250, seed 0). */
    public static IpvsTable newTable(KernelVersion version) {
        return new IpvsTable(new EventLoop(), KernelProfile.of(version), SchedulerRegistry.load(), 250, new RandomStreams(0));
    }

    public static String encode(IpvsTable t) {
        StringBuilder sb = new StringBuilder(512);
        sb.append(MAGIC).append(' ').append(VERSION).append('\n');
        sb.append("kernel ").append(t.profile().version()).append('\n');
        sb.append("hz ").append(t.hz()).append('\n');
        Timeouts to = t.timeouts();
        sb.append("timeouts ").append(to.tcp()).append(' ').append(to.tcpFin()).append(' ').append(to.udp()).append('\n');
        for (Map.Entry<String, Long> e : t.sysctls().all().entrySet()) {
            sb.append("sysctl ").append(e.getKey()).append(' ').append(e.getValue()).append('\n');
        }
        for (Map.Entry<String, Integer> e : t.interfaces().entrySet()) {
            sb.append("interface ").append(e.getKey()).append(' ').append(e.getValue()).append('\n');
        }
        for (int state : new int[] {DaemonConfig.MASTER, DaemonConfig.BACKUP}) {
            DaemonConfig d = t.daemon(state);
            if (d != null) {
                sb.append("daemon ").append(d.state()).append(' ').append(d.interfaceName()).append(' ')
                        .append(d.syncId()).append(' ').append(Integer.toUnsignedString(d.maxLen())).append(' ')
                        .append(d.group() == null ? "-" : d.group().toString()).append(' ').append(d.port()).append(' ')
                        .append(d.ttl()).append('\n');
            }
        }
        for (VirtualService s : t.services()) {
            ServiceKey k = s.key();
            sb.append("service ");
            if (k.isFwmark()) {
                sb.append(k.family() == AddressFamily.INET6 ? "fwmark6 " : "fwmark4 ").append(Integer.toUnsignedString(k.fwmark()));
            } else {
                sb.append(k.protocol().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(k.address()).append(' ').append(k.port());
            }
            sb.append(' ').append(s.schedulerName()).append(' ').append(s.flags() & ~ServiceFlags.HASHED)
                    .append(' ').append(s.timeoutJiffies() / t.hz()).append(' ').append(Integer.toUnsignedString(s.netmask()))
                    .append(' ').append(s.peName().isEmpty() ? "-" : s.peName()).append('\n');
            for (RealServer d : s.dests()) {
                sb.append("dest ").append(d.address()).append(' ').append(d.port()).append(' ')
                        .append(d.forwarding().code()).append(' ').append(d.weight()).append(' ').append(d.lastWeight())
                        .append(' ').append(d.upperThreshold()).append(' ').append(d.lowerThreshold()).append(' ')
                        .append(d.tunnelType()).append(' ').append(d.tunnelPort()).append(' ').append(d.tunnelFlags())
                        .append('\n');
            }
        }
        sb.append("end\n");
        return sb.toString();
    }

    private record PendingService(int line, ServiceConfig config, List<PendingDest> dests) {
    }

    private record PendingDest(int line, DestConfig config, int lastWeight) {
    }

    /**
     * Rebuilds the table that {@code text} describes. {@code kernelOverride} (may be null) asks
     * for another kernel than the recorded one: the configuration is then replayed into that kernel.
     */
    public static IpvsTable decode(String text, String file, KernelVersion kernelOverride) throws StateException {
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].startsWith(MAGIC + " ")) {
            throw new StateException(file + ":1: not an lvslab ipvsadm state file (expected '" + MAGIC + " " + VERSION + "')");
        }
        int version;
        try {
            version = Integer.parseInt(lines[0].substring(MAGIC.length() + 1).trim());
        } catch (NumberFormatException e) {
            throw new StateException(file + ":1: bad format version '" + lines[0].substring(MAGIC.length() + 1) + "'");
        }
        if (version > VERSION) {
            throw new StateException(file + ": written by a newer lvslab (state format " + version
                    + "; this lvslab reads format " + VERSION + "); upgrade lvslab or remove the file");
        }
        if (version < 1) {
            throw new StateException(file + ":1: bad format version " + version);
        }
        KernelVersion kernel = null;
        int hz = 250;
        int[] timeouts = null;
        List<String[]> sysctls = new ArrayList<>();
        List<String[]> ifaces = new ArrayList<>();
        List<DaemonConfig> daemons = new ArrayList<>();
        List<PendingService> services = new ArrayList<>();
        boolean ended = false;
        for (int i = 1; i < lines.length; i++) {
            int ln = i + 1;
            String line = lines[i];
            if (line.isEmpty() && i == lines.length - 1) {
                break;
            }
            if (ended) {
                throw new StateException(file + ":" + ln + ": text after 'end'");
            }
            String[] f = line.split(" ");
            try {
                switch (f[0]) {
                    case "kernel" -> {
                        need(f, 2, file, ln);
                        kernel = KernelVersion.parse(f[1]);
                    }
                    case "hz" -> {
                        need(f, 2, file, ln);
                        hz = Integer.parseInt(f[1]);
                    }
                    case "timeouts" -> {
                        need(f, 4, file, ln);
                        timeouts = new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3])};
                    }
                    case "sysctl" -> {
                        need(f, 3, file, ln);
                        Long.parseLong(f[2]);
                        sysctls.add(new String[] {f[1], f[2], Integer.toString(ln)});
                    }
                    case "interface" -> {
                        need(f, 3, file, ln);
                        Integer.parseInt(f[2]);
                        ifaces.add(f);
                    }
                    case "daemon" -> {
                        need(f, 8, file, ln);
                        daemons.add(new DaemonConfig(Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]),
                                Integer.parseUnsignedInt(f[4]), f[5].equals("-") ? null : IpAddress.parse(f[5]),
                                Integer.parseInt(f[6]), Integer.parseInt(f[7])));
                    }
                    case "service" -> services.add(service(f, file, ln));
                    case "dest" -> {
                        if (services.isEmpty()) {
                            throw new StateException(file + ":" + ln + ": real server before any service");
                        }
                        need(f, 11, file, ln);
                        DestConfig d = new DestConfig(IpAddress.parse(f[1]), port(f[2]),
                                ForwardingMethod.ofCode(Integer.parseInt(f[3])), Integer.parseInt(f[4]),
                                Long.parseLong(f[6]), Long.parseLong(f[7]), Integer.parseInt(f[8]),
                                Integer.parseInt(f[9]), Integer.parseInt(f[10]));
                        services.get(services.size() - 1).dests().add(new PendingDest(ln, d, Integer.parseInt(f[5])));
                    }
                    case "end" -> ended = true;
                    default -> throw new StateException(file + ":" + ln + ": unknown record '" + f[0] + "'");
                }
            } catch (IllegalArgumentException e) {
                throw new StateException(file + ":" + ln + ": bad value in '" + line + "' (" + e.getMessage() + ")");
            }
        }
        if (!ended) {
            throw new StateException(file + ": truncated (no 'end' line)");
        }
        if (kernel == null) {
            throw new StateException(file + ": no 'kernel' line");
        }
        KernelVersion v = kernelOverride != null ? kernelOverride : kernel;
        IpvsTable t;
        try {
            t = new IpvsTable(new EventLoop(), KernelProfile.of(v), SchedulerRegistry.load(), hz, new RandomStreams(0));
        } catch (IllegalArgumentException e) {
            throw new StateException(file + ": bad hz " + hz);
        }
        for (String[] s : sysctls) {
            if (!t.sysctls().isKnown(s[0])) {
                throw new StateException(file + ":" + s[2] + ": unknown sysctl '" + s[0] + "'");
            }
            t.sysctls().set(s[0], Long.parseLong(s[1]));
        }
        for (String[] f : ifaces) {
            t.defineInterface(f[1], Integer.parseInt(f[2]));
        }
        if (timeouts != null) {
            check(t.setTimeouts(timeouts[0], timeouts[1], timeouts[2]), file, "timeouts", v);
        }
        for (PendingService ps : services) {
            check(t.addService(ps.config()), file + ":" + ps.line(), "service", v);
            List<PendingDest> ds = ps.dests();
            for (int i = ds.size() - 1; i >= 0; i--) {
                PendingDest pd = ds.get(i);
                DestConfig d = pd.config();
                boolean remembered = d.weight() == 0 && pd.lastWeight() != 0;
                check(t.addDest(ps.config().key(), remembered ? d.withWeight(pd.lastWeight()) : d), file + ":" + pd.line(), "real server", v);
                if (remembered) {
                    check(t.editDest(ps.config().key(), d), file + ":" + pd.line(), "real server", v);
                }
            }
        }
        for (DaemonConfig d : daemons) {
            check(t.startDaemon(d), file, "sync daemon", v);
        }
        return t;
    }

    private static void check(int errno, String where, String what, KernelVersion v) throws StateException {
        if (errno != Errno.OK) {
            throw new StateException(where + ": cannot restore " + what + " into the kernel " + v + " table (errno " + errno + ")");
        }
    }

    private static void need(String[] f, int n, String file, int ln) throws StateException {
        if (f.length != n) {
            throw new StateException(file + ":" + ln + ": '" + f[0] + "' needs " + (n - 1) + " fields, has " + (f.length - 1));
        }
    }

    private static int port(String s) {
        int p = Integer.parseInt(s);
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("port out of range");
        }
        return p;
    }

    private static PendingService service(String[] f, String file, int ln) throws StateException {
        ServiceKey key;
        int i;
        if (f.length > 1 && f[1].startsWith("fwmark")) {
            need(f, 8, file, ln);
            AddressFamily af = switch (f[1]) {
                case "fwmark4" -> AddressFamily.INET;
                case "fwmark6" -> AddressFamily.INET6;
                default -> throw new IllegalArgumentException("unknown service kind " + f[1]);
            };
            int mark = Integer.parseUnsignedInt(f[2]);
            if (mark == 0) {
                throw new IllegalArgumentException("fwmark 0");
            }
            key = ServiceKey.ofFwmark(af, mark);
            i = 3;
        } else {
            need(f, 9, file, ln);
            Protocol p = switch (f[1]) {
                case "tcp" -> Protocol.TCP;
                case "udp" -> Protocol.UDP;
                case "sctp" -> Protocol.SCTP;
                default -> throw new IllegalArgumentException("unknown protocol " + f[1]);
            };
            key = ServiceKey.of(p, IpAddress.parse(f[2]), port(f[3]));
            i = 4;
        }
        ServiceConfig c = new ServiceConfig(key, f[i], Integer.parseInt(f[i + 1]), Integer.parseInt(f[i + 2]),
                Integer.parseUnsignedInt(f[i + 3]), f[i + 4].equals("-") ? "" : f[i + 4]);
        return new PendingService(ln, c, new ArrayList<>());
    }
}
