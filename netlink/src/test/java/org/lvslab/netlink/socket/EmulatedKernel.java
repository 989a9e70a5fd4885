package org.lvslab.netlink.socket;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lvslab.ipvs.AddressFamily;
import org.lvslab.ipvs.Errno;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.ipvs.Timeouts;
import org.lvslab.ipvsadm.kernel.DestEntry;
import org.lvslab.ipvsadm.kernel.ServiceEntry;
import org.lvslab.ipvsadm.kernel.SimulatedKernel;
import org.lvslab.ipvsadm.kernel.StatsEntry;
import org.lvslab.ipvsadm.state.StateCodec;
import org.lvslab.netlink.Attributes;
import org.lvslab.netlink.Ipvs;
import org.lvslab.netlink.IpvsReplies;
import org.lvslab.netlink.MessageWriter;
import org.lvslab.netlink.Netlink;
import org.lvslab.netlink.NetlinkMessage;

/**
 * A test double for the kernel's side of the socket: decodes each request with the production
 * decoders, runs it on a simulated table (the lvslab model) and answers in the kernel's reply
 * layout ({@code ip_vs_genl_fill_service}/{@code _dest}, ACK/error per {@code netlink_ack}, dumps
 * as NLM_F_MULTI parts and NLMSG_DONE), a few dump messages per datagram.
 */
final class EmulatedKernel implements Transport {
    static final int FAMILY = 0x23;
    static final int PORT_ID = 4242;

    final IpvsTable table = StateCodec.newTable(KernelVersion.NEWEST);
    final SimulatedKernel kernel = new SimulatedKernel(table);
    private final ArrayDeque<byte[]> outbox = new ArrayDeque<>();
    /** Requests as received, for assertions. */
    final List<byte[]> received = new ArrayList<>();
    boolean ipvsLoaded = true;
    boolean root = true;
    int dumpMessagesPerDatagram = 2;
    /** Put an unrelated message with a stale sequence number before every answer. */
    boolean staleNoise;
    boolean closed;

