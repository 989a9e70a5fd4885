package org.lvslab.ipvsadm;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.lvslab.ipvs.AddressFamily;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.ServiceFlags;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.ipvs.Timeouts;
import org.lvslab.ipvsadm.ErrnoText.Request;
import org.lvslab.ipvs.DaemonConfig;
import org.lvslab.ipvsadm.kernel.DestEntry;
import org.lvslab.ipvsadm.kernel.IpvsKernel;
import org.lvslab.ipvsadm.kernel.ServiceEntry;
import org.lvslab.ipvsadm.kernel.StatsEntry;
import org.lvslab.ipvsadm.names.InetText;

/**
 * ipvsadm's output formats: the table listing in its views (default, {@code --stats},
 * {@code --rate}, {@code --thresholds}, {@code --persistent-conn}, {@code --tun-info}), the rule
 * format of {@code -S}, the timeout and daemon lines, and the connection listing of {@code -c}.
 * Column widths, truncations (33/28 columns for IPv4 names, 59 characters for any address text)
 * and counter abbreviations are ipvsadm 1.31's.
 */
final class Listing {
    static final int FMT_NONE = 0, FMT_NUMERIC = 0x1, FMT_RULE = 0x2, FMT_STATS = 0x4, FMT_RATE = 0x8,
            FMT_THRESHOLDS = 0x10, FMT_PERSISTENTCONN = 0x20, FMT_NOSORT = 0x40, FMT_EXACT = 0x80,
            FMT_TUN_INFO = 0x100;

    private static final String[] TUN_NAMES = {"ipip", "gue", "gre"};
    private static final String[] TUN_FLAG_TEXT = {"-c", "+c", "r+c"};
    private static final String[] TUN_FLAG_OPTS = {"--tun-nocsum", "--tun-csum", "--tun-remcsum"};

    private final IpvsadmEnv env;
    private final IpvsKernel kernel;
    private final PrintStream out;
    private final PrintStream err;
    private final StringBuilder sb = new StringBuilder(256);

    Listing(IpvsadmEnv env, PrintStream out, PrintStream err) {
        this.env = env;
        this.kernel = env.kernel();
        this.out = out;
        this.err = err;
    }

    private void flushLine() {
        sb.append('\n');
        out.print(sb);
        sb.setLength(0);
    }

    // ---- table --------------------------------------------------------------------------------

    void listAll(int format) {
        if ((format & FMT_RULE) == 0) {
            out.print("IP Virtual Server version 1.2.1 (size=" + kernel.connectionTableSize() + ")\n");
        }
        List<ServiceEntry> services = new ArrayList<>(kernel.services());
        if ((format & FMT_NOSORT) == 0) {
            GlibcMergeSort.sort(services, Listing::compareServices);
        }
        printTitle(format);
        for (ServiceEntry s : services) {
            printService(s, format);
        }
    }

    void listService(ServiceKey key, int format) {
        ServiceEntry s = kernel.service(key);
        if (s == null) {
            out.flush();
            err.print(ErrnoText.message(Request.GET_SERVICE, org.lvslab.ipvs.Errno.ESRCH) + "\n");
            throw new IpvsadmExit(1);
        }
        printTitle(format);
        printService(s, format);
    }

    void listTimeout() {
        Timeouts t = kernel.timeouts();
        out.print("Timeout (tcp tcpfin udp): " + t.tcp() + " " + t.tcpFin() + " " + t.udp() + "\n");
    }

    void listDaemons() {
        for (DaemonConfig d : kernel.daemons()) {
            sb.append(d.state() == DaemonConfig.MASTER ? "master" : "backup").append(" sync daemon (mcast=")
                    .append(d.interfaceName()).append(", syncid=").append(d.syncId());
            if (d.maxLen() != 0) {
                sb.append(", maxlen=").append(Integer.toUnsignedString(d.maxLen()));
            }
            if (d.group() != null) {
                sb.append(", group=").append(d.group());
            }
            if (d.port() != 0) {
                sb.append(", port=").append(d.port());
            }
            if (d.ttl() != 0) {
                sb.append(", ttl=").append(d.ttl());
            }
            sb.append(')');
            flushLine();
        }
    }

