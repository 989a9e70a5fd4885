package org.lvslab.netlink;

import java.util.Arrays;
import org.lvslab.ipvs.AddressFamily;
import org.lvslab.ipvs.DaemonConfig;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.ForwardingMethod;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.ipvs.Timeouts;

/**
 * Builds the request messages of the IPVS family for one resolved family id. The layout is the
 * one ipvsadm 1.31 with libnl 3.7 sends (attribute order, 16-byte addresses, nests flagged
 * NLA_F_NESTED), so the kernel sees exactly what it sees from ipvsadm:
 * <ul>
 * <li>NEW/SET_SERVICE carry the complete service (the kernel requires SCHED_NAME, FLAGS with
 * mask 0xffffffff, TIMEOUT and NETMASK for them; {@code ip_vs_genl_parse_service}).</li>
 * <li>Commands that only name a service (NEW/SET/DEL_DEST, DEL_SERVICE, ZERO, GET_SERVICE) carry
 * the identity padded like ipvsadm's (empty scheduler, flags 0, timeout 0, full netmask); the
 * kernel ignores everything but the identity there. GET_DEST carries the bare identity.</li>
 * <li>Real-server nests are always complete (DEL_DEST too, as ipvsadm sends them).</li>
 * </ul>
 * "Do" requests ask for an ACK (flags 0x0005), dumps add NLM_F_DUMP (0x0305).
 */
public final class IpvsRequests {
    private static final int DO = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK;
    private static final int DUMP = DO | Netlink.NLM_F_DUMP;
    private static final int FULL_MASK = 0xFFFFFFFF;

    private final int familyId;
    private final boolean nestedFlag;

    public IpvsRequests(int familyId) {
        this(familyId, true);
    }

    /** {@code nestedFlag = false} builds nests without NLA_F_NESTED (as libnl before 3.5 and moby/ipvs do). */
    public IpvsRequests(int familyId, boolean nestedFlag) {
        if (familyId < Netlink.GENL_ID_CTRL || familyId > 0xFFFF) {
            throw new IllegalArgumentException("not a generic-netlink family id: " + familyId);
        }
        this.familyId = familyId;
        this.nestedFlag = nestedFlag;
    }

    public int familyId() {
        return familyId;
    }

    /** CTRL_CMD_GETFAMILY for {@code name} to the controller (id 0x10). */
    public static byte[] getFamily(int seq, String name) {
        return new MessageWriter(Netlink.GENL_ID_CTRL, DO, seq, 0).genl(Netlink.CTRL_CMD_GETFAMILY, Netlink.GENL_VERSION)
                .string(Netlink.CTRL_ATTR_FAMILY_NAME, name).finish();
    }

    private MessageWriter start(int cmd, int flags, int seq) {
        return new MessageWriter(familyId, flags, seq, 0, nestedFlag).genl(cmd, Netlink.GENL_VERSION);
    }

    // ---- services --------------------------------------------------------------------------

    public byte[] newService(int seq, ServiceConfig c) {
        return fullService(start(Ipvs.CMD_NEW_SERVICE, DO, seq), c).finish();
    }

    /** SET_SERVICE: every field is replaced (flags with mask 0xffffffff; an empty PE removes the PE). */
    public byte[] editService(int seq, ServiceConfig c) {
        return fullService(start(Ipvs.CMD_SET_SERVICE, DO, seq), c).finish();
    }

    public byte[] deleteService(int seq, ServiceKey key) {
        return paddedIdentity(start(Ipvs.CMD_DEL_SERVICE, DO, seq), key).finish();
    }

    /** GET_SERVICE for one service ("do"): one service message, then the ACK; ESRCH if missing. */
    public byte[] getService(int seq, ServiceKey key) {
        return paddedIdentity(start(Ipvs.CMD_GET_SERVICE, DO, seq), key).finish();
    }

    public byte[] dumpServices(int seq) {
        return start(Ipvs.CMD_GET_SERVICE, DUMP, seq).finish();
    }

    // ---- real servers ----------------------------------------------------------------------

    public byte[] newDest(int seq, ServiceKey service, DestConfig d) {
        return dest(paddedIdentity(start(Ipvs.CMD_NEW_DEST, DO, seq), service), d).finish();
    }

