package org.lvslab.sim.sweep;

import java.util.Locale;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.ForwardingMethod;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceFlags;
import org.lvslab.ipvs.ServiceKey;

/**
 * Writes a configuration the way operators deploy it: an {@code ipvsadm -R} script
 * ({@code ipvsadm -S -n} syntax) and a keepalived {@code virtual_server} block.
 */
public final class Scripts {
    private Scripts() {
    }

    /** The configuration as {@code ipvsadm -R} input. */
    public static String ipvsadm(SweepConfig c) {
        StringBuilder b = new StringBuilder();
        ServiceConfig s = c.service();
        String svc = serviceArg(s.key());
        b.append("-A ").append(svc).append(" -s ").append(s.scheduler());
        String flags = schedFlags(s);
        if (!flags.isEmpty()) {
            b.append(" -b ").append(flags);
        }
        if ((s.flags() & ServiceFlags.PERSISTENT) != 0) {
            b.append(" -p ").append(s.timeoutSeconds());
        }
        b.append('\n');
        for (DestConfig d : c.dests()) {
            b.append("-a ").append(svc).append(" -r ").append(endpoint(d.address(), d.port())).append(' ')
                    .append(method(d.forwarding())).append(" -w ").append(d.weight());
            if (d.upperThreshold() > 0) {
                b.append(" -x ").append(d.upperThreshold());
            }
            if (d.lowerThreshold() > 0) {
                b.append(" -y ").append(d.lowerThreshold());
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The configuration as a keepalived.conf {@code virtual_server} block with TCP health checks. */
    public static String keepalived(SweepConfig c) {
        ServiceConfig s = c.service();
        ServiceKey k = s.key();
        StringBuilder b = new StringBuilder();
        if (k.isFwmark()) {
            b.append("virtual_server fwmark ").append(Integer.toUnsignedString(k.fwmark())).append(" {\n");
        } else {
            b.append("virtual_server ").append(k.address()).append(' ').append(k.port()).append(" {\n");
        }
        b.append("    delay_loop 6\n");
        b.append("    lb_algo ").append(s.scheduler()).append('\n');
        ForwardingMethod m = c.dests().isEmpty() ? ForwardingMethod.MASQ : c.dests().get(0).forwarding();
        b.append("    lb_kind ").append(switch (m) {
            case MASQ -> "NAT";
            case DROUTE -> "DR";
            case TUNNEL -> "TUN";
            default -> "NAT";
        }).append('\n');
        b.append("    protocol ").append(k.protocol() == Protocol.UDP ? "UDP" : k.protocol() == Protocol.SCTP ? "SCTP" : "TCP").append('\n');
        if ((s.flags() & ServiceFlags.PERSISTENT) != 0) {
            b.append("    persistence_timeout ").append(s.timeoutSeconds()).append('\n');
        }
        for (DestConfig d : c.dests()) {
            b.append("\n    real_server ").append(d.address()).append(' ').append(d.port()).append(" {\n");
            b.append("        weight ").append(d.weight()).append('\n');
            b.append("        TCP_CHECK {\n            connect_timeout 3\n        }\n");
            b.append("    }\n");
        }
        b.append("}\n");
        return b.toString();
    }

    private static String schedFlags(ServiceConfig s) {
        String sched = s.scheduler().toLowerCase(Locale.ROOT);
        if (!sched.equals("sh") && !sched.equals("mh")) {
            return "";
        }
        StringBuilder f = new StringBuilder();
        if ((s.flags() & ServiceFlags.SCHED1) != 0) {
            f.append(sched).append("-fallback");
        }
        if ((s.flags() & ServiceFlags.SCHED2) != 0) {
            if (!f.isEmpty()) {
                f.append(',');
            }
            f.append(sched).append("-port");
        }
        return f.toString();
    }

    private static String serviceArg(ServiceKey k) {
        if (k.isFwmark()) {
            return "-f " + Integer.toUnsignedString(k.fwmark());
        }
        String flag = switch (k.protocol()) {
            case TCP -> "-t";
            case UDP -> "-u";
            case SCTP -> "--sctp-service";
        };
        return flag + " " + endpoint(k.address(), k.port());
    }

    private static String endpoint(IpAddress a, int port) {
        return a.isV6() ? "[" + a + "]:" + port : a + ":" + port;
    }

    private static String method(ForwardingMethod m) {
        return switch (m) {
            case MASQ -> "-m";
            case DROUTE -> "-g";
            case TUNNEL -> "-i";
            default -> "-m";
        };
    }
}