    private void printTitle(int format) {
        if ((format & FMT_STATS) != 0) {
            out.print("Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes\n"
                    + "  -> RemoteAddress:Port\n");
        } else if ((format & FMT_RATE) != 0) {
            out.print("Prot LocalAddress:Port                 CPS    InPPS   OutPPS    InBPS   OutBPS\n"
                    + "  -> RemoteAddress:Port\n");
        } else if ((format & FMT_THRESHOLDS) != 0) {
            out.print("Prot LocalAddress:Port            Uthreshold Lthreshold ActiveConn InActConn \n"
                    + "  -> RemoteAddress:Port\n");
        } else if ((format & FMT_PERSISTENTCONN) != 0) {
            out.print("Prot LocalAddress:Port            Weight    PersistConn ActiveConn InActConn \n"
                    + "  -> RemoteAddress:Port\n");
        } else if ((format & FMT_TUN_INFO) != 0) {
            out.print("Prot LocalAddress:Port Scheduler Flags\n"
                    + "  -> RemoteAddress:Port           Forward TunnelInfo    Weight ActiveConn InActConn\n");
        } else if ((format & FMT_RULE) == 0) {
            out.print("Prot LocalAddress:Port Scheduler Flags\n"
                    + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n");
        }
    }

    private String fwmarkText(ServiceEntry s) {
        return env.debianRelease() ? Integer.toString((int) s.fwmark()) : Long.toString(s.fwmark());
    }

    private void printService(ServiceEntry se, int format) {
        List<DestEntry> dests = new ArrayList<>(kernel.dests(se.key()));
        boolean v6 = se.family() == AddressFamily.INET6;
        boolean rule = (format & FMT_RULE) != 0;
        String svcName;
        if (se.fwmark() != 0) {
            svcName = (rule ? "-f " : "FWM  ") + fwmarkText(se) + (v6 ? (rule ? " -6" : " IPv6") : "");
        } else {
            String vname = addrPort(se.family(), se.address(), se.port(), se.protocol(), format);
            if (rule) {
                String stype = switch (se.protocol()) {
                    case Ipvsadm.IPPROTO_TCP -> "-t";
                    case Ipvsadm.IPPROTO_UDP -> "-u";
                    case Ipvsadm.IPPROTO_SCTP -> "--sctp-service";
                    default -> "--xxx-service";
                };
                svcName = stype + " " + vname;
            } else {
                String stype = switch (se.protocol()) {
                    case Ipvsadm.IPPROTO_TCP -> "TCP";
                    case Ipvsadm.IPPROTO_UDP -> "UDP";
                    case Ipvsadm.IPPROTO_SCTP -> "SCTP";
                    default -> "?";
                };
                svcName = padRight(stype, 4) + " " + vname;
                if (!v6 && svcName.length() > 33) {
                    svcName = svcName.substring(0, 33);
                }
            }
        }
        int schedFlags = ServiceFlags.SCHED1 | ServiceFlags.SCHED2 | ServiceFlags.SCHED3;
        boolean persistent = (se.flags() & ServiceFlags.PERSISTENT) != 0;
        if (rule) {
            sb.append("-A ").append(svcName).append(" -s ").append(se.scheduler());
            if (persistent) {
                sb.append(" -p ").append(Integer.toUnsignedString(se.timeoutSeconds()));
                appendMask(sb, se, " -M ");
            }
            if (!se.peName().isEmpty()) {
                sb.append(" --pe ").append(se.peName());
            }
            if ((se.flags() & ServiceFlags.ONEPACKET) != 0) {
                sb.append(" -o");
            }
            if ((se.flags() & schedFlags) != 0) {
                sb.append(" -b ").append(schedFlagList(se));
            }
        } else if ((format & FMT_STATS) != 0) {
            StatsEntry st = se.stats();
            sb.append(padRight(svcName, 33));
            statsColumns(st, format);
        } else if ((format & FMT_RATE) != 0) {
            StatsEntry st = se.stats();
            sb.append(padRight(svcName, 33));
            largenum(st.cps(), format);
            largenum(st.inPps(), format);
            largenum(st.outPps(), format);
            largenum(st.inBps(), format);
            largenum(st.outBps(), format);
        } else {
            sb.append(svcName).append(' ').append(se.scheduler());
            if ((se.flags() & schedFlags) != 0) {
                sb.append(" (").append(schedFlagList(se)).append(')');
            }
            if (persistent) {
                sb.append(" persistent ").append(Integer.toUnsignedString(se.timeoutSeconds()));
                appendMask(sb, se, " mask ");
                if (!se.peName().isEmpty()) {
                    sb.append(" pe ").append(se.peName());
                }
            }
            if ((se.flags() & ServiceFlags.ONEPACKET) != 0) {
                sb.append(" ops");
            }
        }
        flushLine();

        if ((format & FMT_NOSORT) == 0) {
            GlibcMergeSort.sort(dests, Listing::compareDests);
        }
        for (DestEntry e : dests) {
            AddressFamily daf = e.address().family();
            String dname = addrPort(daf, e.address(), e.port(), se.protocol(), format);
            if (!rule && daf != AddressFamily.INET6 && dname.length() > 28) {
                dname = dname.substring(0, 28);
            }
            StatsEntry st = e.stats().truncatedAsDestination();
            if (rule) {
                sb.append("-a ").append(svcName).append(" -r ").append(dname).append(' ')
                        .append(fwdSwitch(e.forwarding())).append(" -w ").append(e.weight());
                if (e.forwarding() == 2) {
                    switch (e.tunnelType()) {
                        case 2 -> sb.append(" --tun-type gre ").append(tunFlagOpt(e.tunnelFlags()));
                        case 1 -> sb.append(" --tun-type gue --tun-port ").append(e.tunnelPort()).append(' ')
                                .append(tunFlagOpt(e.tunnelFlags()));
                        case 0 -> sb.append(" --tun-type ipip");
                        default -> {
                        }
                    }
                }
            } else if ((format & FMT_STATS) != 0) {
                sb.append("  -> ").append(padRight(dname, 28));
                statsColumns(st, format);
            } else if ((format & FMT_RATE) != 0) {
                sb.append("  -> ").append(padRight(dname, 28)).append(' ')
                        .append(padLeft(Long.toUnsignedString(st.cps()), 8)).append(' ')
                        .append(padLeft(Long.toUnsignedString(st.inPps()), 8)).append(' ')
                        .append(padLeft(Long.toUnsignedString(st.outPps()), 8));
                largenum(st.inBps(), format);
                largenum(st.outBps(), format);
            } else if ((format & FMT_THRESHOLDS) != 0) {
                sb.append("  -> ").append(padRight(dname, 28)).append(' ')
                        .append(padRight(u32(e.upperThreshold()), 10)).append(' ')
                        .append(padRight(u32(e.lowerThreshold()), 10)).append(' ')
                        .append(padRight(u32(e.activeConns()), 10)).append(' ')
                        .append(padRight(u32(e.inactiveConns()), 10));
            } else if ((format & FMT_PERSISTENTCONN) != 0) {
                sb.append("  -> ").append(padRight(dname, 28)).append(' ')
                        .append(padRight(u32(e.weight()), 9)).append(' ')
                        .append(padRight(u32(e.persistConns()), 11)).append(' ')
                        .append(padRight(u32(e.activeConns()), 10)).append(' ')
                        .append(padRight(u32(e.inactiveConns()), 10));
            } else if ((format & FMT_TUN_INFO) != 0) {
                sb.append("  -> ").append(padRight(dname, 28)).append(' ')
                        .append(padRight(fwdName(e.forwarding()), 7)).append(' ')
                        .append(padRight(tunInfo(e), 13)).append(' ')
                        .append(padRight(Integer.toString(e.weight()), 6)).append(' ')
                        .append(padRight(u32(e.activeConns()), 10)).append(' ')
                        .append(padRight(u32(e.inactiveConns()), 10));
            } else {
                sb.append("  -> ").append(padRight(dname, 28)).append(' ')
                        .append(padRight(fwdName(e.forwarding()), 7)).append(' ')
                        .append(padRight(Integer.toString(e.weight()), 6)).append(' ')
                        .append(padRight(u32(e.activeConns()), 10)).append(' ')
                        .append(padRight(u32(e.inactiveConns()), 10));
            }
            flushLine();
        }
    }

    /** The five counter columns of {@code --stats}, the same for a service and a real server. */
    private void statsColumns(StatsEntry st, int format) {
        largenum(st.conns(), format);
        largenum(st.inPkts(), format);
        largenum(st.outPkts(), format);
        largenum(st.inBytes(), format);
        largenum(st.outBytes(), format);
    }

    private static void appendMask(StringBuilder sb, ServiceEntry se, String word) {
        if (se.family() == AddressFamily.INET) {
            if (se.netmask() != 0xffffffff) {
                sb.append(word).append(IpAddress.ofV4(se.netmask()));
            }
        } else if (se.netmask() != 128) {
            sb.append(word).append(se.netmask());
        }
    }

    private static String u32(long v) {
        return Long.toString(v & 0xffffffffL);
    }

    private static String tunFlagOpt(int f) {
        return f >= 0 && f < 3 ? TUN_FLAG_OPTS[f] : "(null)";
    }

    private static String fwdName(int fwd) {
        return switch (fwd & 7) {
            case 0 -> "Masq";
            case 1 -> "Local";
            case 2 -> "Tunnel";
            case 3 -> "Route";
            default -> "(null)";
        };
    }

    private static String fwdSwitch(int fwd) {
        return switch (fwd & 7) {
            case 0 -> "-m";
            case 2 -> "-i";
            case 1, 3 -> "-g";
            default -> "(null)";
        };
    }

    private static String tunInfo(DestEntry e) {
        if ((e.forwarding() & 7) != 2) {
            return "n/a";
        }
        String f = e.tunnelFlags() >= 0 && e.tunnelFlags() < 3 ? TUN_FLAG_TEXT[e.tunnelFlags()] : "(null)";
        return switch (e.tunnelType()) {
            case 0 -> "ipip";
            case 1 -> "gue:" + e.tunnelPort() + ":" + f;
            case 2 -> "gre:" + f;
            default -> "n/a";
        };
    }

    private static String schedFlagList(ServiceEntry se) {
        StringBuilder f = new StringBuilder();
        int flags = se.flags();
        switch (se.scheduler()) {
            case "sh", "mh" -> {
                String p = se.scheduler();
                if ((flags & ServiceFlags.SCHED1) != 0) {
                    f.append(p).append("-fallback,");
                }
                if ((flags & ServiceFlags.SCHED2) != 0) {
                    f.append(p).append("-port,");
                }
            }
            default -> {
                if ((flags & ServiceFlags.SCHED1) != 0) {
                    f.append("flag-1,");
                }
                if ((flags & ServiceFlags.SCHED2) != 0) {
                    f.append("flag-2,");
                }
                if ((flags & ServiceFlags.SCHED3) != 0) {
                    f.append("flag-3,");
                }
            }
        }
        if (!f.isEmpty()) {
            f.setLength(f.length() - 1);
        }
        return f.toString();
    }

    /** ipvsadm's {@code print_largenum}: 9 columns, K/M/G/T abbreviation unless {@code --exact}. */
    private void largenum(long x, int format) {
        sb.append(largenum(x, (format & FMT_EXACT) != 0));
    }

    static String largenum(long x, boolean exact) {
        String digits = Long.toUnsignedString(x);
        if (exact) {
            return padLeft(digits, digits.length() <= 8 ? 9 : digits.length() + 1);
        }
        if (Long.compareUnsigned(x, 100_000_000L) < 0) {
            return padLeft(digits, 9);
        } else if (Long.compareUnsigned(x, 1_000_000_000L) < 0) {
            return padLeft(Long.toUnsignedString(Long.divideUnsigned(x, 1000)), 8) + "K";
        } else if (Long.compareUnsigned(x, 100_000_000_000L) < 0) {
            return padLeft(Long.toUnsignedString(Long.divideUnsigned(x, 1_000_000)), 8) + "M";
        } else if (Long.compareUnsigned(x, 100_000_000_000_000L) < 0) {
            return padLeft(Long.toUnsignedString(Long.divideUnsigned(x, 1_000_000_000L)), 8) + "G";
        }
        return padLeft(Long.toUnsignedString(Long.divideUnsigned(x, 1_000_000_000_000L)), 8) + "T";
    }

    // ---- addresses ----------------------------------------------------------------------------

    /**
     * ipvsadm's {@code addrport_to_anyname}: numeric {@code a.b.c.d:port} / {@code [v6]:port},
     * or host and service names when not numeric; cut to 59 characters (its 60-byte buffer).
     */
    String addrPort(AddressFamily af, IpAddress addr, int port, int protocol, int format) {
        String open = af == AddressFamily.INET ? "" : "[";
        String close = af == AddressFamily.INET ? "" : "]";
        String text;
        if ((format & FMT_NUMERIC) != 0) {
            text = open + addr + close + ":" + port;
        } else {
            String host = env.resolver().hostName(addr);
            String proto = Ipvsadm.protocolName(protocol);
            String service = proto == null ? null : env.resolver().serviceName(port, proto);
            text = open + (host != null ? host : addr.toString()) + close + ":" + (service != null ? service : Integer.toString(port));
        }
        return text.length() > 59 ? text.substring(0, 59) : text;
    }

    // ---- sorting (libipvs comparators, 32-bit wrap-around on purpose) -------------------------

    private static int[] words(IpAddress a) {
        if (!a.isV6()) {
            return new int[] {a.v4(), 0, 0, 0};
        }
        return new int[] {(int) (a.hi() >>> 32), (int) a.hi(), (int) (a.lo() >>> 32), (int) a.lo()};
    }

    private static int compareAddresses(boolean firstIsV6, IpAddress a, IpAddress b) {
        if (firstIsV6) {
            int[] wa = words(a);
            int[] wb = words(b);
            int r = 0;
            for (int i = 0; r == 0 && i < 4; i++) {
                r = wa[i] - wb[i];
            }
            return r;
        }
        return words(a)[0] - words(b)[0];
    }

    static int compareServices(ServiceEntry s1, ServiceEntry s2) {
        int r = (int) s1.fwmark() - (int) s2.fwmark();
        if (r != 0) {
            return r;
        }
        r = s1.family().number() - s2.family().number();
        if (r != 0) {
            return r;
        }
        r = s1.protocol() - s2.protocol();
        if (r != 0) {
            return r;
        }
        r = compareAddresses(s1.family() == AddressFamily.INET6, s1.address(), s2.address());
        if (r != 0) {
            return r;
        }
        return s1.port() - s2.port();
    }

    static int compareDests(DestEntry d1, DestEntry d2) {
        int r = compareAddresses(d1.address().isV6(), d1.address(), d2.address());
        if (r != 0) {
            return r;
        }
        return d1.port() - d2.port();
    }

    // ---- connections ---------------------------------------------------------------------------

    void listConnections(int format) {
        String text = kernel.connectionsProcText();
        if (text == null) {
            out.flush();
            err.print("cannot open file /proc/net/ip_vs_conn\n");
            throw new IpvsadmExit(1);
        }
        List<String> lines = procLines(text);
        if (lines.isEmpty()) {
            out.flush();
            err.print("unexpected input from /proc/net/ip_vs_conn\n");
            throw new IpvsadmExit(1);
        }
        out.print("IPVS connection entries\n");
        if ((format & FMT_PERSISTENTCONN) != 0) {
            out.print("pro expire state       source             virtual            destination        pe name          pe_data\n");
        } else {
            out.print("pro expire state       source             virtual            destination\n");
        }
        for (int i = 1; i < lines.size(); i++) {
            printConnection(lines.get(i), format);
        }
    }

    /** Lines as {@code fgets} with a 256-byte buffer reads them (a longer line continues as the next). */
    private static List<String> procLines(String text) {
        List<String> lines = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int nl = text.indexOf('\n', i);
            int end = nl < 0 ? text.length() : nl + 1;
            if (end - i > 255) {
                end = i + 255;
            }
            lines.add(text.substring(i, end));
            i = end;
        }
        return lines;
    }

