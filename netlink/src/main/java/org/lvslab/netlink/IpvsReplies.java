package org.lvslab.netlink;

import java.util.Arrays;
import org.lvslab.ipvs.AddressFamily;
import org.lvslab.ipvs.DaemonConfig;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.ForwardingMethod;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceFlags;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.ipvs.Timeouts;
import org.lvslab.ipvsadm.kernel.DestEntry;
import org.lvslab.ipvsadm.kernel.ServiceEntry;
import org.lvslab.ipvsadm.kernel.StatsEntry;

/**
 * Decodes the attribute nests of IPVS messages: the kernel's replies ({@code ip_vs_genl_fill_service},
 * {@code ip_vs_genl_fill_dest}, {@code ip_vs_genl_fill_stats(64)}, GET_CONFIG/GET_INFO/GET_DAEMON
 * in {@code ip_vs_ctl.c}) and, since requests use the same nests, requests too. Optional
 * attributes that older kernels do not send (ADDR_FAMILY, STATS64, tunnel fields) fall back the
 * way ipvsadm falls back: the service's family, the 32-bit counters, zeros.
 */
public final class IpvsReplies {
    private IpvsReplies() {
    }

    private static AddressFamily family(int number, String what) {
        return switch (number) {
            case 2 -> AddressFamily.INET;
            case 10 -> AddressFamily.INET6;
            default -> throw new NetlinkFormatException(what + ": unknown address family " + number);
        };
    }

    /** An address attribute of up to 16 network-order bytes, read as {@code af}. */
    private static IpAddress address(Attributes a, int type, AddressFamily af, String what) {
        byte[] b = a.bytes(type, what);
        int need = af == AddressFamily.INET6 ? 16 : 4;
        if (b.length < need) {
            throw new NetlinkFormatException(what + " has " + b.length + " bytes, an " + (need == 4 ? "IPv4" : "IPv6")
                    + " address needs " + need);
        }
        return IpAddress.fromBytes(Arrays.copyOf(b, need));
    }

    /** The identity in a service nest: (af, fwmark) or (af, protocol, address, port). */
    public static ServiceKey serviceKey(Attributes s) {
        AddressFamily af = family(s.u16(Ipvs.SVC_ATTR_AF, "service AF"), "service");
        if (s.has(Ipvs.SVC_ATTR_FWMARK)) {
            return ServiceKey.ofFwmark(af, s.u32(Ipvs.SVC_ATTR_FWMARK, "service FWMARK"));
        }
        int proto = s.u16(Ipvs.SVC_ATTR_PROTOCOL, "service PROTOCOL");
        Protocol p;
        try {
            p = Protocol.ofNumber(proto);
        } catch (IllegalArgumentException e) {
            throw new NetlinkFormatException("service with unsupported protocol number " + proto);
        }
        IpAddress addr = address(s, Ipvs.SVC_ATTR_ADDR, af, "service ADDR");
        return new ServiceKey(af, p, addr, s.u16be(Ipvs.SVC_ATTR_PORT, "service PORT"), 0);
    }

    private static int netmask(Attributes s, AddressFamily af) {
        return af == AddressFamily.INET6 ? s.u32(Ipvs.SVC_ATTR_NETMASK, "service NETMASK")
                : s.u32be(Ipvs.SVC_ATTR_NETMASK, "service NETMASK");
    }

    /** A service nest as the kernel reports it (flags include HASHED). */
    public static ServiceEntry service(Attributes s) {
        ServiceKey key = serviceKey(s);
        int protocol = key.isFwmark() ? 0 : key.protocol().number();
        String pe = s.has(Ipvs.SVC_ATTR_PE_NAME) ? s.string(Ipvs.SVC_ATTR_PE_NAME, "service PE_NAME") : "";
        StatsEntry stats = s.has(Ipvs.SVC_ATTR_STATS64) ? stats(s.nested(Ipvs.SVC_ATTR_STATS64, "service STATS64"))
                : s.has(Ipvs.SVC_ATTR_STATS) ? stats(s.nested(Ipvs.SVC_ATTR_STATS, "service STATS")) : StatsEntry.ZERO;
        return new ServiceEntry(key, protocol, s.string(Ipvs.SVC_ATTR_SCHED_NAME, "service SCHED_NAME"), pe,
                s.u32(Ipvs.SVC_ATTR_FLAGS, "service FLAGS"), s.u32(Ipvs.SVC_ATTR_TIMEOUT, "service TIMEOUT"),
                netmask(s, key.family()), stats);
    }

    /** A full service nest (reply or NEW/SET_SERVICE request) as configuration: HASHED dropped. */
    public static ServiceConfig serviceConfig(Attributes s) {
        ServiceEntry e = service(s);
        return toConfig(e);
    }

    public static ServiceConfig toConfig(ServiceEntry e) {
        return new ServiceConfig(e.key(), e.scheduler(), e.flags() & ~ServiceFlags.HASHED, e.timeoutSeconds(), e.netmask(), e.peName());
    }