    public byte[] editDest(int seq, ServiceKey service, DestConfig d) {
        return dest(paddedIdentity(start(Ipvs.CMD_SET_DEST, DO, seq), service), d).finish();
    }

    /** DEL_DEST; only address, port and family of {@code d} matter to the kernel. */
    public byte[] deleteDest(int seq, ServiceKey service, DestConfig d) {
        return dest(paddedIdentity(start(Ipvs.CMD_DEL_DEST, DO, seq), service), d).finish();
    }

    /** DEL_DEST with ipvsadm's defaults for the fields that do not matter (direct routing, weight 1). */
    public byte[] deleteDest(int seq, ServiceKey service, IpAddress address, int port) {
        return deleteDest(seq, service, DestConfig.of(address, port, ForwardingMethod.DROUTE, 1));
    }

    public byte[] dumpDests(int seq, ServiceKey service) {
        MessageWriter w = start(Ipvs.CMD_GET_DEST, DUMP, seq).begin(Ipvs.CMD_ATTR_SERVICE);
        identity(w, service);
        return w.end().finish();
    }

    // ---- configuration, counters, info ------------------------------------------------------

    /** SET_CONFIG with all three timeouts (0 = leave unchanged, as the kernel reads it). */
    public byte[] setConfig(int seq, Timeouts t) {
        return start(Ipvs.CMD_SET_CONFIG, DO, seq).u32(Ipvs.CMD_ATTR_TIMEOUT_TCP, t.tcp())
                .u32(Ipvs.CMD_ATTR_TIMEOUT_TCP_FIN, t.tcpFin()).u32(Ipvs.CMD_ATTR_TIMEOUT_UDP, t.udp()).finish();
    }

    public byte[] getConfig(int seq) {
        return start(Ipvs.CMD_GET_CONFIG, DO, seq).finish();
    }

    public byte[] getInfo(int seq) {
        return start(Ipvs.CMD_GET_INFO, DO, seq).finish();
    }

    /** ZERO of one service's counters, or of all counters when {@code key} is null. */
    public byte[] zero(int seq, ServiceKey key) {
        MessageWriter w = start(Ipvs.CMD_ZERO, DO, seq);
        return key == null ? w.finish() : paddedIdentity(w, key).finish();
    }

    public byte[] flush(int seq) {
        return start(Ipvs.CMD_FLUSH, DO, seq).finish();
    }

    // ---- sync daemons ------------------------------------------------------------------------

    /** NEW_DAEMON: state, interface and sync id, plus the optional parts that are not 0/null. */
    public byte[] newDaemon(int seq, DaemonConfig d) {
        MessageWriter w = start(Ipvs.CMD_NEW_DAEMON, DO, seq).begin(Ipvs.CMD_ATTR_DAEMON)
                .u32(Ipvs.DAEMON_ATTR_STATE, d.state()).string(Ipvs.DAEMON_ATTR_MCAST_IFN, d.interfaceName())
                .u32(Ipvs.DAEMON_ATTR_SYNC_ID, d.syncId());
        if (d.maxLen() != 0) {
            w.u16(Ipvs.DAEMON_ATTR_SYNC_MAXLEN, d.maxLen());
        }
        if (d.port() != 0) {
            w.u16(Ipvs.DAEMON_ATTR_MCAST_PORT, d.port()); // host order, unlike every other port
        }
        if (d.ttl() != 0) {
            w.u8(Ipvs.DAEMON_ATTR_MCAST_TTL, d.ttl());
        }
        if (d.group() != null) {
            w.bytes(d.group().isV6() ? Ipvs.DAEMON_ATTR_MCAST_GROUP6 : Ipvs.DAEMON_ATTR_MCAST_GROUP, d.group().toBytes());
        }
        return w.end().finish();
    }

    /** DEL_DAEMON as ipvsadm sends it: state, an empty interface name, sync id 0. */
    public byte[] deleteDaemon(int seq, int state) {
        return start(Ipvs.CMD_DEL_DAEMON, DO, seq).begin(Ipvs.CMD_ATTR_DAEMON).u32(Ipvs.DAEMON_ATTR_STATE, state)
                .string(Ipvs.DAEMON_ATTR_MCAST_IFN, "").u32(Ipvs.DAEMON_ATTR_SYNC_ID, 0).end().finish();
    }