    private void printConnection(String line, int format) {
        String[] f = line.trim().isEmpty() ? new String[0] : line.trim().split("[ \t\n\r\f\u000b]+");
        if (f.length == 0) {
            out.flush();
            throw new IpvsadmExit(1); // sscanf found nothing: ipvsadm exits silently
        }
        String protocol = f[0];
        int proto = switch (protocol) {
            case "TCP" -> Ipvsadm.IPPROTO_TCP;
            case "UDP" -> Ipvsadm.IPPROTO_UDP;
            case "SCTP" -> Ipvsadm.IPPROTO_SCTP;
            default -> 0;
        };
        String t1 = field(f, 1), t2 = field(f, 3), t3 = field(f, 5);
        int cport = hex16(field(f, 2)), vport = hex16(field(f, 4)), dport = hex16(field(f, 6));
        String state = field(f, 7);
        long expires = f.length > 8 ? decimal(f[8]) : 0;
        AddressFamily af = AddressFamily.INET;
        IpAddress caddr;
        IpAddress vaddr;
        IpAddress v6 = InetText.inetPton6(t1);
        if (v6 != null) {
            af = AddressFamily.INET6;
            caddr = v6;
            IpAddress v = InetText.inetPton6(t2);
            vaddr = v == null ? IpAddress.ofV6(0, 0) : v;
        } else {
            IpAddress v4 = InetText.inetPton4(t1);
            if (v4 != null) {
                caddr = v4;
                IpAddress v = InetText.inetPton4(t2);
                vaddr = v == null ? IpAddress.ofV4(0) : v;
            } else {
                caddr = IpAddress.ofV4((int) hex(t1));
                vaddr = IpAddress.ofV4((int) hex(t2));
            }
        }
        AddressFamily daf = AddressFamily.INET;
        IpAddress daddr = InetText.inetPton6(t3);
        if (daddr != null) {
            daf = AddressFamily.INET6;
        } else {
            daddr = InetText.inetPton4(t3);
            if (daddr == null) {
                daddr = IpAddress.ofV4((int) hex(t3));
            }
        }
        String cname = addrPort(af, caddr, cport, proto, format);
        String vname = addrPort(af, vaddr, vport, proto, format);
        String dname = addrPort(daf, daddr, dport, proto, format);
        int exp = (int) expires;
        String expire = pad2(Integer.toUnsignedLong(exp) / 60) + ":" + pad2(Integer.toUnsignedLong(exp) % 60);
        sb.append(padRight(protocol, 3)).append(' ').append(padRight(expire, 6)).append(' ')
                .append(padRight(state, 11)).append(' ').append(padRight(cname, 18)).append(' ')
                .append(padRight(vname, 18)).append(' ');
        if ((format & FMT_PERSISTENTCONN) != 0 && f.length >= 11) {
            sb.append(padRight(dname, 16)).append(' ').append(padRight(f[9], 18)).append(' ').append(f[10]);
        } else {
            sb.append(dname);
        }
        flushLine();
    }