    @Override
    public void send(byte[] message) {
        received.add(message.clone());
        NetlinkMessage m = NetlinkMessage.split(message).getFirst();
        if (staleNoise) {
            outbox.add(ack(m.seq() - 100, m.type(), Errno.EEXIST));
        }
        if (m.type() == Netlink.GENL_ID_CTRL) {
            if (!ipvsLoaded) {
                outbox.add(ack(m.seq(), m.type(), Errno.ENOENT));
                return;
            }
            outbox.add(new MessageWriter(Netlink.GENL_ID_CTRL, 0, m.seq(), PORT_ID).genl(Netlink.CTRL_CMD_NEWFAMILY, 2)
                    .u16(Netlink.CTRL_ATTR_FAMILY_ID, FAMILY).string(Netlink.CTRL_ATTR_FAMILY_NAME, "IPVS").finish());
            outbox.add(ack(m.seq(), m.type(), 0));
            return;
        }
        if (m.type() != FAMILY) {
            throw new AssertionError("request to unknown family " + m.type());
        }
        if (!root) {
            outbox.add(ack(m.seq(), m.type(), Errno.EPERM));
            return;
        }
        boolean dump = (m.flags() & Netlink.NLM_F_DUMP) == Netlink.NLM_F_DUMP;
        Attributes a = m.attributes();
        int cmd = m.genlCommand();
        if (dump) {
            List<byte[]> parts = new ArrayList<>();
            switch (cmd) {
                case Ipvs.CMD_GET_SERVICE -> {
                    for (ServiceEntry s : kernel.services()) {
                        parts.add(service(m.seq(), Netlink.NLM_F_MULTI, s));
                    }
                }
                case Ipvs.CMD_GET_DEST -> {
                    ServiceKey k = IpvsReplies.serviceKey(a.nested(Ipvs.CMD_ATTR_SERVICE, "SERVICE"));
                    for (DestEntry d : kernel.dests(k)) {
                        parts.add(dest(m.seq(), d));
                    }
                }
                case Ipvs.CMD_GET_DAEMON -> {
                }
                default -> throw new AssertionError("dump of command " + cmd);
            }
            parts.add(new MessageWriter(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI, m.seq(), PORT_ID).int32(0).finish());
            for (int i = 0; i < parts.size(); i += dumpMessagesPerDatagram) {
                outbox.add(concat(parts.subList(i, Math.min(parts.size(), i + dumpMessagesPerDatagram))));
            }
            return;
        }
        int errno;
        switch (cmd) {
            case Ipvs.CMD_NEW_SERVICE -> errno = kernel.addService(IpvsReplies.serviceConfig(svc(a)));
            case Ipvs.CMD_SET_SERVICE -> errno = kernel.editService(IpvsReplies.serviceConfig(svc(a)));
            case Ipvs.CMD_DEL_SERVICE -> errno = kernel.deleteService(IpvsReplies.serviceKey(svc(a)));
            case Ipvs.CMD_NEW_DEST -> errno = kernel.addDest(IpvsReplies.serviceKey(svc(a)), destConfig(a));
            case Ipvs.CMD_SET_DEST -> errno = kernel.editDest(IpvsReplies.serviceKey(svc(a)), destConfig(a));
            case Ipvs.CMD_DEL_DEST -> {
                var d = destConfig(a);
                errno = kernel.deleteDest(IpvsReplies.serviceKey(svc(a)), d.address(), d.port());
            }
            case Ipvs.CMD_FLUSH -> errno = kernel.flush();
            case Ipvs.CMD_ZERO -> errno = kernel.zero(a.has(Ipvs.CMD_ATTR_SERVICE) ? IpvsReplies.serviceKey(svc(a)) : null);
            case Ipvs.CMD_SET_CONFIG -> {
                Timeouts t = IpvsReplies.timeouts(a);
                errno = kernel.setTimeouts(t.tcp(), t.tcpFin(), t.udp());
            }
            case Ipvs.CMD_GET_CONFIG -> {
                Timeouts t = kernel.timeouts();
                outbox.add(new MessageWriter(FAMILY, 0, m.seq(), PORT_ID).genl(Ipvs.CMD_SET_CONFIG, 1)
                        .u32(Ipvs.CMD_ATTR_TIMEOUT_TCP, t.tcp()).u32(Ipvs.CMD_ATTR_TIMEOUT_TCP_FIN, t.tcpFin())
                        .u32(Ipvs.CMD_ATTR_TIMEOUT_UDP, t.udp()).finish());
                errno = 0;
            }
            case Ipvs.CMD_GET_INFO -> {
                outbox.add(new MessageWriter(FAMILY, 0, m.seq(), PORT_ID).genl(Ipvs.CMD_SET_INFO, 1)
                        .u32(Ipvs.INFO_ATTR_VERSION, 0x00010201).u32(Ipvs.INFO_ATTR_CONN_TAB_SIZE, 4096).finish());
                errno = 0;
            }
            case Ipvs.CMD_GET_SERVICE -> {
                ServiceEntry s = kernel.service(IpvsReplies.serviceKey(svc(a)));
                if (s != null) {
                    outbox.add(service(m.seq(), 0, s));
                }
                errno = s == null ? Errno.ESRCH : 0;
            }
            default -> errno = Errno.EOPNOTSUPP;
        }
        outbox.add(ack(m.seq(), m.type(), errno));
    }

    private static Attributes svc(Attributes a) {
        return a.nested(Ipvs.CMD_ATTR_SERVICE, "SERVICE");
    }

    private static org.lvslab.ipvs.DestConfig destConfig(Attributes a) {
        // the kernel takes a missing ADDR_FAMILY as the service's family; requests here always carry it
        return IpvsReplies.destConfig(a.nested(Ipvs.CMD_ATTR_DEST, "DEST"), AddressFamily.INET);
    }

    private static byte[] ack(int seq, int type, int errno) {
        ByteBuffer b = ByteBuffer.allocate(36).order(ByteOrder.nativeOrder());
        b.putInt(36).putShort((short) Netlink.NLMSG_ERROR).putShort((short) 0x100).putInt(seq).putInt(PORT_ID);
        b.putInt(-errno);
        b.putInt(20).putShort((short) type).putShort((short) 5).putInt(seq).putInt(0);
        return b.array();
    }