    public byte[] dumpDaemons(int seq) {
        return start(Ipvs.CMD_GET_DAEMON, DUMP, seq).finish();
    }

    // ---- nests -----------------------------------------------------------------------------

    /** 16 network-order bytes: IPv4 in the first 4 (what ipvsadm sends; the kernel takes up to 16). */
    static byte[] address16(IpAddress a) {
        return Arrays.copyOf(a.toBytes(), 16);
    }

    private static void identity(MessageWriter w, ServiceKey k) {
        w.u16(Ipvs.SVC_ATTR_AF, k.family().number());
        if (k.isFwmark()) {
            w.u32(Ipvs.SVC_ATTR_FWMARK, k.fwmark());
        } else {
            w.u16(Ipvs.SVC_ATTR_PROTOCOL, k.protocol().number()).bytes(Ipvs.SVC_ATTR_ADDR, address16(k.address()))
                    .u16be(Ipvs.SVC_ATTR_PORT, k.port());
        }
    }

    /** NETMASK: an IPv4 mask in network byte order, an IPv6 prefix length as a host-order u32. */
    private static void netmask(MessageWriter w, AddressFamily af, int netmask) {
        if (af == AddressFamily.INET6) {
            w.u32(Ipvs.SVC_ATTR_NETMASK, netmask);
        } else {
            w.u32be(Ipvs.SVC_ATTR_NETMASK, netmask);
        }
    }

    private static MessageWriter fullService(MessageWriter w, ServiceConfig c) {
        if (c.scheduler().length() > 15) {
            throw new IllegalArgumentException("scheduler name longer than 15 characters: " + c.scheduler());
        }
        if (c.peName().length() > 15) {
            throw new IllegalArgumentException("persistence engine name longer than 15 characters: " + c.peName());
        }
        w.begin(Ipvs.CMD_ATTR_SERVICE);
        identity(w, c.key());
        w.string(Ipvs.SVC_ATTR_SCHED_NAME, c.scheduler());
        if (!c.peName().isEmpty()) {
            w.string(Ipvs.SVC_ATTR_PE_NAME, c.peName());
        }
        w.u32pair(Ipvs.SVC_ATTR_FLAGS, c.flags(), FULL_MASK).u32(Ipvs.SVC_ATTR_TIMEOUT, c.timeoutSeconds());
        netmask(w, c.key().family(), c.netmask());
        return w.end();
    }

    private static MessageWriter paddedIdentity(MessageWriter w, ServiceKey k) {
        w.begin(Ipvs.CMD_ATTR_SERVICE);
        identity(w, k);
        w.string(Ipvs.SVC_ATTR_SCHED_NAME, "").u32pair(Ipvs.SVC_ATTR_FLAGS, 0, FULL_MASK).u32(Ipvs.SVC_ATTR_TIMEOUT, 0);
        netmask(w, k.family(), k.family() == AddressFamily.INET6 ? 128 : 0xFFFFFFFF);
        return w.end();
    }

    private static MessageWriter dest(MessageWriter w, DestConfig d) {
        return w.begin(Ipvs.CMD_ATTR_DEST).u16(Ipvs.DEST_ATTR_ADDR_FAMILY, d.address().family().number())
                .bytes(Ipvs.DEST_ATTR_ADDR, address16(d.address())).u16be(Ipvs.DEST_ATTR_PORT, d.port())
                .u32(Ipvs.DEST_ATTR_FWD_METHOD, d.forwarding().code()).u32(Ipvs.DEST_ATTR_WEIGHT, d.weight())
                .u8(Ipvs.DEST_ATTR_TUN_TYPE, d.tunnelType()).u16be(Ipvs.DEST_ATTR_TUN_PORT, d.tunnelPort())
                .u16(Ipvs.DEST_ATTR_TUN_FLAGS, d.tunnelFlags()).u32(Ipvs.DEST_ATTR_U_THRESH, (int) d.upperThreshold())
                .u32(Ipvs.DEST_ATTR_L_THRESH, (int) d.lowerThreshold()).end();
    }
}