    private static String field(String[] f, int i) {
        return i < f.length ? f[i] : "";
    }

    private static String pad2(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }

    /** {@code strtoul(s, NULL, 16)} truncated to 32 bits (0 when no digits). */
    private static long hex(String s) {
        long v = 0;
        int i = 0;
        if (s.startsWith("0x") || s.startsWith("0X")) {
            i = 2;
        }
        for (; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0 || s.charAt(i) > 127) {
                break;
            }
            v = (v << 4) | d;
        }
        return v & 0xffffffffL;
    }

    private static int hex16(String s) {
        return (int) (hex(s) & 0xffff);
    }

    private static long decimal(String s) {
        Long v = Ipvsadm.strtol(s.replaceAll("[^0-9+-].*$", ""));
        return v == null ? 0 : v;
    }

    // ---- C printf helpers ---------------------------------------------------------------------

    static String padRight(String s, int width) {
        if (s.length() >= width) {
            return s;
        }
        StringBuilder b = new StringBuilder(width).append(s);
        while (b.length() < width) {
            b.append(' ');
        }
        return b.toString();
    }

    static String padLeft(String s, int width) {
        if (s.length() >= width) {
            return s;
        }
        StringBuilder b = new StringBuilder(width);
        for (int i = s.length(); i < width; i++) {
            b.append(' ');
        }
        return b.append(s).toString();
    }
}
