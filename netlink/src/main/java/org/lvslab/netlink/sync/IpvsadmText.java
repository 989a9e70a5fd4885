package org.lvslab.netlink.sync;

import org.lvslab.ipvs.AddressFamily;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.ForwardingMethod;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceFlags;
import org.lvslab.ipvs.ServiceKey;

/**
 * Configurations as ipvsadm arguments (numeric, in the spirit of {@code ipvsadm -S -n}), such
 * that running them with ipvsadm produces exactly that configuration: service rules carry every
 * field {@code -A}/{@code -E} would otherwise reset, real-server rules carry thresholds too
 * (which {@code -S} leaves out).
 */
public final class IpvsadmText {
    private IpvsadmText() {
    }

    static String hostPort(IpAddress a, int port) {
        return (a.isV6() ? "[" + a + "]" : a.toString()) + ":" + port;
    }

    /** {@code -t 10.0.0.1:80}, {@code -u [fd00::1]:53}, {@code --sctp-service …}, {@code -f 1 -6}. */
    public static String service(ServiceKey k) {
        if (k.isFwmark()) {
            return "-f " + Integer.toUnsignedString(k.fwmark()) + (k.family() == AddressFamily.INET6 ? " -6" : "");
        }
        String opt = switch (k.protocol()) {
            case TCP -> "-t";
            case UDP -> "-u";
            case SCTP -> "--sctp-service";
        };
        return opt + " " + hostPort(k.address(), k.port());
    }

    /** The arguments of {@code -A}/{@code -E} after the service: scheduler, persistence, PE, flags. */
    public static String serviceOptions(ServiceConfig c) {
        StringBuilder sb = new StringBuilder();
        sb.append("-s ").append(c.scheduler());
        int f = c.flags();
        if ((f & ServiceFlags.PERSISTENT) != 0) {
            sb.append(" -p ").append(c.timeoutSeconds());
        }
        boolean v6 = c.key().family() == AddressFamily.INET6;
        int defaultMask = v6 ? 128 : 0xFFFFFFFF;
        if (c.netmask() != defaultMask) {
            sb.append(" -M ").append(v6 ? Integer.toString(c.netmask()) : IpAddress.ofV4(c.netmask()).toString());
        }
        if (!c.peName().isEmpty()) {
            sb.append(" --pe ").append(c.peName());
        }
        if ((f & ServiceFlags.ONEPACKET) != 0) {
            sb.append(" -o");
        }
        String flags = schedulerFlags(c.scheduler(), f);
        if (!flags.isEmpty()) {
            sb.append(" -b ").append(flags);
        }
        return sb.toString();
    }

    private static String schedulerFlags(String sched, int f) {
        String prefix = sched.equals("sh") || sched.equals("mh") ? sched : null;
        StringBuilder sb = new StringBuilder();
        if ((f & ServiceFlags.SCHED1) != 0) {
            sb.append(prefix != null ? prefix + "-fallback" : "flag-1");
        }
        if ((f & ServiceFlags.SCHED2) != 0) {
            sb.append(sb.isEmpty() ? "" : ",").append(prefix != null ? prefix + "-port" : "flag-2");
        }
        if ((f & ServiceFlags.SCHED3) != 0) {
            sb.append(sb.isEmpty() ? "" : ",").append("flag-3");
        }
        return sb.toString();
    }

    /** {@code -r ADDR:PORT -m -w 2 [-x U -y L] [tunnel options]}. */
    public static String destOptions(DestConfig d) {
        StringBuilder sb = new StringBuilder();
        sb.append("-r ").append(hostPort(d.address(), d.port())).append(' ');
        sb.append(switch (d.forwarding()) {
            case MASQ -> "-m";
            case TUNNEL -> "-i";
            case DROUTE, LOCALNODE -> "-g";
        });
        sb.append(" -w ").append(d.weight());
        if (d.upperThreshold() != 0) {
            sb.append(" -x ").append(d.upperThreshold());
        }
        if (d.lowerThreshold() != 0) {
            sb.append(" -y ").append(d.lowerThreshold());
        }
        if (d.forwarding() == ForwardingMethod.TUNNEL) {
            switch (d.tunnelType()) {
                case 1 -> sb.append(" --tun-type gue --tun-port ").append(d.tunnelPort()).append(' ').append(csum(d.tunnelFlags()));
                case 2 -> sb.append(" --tun-type gre ").append(csum(d.tunnelFlags()));
                default -> sb.append(" --tun-type ipip");
            }
        }
        return sb.toString();
    }

    private static String csum(int flags) {
        return switch (flags) {
            case 1 -> "--tun-csum";
            case 2 -> "--tun-remcsum";
            default -> "--tun-nocsum";
        };
    }
}