    /** A real-server nest; {@code serviceFamily} applies when ADDR_FAMILY is absent (kernels before 3.18). */
    public static DestEntry dest(Attributes d, AddressFamily serviceFamily) {
        AddressFamily af = d.has(Ipvs.DEST_ATTR_ADDR_FAMILY)
                ? family(d.u16(Ipvs.DEST_ATTR_ADDR_FAMILY, "dest ADDR_FAMILY"), "real server") : serviceFamily;
        IpAddress addr = address(d, Ipvs.DEST_ATTR_ADDR, af, "dest ADDR");
        StatsEntry stats = d.has(Ipvs.DEST_ATTR_STATS64) ? stats(d.nested(Ipvs.DEST_ATTR_STATS64, "dest STATS64"))
                : d.has(Ipvs.DEST_ATTR_STATS) ? stats(d.nested(Ipvs.DEST_ATTR_STATS, "dest STATS")) : StatsEntry.ZERO;
        return new DestEntry(addr, d.u16be(Ipvs.DEST_ATTR_PORT, "dest PORT"),
                d.u32(Ipvs.DEST_ATTR_FWD_METHOD, "dest FWD_METHOD") & 7, d.u32(Ipvs.DEST_ATTR_WEIGHT, "dest WEIGHT"),
                opt8(d, Ipvs.DEST_ATTR_TUN_TYPE), d.has(Ipvs.DEST_ATTR_TUN_PORT) ? d.u16be(Ipvs.DEST_ATTR_TUN_PORT, "dest TUN_PORT") : 0,
                d.has(Ipvs.DEST_ATTR_TUN_FLAGS) ? d.u16(Ipvs.DEST_ATTR_TUN_FLAGS, "dest TUN_FLAGS") : 0,
                optU32(d, Ipvs.DEST_ATTR_U_THRESH), optU32(d, Ipvs.DEST_ATTR_L_THRESH),
                optU32(d, Ipvs.DEST_ATTR_ACTIVE_CONNS), optU32(d, Ipvs.DEST_ATTR_INACT_CONNS),
                optU32(d, Ipvs.DEST_ATTR_PERSIST_CONNS), stats);
    }

    public static DestConfig destConfig(Attributes d, AddressFamily serviceFamily) {
        return toConfig(dest(d, serviceFamily));
    }

    public static DestConfig toConfig(DestEntry e) {
        return new DestConfig(e.address(), e.port(), ForwardingMethod.ofCode(e.forwarding()), e.weight(),
                e.upperThreshold(), e.lowerThreshold(), e.tunnelType(), e.tunnelPort(), e.tunnelFlags());
    }

    private static int opt8(Attributes a, int type) {
        return a.has(type) ? a.u8(type, "attribute " + type) : 0;
    }

    private static long optU32(Attributes a, int type) {
        return a.has(type) ? Integer.toUnsignedLong(a.u32(type, "attribute " + type)) : 0;
    }

    /** A STATS (mixed widths) or STATS64 nest; PAD attributes are skipped, missing counters are 0. */
    public static StatsEntry stats(Attributes s) {
        long[] v = new long[10];
        for (int t = Ipvs.STATS_ATTR_CONNS; t <= Ipvs.STATS_ATTR_OUTBPS; t++) {
            if (s.has(t)) {
                v[t - 1] = s.counter(t, "stats attribute " + t);
            }
        }
        return new StatsEntry(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }

    /** The GET_CONFIG reply's (top-level) timeouts; an absent one reads as 0. */
    public static Timeouts timeouts(Attributes top) {
        return new Timeouts(optInt(top, Ipvs.CMD_ATTR_TIMEOUT_TCP), optInt(top, Ipvs.CMD_ATTR_TIMEOUT_TCP_FIN),
                optInt(top, Ipvs.CMD_ATTR_TIMEOUT_UDP));
    }

    private static int optInt(Attributes a, int type) {
        return a.has(type) ? a.u32(type, "attribute " + type) : 0;
    }

    public static IpvsInfo info(Attributes top) {
        return new IpvsInfo(top.u32(Ipvs.INFO_ATTR_VERSION, "INFO VERSION"), top.u32(Ipvs.INFO_ATTR_CONN_TAB_SIZE, "INFO CONN_TAB_SIZE"));
    }

    /** A DAEMON nest (GET_DAEMON reply or NEW_DAEMON request). */
    public static DaemonConfig daemon(Attributes d) {
        IpAddress group = null;
        if (d.has(Ipvs.DAEMON_ATTR_MCAST_GROUP6)) {
            group = address(d, Ipvs.DAEMON_ATTR_MCAST_GROUP6, AddressFamily.INET6, "daemon MCAST_GROUP6");
        } else if (d.has(Ipvs.DAEMON_ATTR_MCAST_GROUP)) {
            group = address(d, Ipvs.DAEMON_ATTR_MCAST_GROUP, AddressFamily.INET, "daemon MCAST_GROUP");
        }
        return new DaemonConfig(d.u32(Ipvs.DAEMON_ATTR_STATE, "daemon STATE"), d.string(Ipvs.DAEMON_ATTR_MCAST_IFN, "daemon MCAST_IFN"),
                d.u32(Ipvs.DAEMON_ATTR_SYNC_ID, "daemon SYNC_ID"),
                d.has(Ipvs.DAEMON_ATTR_SYNC_MAXLEN) ? d.u16(Ipvs.DAEMON_ATTR_SYNC_MAXLEN, "daemon SYNC_MAXLEN") : 0, group,
                d.has(Ipvs.DAEMON_ATTR_MCAST_PORT) ? d.u16(Ipvs.DAEMON_ATTR_MCAST_PORT, "daemon MCAST_PORT") : 0,
                opt8(d, Ipvs.DAEMON_ATTR_MCAST_TTL));
    }

    /** The family id in a CTRL_CMD_NEWFAMILY reply. */
    public static int familyId(NetlinkMessage m) {
        return m.attributes().u16(Netlink.CTRL_ATTR_FAMILY_ID, "CTRL_ATTR_FAMILY_ID");
    }
}