    private static byte[] service(int seq, int flags, ServiceEntry s) {
        MessageWriter w = new MessageWriter(FAMILY, flags, seq, PORT_ID, false).genl(Ipvs.CMD_NEW_SERVICE, 1).begin(Ipvs.CMD_ATTR_SERVICE);
        ServiceKey k = s.key();
        w.u16(Ipvs.SVC_ATTR_AF, k.family().number());
        if (k.isFwmark()) {
            w.u32(Ipvs.SVC_ATTR_FWMARK, k.fwmark());
        } else {
            w.u16(Ipvs.SVC_ATTR_PROTOCOL, k.protocol().number()).bytes(Ipvs.SVC_ATTR_ADDR, Arrays.copyOf(k.address().toBytes(), 16))
                    .u16be(Ipvs.SVC_ATTR_PORT, k.port());
        }
        w.string(Ipvs.SVC_ATTR_SCHED_NAME, s.scheduler());
        if (!s.peName().isEmpty()) {
            w.string(Ipvs.SVC_ATTR_PE_NAME, s.peName());
        }
        w.u32pair(Ipvs.SVC_ATTR_FLAGS, s.flags(), -1).u32(Ipvs.SVC_ATTR_TIMEOUT, s.timeoutSeconds());
        if (k.family() == AddressFamily.INET6) {
            w.u32(Ipvs.SVC_ATTR_NETMASK, s.netmask());
        } else {
            w.u32be(Ipvs.SVC_ATTR_NETMASK, s.netmask());
        }
        stats(w, Ipvs.SVC_ATTR_STATS, s.stats(), false);
        stats(w, Ipvs.SVC_ATTR_STATS64, s.stats(), true);
        return w.end().finish();
    }

    private static byte[] dest(int seq, DestEntry d) {
        MessageWriter w = new MessageWriter(FAMILY, Netlink.NLM_F_MULTI, seq, PORT_ID, false).genl(Ipvs.CMD_NEW_DEST, 1)
                .begin(Ipvs.CMD_ATTR_DEST).bytes(Ipvs.DEST_ATTR_ADDR, Arrays.copyOf(d.address().toBytes(), 16))
                .u16be(Ipvs.DEST_ATTR_PORT, d.port()).u32(Ipvs.DEST_ATTR_FWD_METHOD, d.forwarding())
                .u32(Ipvs.DEST_ATTR_WEIGHT, d.weight()).u8(Ipvs.DEST_ATTR_TUN_TYPE, d.tunnelType())
                .u16be(Ipvs.DEST_ATTR_TUN_PORT, d.tunnelPort()).u16(Ipvs.DEST_ATTR_TUN_FLAGS, d.tunnelFlags())
                .u32(Ipvs.DEST_ATTR_U_THRESH, (int) d.upperThreshold()).u32(Ipvs.DEST_ATTR_L_THRESH, (int) d.lowerThreshold())
                .u32(Ipvs.DEST_ATTR_ACTIVE_CONNS, (int) d.activeConns()).u32(Ipvs.DEST_ATTR_INACT_CONNS, (int) d.inactiveConns())
                .u32(Ipvs.DEST_ATTR_PERSIST_CONNS, (int) d.persistConns()).u16(Ipvs.DEST_ATTR_ADDR_FAMILY, d.address().family().number());
        stats(w, Ipvs.DEST_ATTR_STATS, d.stats(), false);
        stats(w, Ipvs.DEST_ATTR_STATS64, d.stats(), true);
        return w.end().finish();
    }

    private static void stats(MessageWriter w, int type, StatsEntry s, boolean wide) {
        long[] v = {s.conns(), s.inPkts(), s.outPkts(), s.inBytes(), s.outBytes(), s.cps(), s.inPps(), s.outPps(), s.inBps(), s.outBps()};
        w.begin(type);
        for (int i = 0; i < 10; i++) {
            if (wide || i == 3 || i == 4) {
                w.u64(i + 1, v[i]);
            } else {
                w.u32(i + 1, (int) v[i]);
            }
        }
        w.end();
    }

    private static byte[] concat(List<byte[]> parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }

    @Override
    public int receive(byte[] buffer) {
        byte[] d = outbox.poll();
        if (d == null) {
            throw new NetlinkException("no answer from the kernel within the receive timeout", Errnos.EAGAIN);
        }
        System.arraycopy(d, 0, buffer, 0, d.length);
        return d.length;
    }

    @Override
    public void close() {
        closed = true;
    }

    ServiceConfig serviceConfig(ServiceKey k) {
        return IpvsReplies.toConfig(kernel.service(k));
    }
}
