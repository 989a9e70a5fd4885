package org.lvslab.workloads.pcap;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.ConnectionSource;
import org.lvslab.workloads.PendingConnections;
import org.lvslab.workloads.ReadReport;
import org.lvslab.workloads.TraceFormatException;
import org.lvslab.workloads.TraceOptions;

/**
 * Connections from a pcap or pcapng capture.
 *
 * <p>TCP: a SYN without ACK starts a connection (its sender is the client, its destination the
 * virtual service); client-to-server payload is bytes in, the reverse bytes out; it ends at an
 * RST or at the later of the two FINs (whichever side closes first). A connection that goes quiet
 * for {@link TraceOptions#tcpIdleNs()} ends at its last packet; one still open at the end of the
 * capture has an unknown duration. A repeated SYN with the same sequence number is a
 * retransmission (or the same SYN captured on a second interface); a SYN with a new sequence
 * number on an open port pair means the pair was reused: the old connection ends at its last
 * packet. Ended connections are remembered for 2 minutes so their final ACKs and duplicate copies
 * are counted as such; packets of connections whose SYN was not captured are counted and
 * ignored. When the snap length cut a TCP header before its flags, the flow is tracked by its
 * 5-tuple like UDP and ends at its last packet.
 *
 * <p>UDP: the first datagram of a 5-tuple starts a flow (its sender is the client); the flow ends
 * at its last datagram once {@link TraceOptions#udpIdleNs()} has passed without one (or at the
 * end of the capture).
 *
 * <p>Link layers: Ethernet (1, with 802.1Q/802.1ad tags), Linux cooked SLL (113) and SLL2 (276),
 * raw IP (101, 228, 229, 12), BSD loopback (0, 108); IPv6 extension headers are followed.
 * Non-first IP fragments and other protocols are counted and ignored.
 *
 * <p>Order: a packet may be earlier than the one before it by up to
 * {@link TraceOptions#reorderWindowNs()} (a pcapng written from several interfaces interleaves
 * their buffers); connections are handed out in start order once the capture has moved that far
 * past their start. More backwards is a bad record; truncated records, bad block lengths and
 * unknown link types are errors at their byte offset (with {@code --on-error skip}, a capture cut
 * inside its last packet keeps everything before the cut). At most
 * {@link TraceOptions#maxPending()} connections wait behind one still open; past that the open one
 * is handed out early with an unknown duration and its later packets are ignored. Time 0 is the
 * earliest connection's first packet.
 */
public final class PcapReader implements ConnectionSource {
    static final int MAX_PACKET = 1 << 18;

    private final InputStream raw;
    private final BinaryInput in;
    private final String name;
    private final TraceOptions opt;
    private final ReadReport report;
    private final boolean ng;
    private final byte[] hdr = new byte[28];
    private byte[] pkt = new byte[65536 + 64];
    // pcap
    private int linkType;
    private long tsUnitNs = 1000; // per timestamp fraction unit (pcap: µs or ns)
    // pcapng interfaces
    private int[] ifLink = new int[4];
    private long[] ifTsResNum = new long[4]; // timestamp units per second
    private int ifCount;

    private final PendingConnections pending = new PendingConnections();
    private final LinkedHashMap<FlowKey, PendingConnections.Entry> tcp = new LinkedHashMap<>(1024, 0.75f, true);
    private final LinkedHashMap<FlowKey, PendingConnections.Entry> udp = new LinkedHashMap<>(1024, 0.75f, true);
    /** Recently ended TCP connections (key → when, client ISN), oldest first: absorbs their final ACKs and duplicate copies. */
    private final LinkedHashMap<FlowKey, long[]> ended = new LinkedHashMap<>(1024, 0.75f, false);
    private final FlowKey probe = new FlowKey();
    private final FlowKey probeRev = new FlowKey();
    private long origin = ConnectionSource.NO_ORIGIN;
    private long lastTs = Long.MIN_VALUE;
    private boolean eof;
    private long packetOffset;

    private static final long FIN_CLIENT = 1;
    private static final long FIN_SERVER = 2;
    private static final long ENDED = 4;
    /** Flags not visible (the snap length cut the TCP header): tracked by 5-tuple and idle time like UDP. */
    private static final long FLAGLESS = 8;
    /** How long an ended connection's tuple is remembered (TIME_WAIT is 60 s on Linux). */
    private static final long ENDED_MEMORY_NS = 120_000_000_000L;
    private static final int ENDED_MAX = 1 << 20;

    public PcapReader(InputStream in, String name, TraceOptions opt) throws IOException {
        this.raw = in;
        this.in = new BinaryInput(in, name);
        this.name = name;
        this.opt = opt;
        this.report = new ReadReport(name, opt.onError());
        byte[] m = new byte[4];
        if (!this.in.readOrEnd(m, 0, 4, "file header")) {
            throw TraceFormatException.atByte(name, 0, "empty file: not a pcap or pcapng capture");
        }
        long be = BinaryInput.be32(m, 0);
        if (be == 0x0a0d0d0aL) {
            ng = true;
            readShb(m);
        } else {
            ng = false;
            if (be == 0xa1b2c3d4L || be == 0xa1b23c4dL) {
                this.in.little = false;
            } else if (be == 0xd4c3b2a1L || be == 0x4d3cb2a1L) {
                this.in.little = true;
            } else {
                throw TraceFormatException.atByte(name, 0, String.format("bad magic 0x%08x: not a pcap or pcapng capture", be));
            }
            tsUnitNs = (be == 0xa1b23c4dL || be == 0x4d3cb2a1L) ? 1 : 1000;
            this.in.readFully(hdr, 0, 20, "pcap file header");
            int major = this.in.u16(hdr, 0);
            if (major != 2) {
                throw TraceFormatException.atByte(name, 4, "unsupported pcap version " + major + "." + this.in.u16(hdr, 2));
            }
            linkType = (int) (this.in.u32(hdr, 16) & 0xffff);
            checkLink(linkType, 20);
        }
    }

    private void checkLink(int lt, long at) throws TraceFormatException {
        switch (lt) {
            case 0, 1, 12, 101, 108, 113, 228, 229, 276 -> {
            }
            default -> throw TraceFormatException.atByte(name, at, "unsupported link type " + lt
                    + " (Ethernet 1, Linux SLL 113, SLL2 276, raw IP 101/228/229/12, BSD loopback 0/108)");
        }
    }

    /** Section header block: the byte-order magic decides the endianness of the section. */
    private void readShb(byte[] type) throws IOException {
        long at = in.offset() - 4;
        in.readFully(hdr, 0, 8, "section header block");
        long bom = BinaryInput.be32(hdr, 4);
        if (bom == 0x1a2b3c4dL) {
            in.little = false;
        } else if (bom == 0x4d3c2b1aL) {
            in.little = true;
        } else {
            throw TraceFormatException.atByte(name, at + 8, String.format("bad pcapng byte-order magic 0x%08x", bom));
        }
        long len = in.u32(hdr, 0);
        if (len < 28 || len % 4 != 0 || len > MAX_PACKET) {
            throw TraceFormatException.atByte(name, at + 4, "bad section header block length " + len);
        }
        in.skip(len - 12, "section header block"); // version, section length, options, trailing length
        ifCount = 0;
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
            // a packet may still come up to the reorder window before the latest one seen
            PendingConnections.Entry e = pending.poll(eof ? Long.MAX_VALUE : lastTs - opt.reorderWindowNs());
            if (e != null) {
                if (origin == ConnectionSource.NO_ORIGIN) {
                    origin = e.startNs; // the earliest start: out-of-order packets may have moved it
                }
                into.copyFrom(e.record);
                into.timeNs(e.startNs - origin);
                into.durationNs((e.aux & ENDED) != 0 && !e.releasedEarly ? e.lastNs - e.startNs : ConnectionRecord.UNKNOWN);
                pending.recycle(e);
                return true;
            }
            if (eof) {
                return false;
            }
            while (pending.overLimit(opt.maxPending())) {
                PendingConnections.Entry held = pending.releaseOldestOpen();
                FlowKey k = (FlowKey) held.key;
                if (k.proto == 6) {
                    tcp.remove(k);
                    remember(k, lastTs, held.aux2);
                } else {
                    udp.remove(k);
                }
                report.note("connections handed out while still open, because more than --max-pending connections "
                        + "waited behind them (duration unknown; their later packets are ignored)");
            }
            boolean more;
            try {
                more = !ng ? nextPcap() : nextPcapng();
            } catch (TraceFormatException cut) {
                if (!in.cutShort || report.policy() != org.lvslab.workloads.OnError.SKIP) {
                    throw cut;
                }
                // tcpdump killed hard or a full disk: keep what came before the cut packet
                report.bad(cut);
                more = false;
            }
            if (!more) {
                eof = true;
                long flagless = 0;
                for (PendingConnections.Entry o : tcp.values()) {
                    o.closed = true;
                    if ((o.aux & FLAGLESS) != 0) {
                        o.aux |= ENDED; // no FIN/RST can be seen: it ends at its last packet, like a UDP flow
                        flagless++;
                    }
                }
                report.note("TCP connections still open at the end of the capture (duration unknown)", tcp.size() - flagless);
                for (PendingConnections.Entry o : udp.values()) {
                    o.closed = true;
                    o.aux |= ENDED;
                }
                tcp.clear();
                udp.clear();
            }
        }
    }

    private boolean nextPcap() throws IOException {
        packetOffset = in.offset();
        if (!in.readOrEnd(hdr, 0, 16, "packet record header")) {
            return false;
        }
        long sec = in.u32(hdr, 0);
        long frac = in.u32(hdr, 4);
        long incl = in.u32(hdr, 8);
        if (incl > MAX_PACKET) {
            throw TraceFormatException.atByte(name, packetOffset + 8, "implausible packet length " + incl + " (corrupt capture?)");
        }
        if (frac >= 1_000_000_000L / tsUnitNs) {
            report.badByte(packetOffset + 4, "timestamp fraction " + frac + " out of range");
            in.skip(incl, "packet data");
            return true;
        }
        ensure((int) incl);
        in.readFully(pkt, 0, (int) incl, "packet data");
        packet(linkType, sec * 1_000_000_000L + frac * tsUnitNs, (int) incl);
        return true;
    }

    private boolean nextPcapng() throws IOException {
        while (true) {
            packetOffset = in.offset();
            if (!in.readOrEnd(hdr, 0, 8, "block header")) {
                return false;
            }
            long type = in.u32(hdr, 0);
            if (BinaryInput.be32(hdr, 0) == 0x0a0d0d0aL) {
                // new section: re-read the length with the section's own byte order
                long bom = 0;
                byte[] t = new byte[4];
                in.readFully(t, 0, 4, "section header block");
                bom = BinaryInput.be32(t, 0);
                boolean little = bom == 0x4d3c2b1aL;
                if (!little && bom != 0x1a2b3c4dL) {
                    throw TraceFormatException.atByte(name, packetOffset + 8, String.format("bad pcapng byte-order magic 0x%08x", bom));
                }
                in.little = little;
                long len = in.u32(hdr, 4);
                if (len < 28 || len % 4 != 0 || len > MAX_PACKET) {
                    throw TraceFormatException.atByte(name, packetOffset + 4, "bad section header block length " + len);
                }
                in.skip(len - 12, "section header block");
                ifCount = 0;
                continue;
            }
            long len = in.u32(hdr, 4);
            if (len < 12 || len % 4 != 0 || len > MAX_PACKET) {
                throw TraceFormatException.atByte(name, packetOffset + 4, "bad block length " + len + " (must be >= 12, a multiple of 4)");
            }
            int body = (int) len - 12;
            ensure(body + 4);
            in.readFully(pkt, 0, body + 4, "block body");
            long trailer = in.u32(pkt, body);
            if (trailer != len) {
                throw TraceFormatException.atByte(name, packetOffset + len - 4, "block trailing length " + trailer
                        + " differs from its leading length " + len);
            }
            switch ((int) type) {
                case 1 -> interfaceBlock(body);
                case 6 -> {
                    if (body < 20) {
                        throw TraceFormatException.atByte(name, packetOffset, "enhanced packet block too short");
                    }
                    long ifId = in.u32(pkt, 0);
                    int ifc = ifId >= ifCount ? Integer.MAX_VALUE : (int) ifId; // unsigned: never negative
                    long ts = (in.u32(pkt, 4) << 32) | in.u32(pkt, 8);
                    int cap = (int) Math.min(in.u32(pkt, 12), Integer.MAX_VALUE);
                    if (cap > body - 20) {
                        throw TraceFormatException.atByte(name, packetOffset + 20, "captured length " + cap + " exceeds the block");
                    }
                    if (ifc >= ifCount) {
                        report.badByte(packetOffset + 8, "packet on undeclared interface " + ifId);
                        return true;
                    }
                    System.arraycopy(pkt, 20, pkt, 0, cap);
                    packet(ifLink[ifc], toNs(ts, ifTsResNum[ifc]), cap);
                    return true;
                }
                case 2 -> {
                    if (body < 20) {
                        throw TraceFormatException.atByte(name, packetOffset, "packet block too short");
                    }
                    int ifc = in.u16(pkt, 0);
                    long ts = (in.u32(pkt, 4) << 32) | in.u32(pkt, 8);
                    int cap = (int) Math.min(in.u32(pkt, 12), Integer.MAX_VALUE);
                    if (cap > body - 20 || ifc >= ifCount) {
                        report.badByte(packetOffset, "bad packet block");
                        return true;
                    }
                    System.arraycopy(pkt, 20, pkt, 0, cap);
                    packet(ifLink[ifc], toNs(ts, ifTsResNum[ifc]), cap);
                    return true;
                }
                case 3 -> report.note("simple packet blocks (no timestamp; ignored)");
                default -> {
                    // name resolution, statistics, custom blocks: nothing to do
                }
            }
        }
    }

    private void interfaceBlock(int body) throws TraceFormatException {
        if (body < 8) {
            throw TraceFormatException.atByte(name, packetOffset, "interface description block too short");
        }
        int lt = in.u16(pkt, 0);
        checkLink(lt, packetOffset + 8);
        long res = 1_000_000L;
        int p = 8;
        while (p + 4 <= body) {
            int code = in.u16(pkt, p);
            int olen = in.u16(pkt, p + 2);
            if (code == 0) {
                break;
            }
            if (p + 4 + olen > body) {
                throw TraceFormatException.atByte(name, packetOffset + 8 + p, "interface option overruns its block");
            }
            if (code == 9 && olen >= 1) { // if_tsresol
                int v = pkt[p + 4] & 0xff;
                int exp = v & 0x7f;
                if ((v & 0x80) == 0) {
                    if (exp > 18) {
                        throw TraceFormatException.atByte(name, packetOffset + 12 + p, "if_tsresol 10^-" + exp + " too fine");
                    }
                    res = 1;
                    for (int i = 0; i < exp; i++) {
                        res *= 10;
                    }
                } else {
                    if (exp > 62) {
                        throw TraceFormatException.atByte(name, packetOffset + 12 + p, "if_tsresol 2^-" + exp + " too fine");
                    }
                    res = 1L << exp;
                }
            }
            p += 4 + ((olen + 3) & ~3);
        }
        if (ifCount == ifLink.length) {
            ifLink = java.util.Arrays.copyOf(ifLink, ifCount * 2);
            ifTsResNum = java.util.Arrays.copyOf(ifTsResNum, ifCount * 2);
        }
        ifLink[ifCount] = lt;
        ifTsResNum[ifCount] = res;
        ifCount++;
    }

    private static long toNs(long ts, long perSecond) {
        if (perSecond == 1_000_000_000L) {
            return ts;
        }
        long sec = Long.divideUnsigned(ts, perSecond);
        long rem = Long.remainderUnsigned(ts, perSecond);
        return sec * 1_000_000_000L + (long) ((double) rem * 1e9 / perSecond);
    }

    private void ensure(int n) {
        if (pkt.length < n) {
            pkt = new byte[Math.max(n, pkt.length * 2)];
        }
    }

    /** One captured frame of {@code len} bytes in {@code pkt}. */
    private void packet(int link, long ts, int len) throws IOException {
        if (ts < lastTs) {
            if (lastTs - ts > opt.reorderWindowNs()) {
                report.badByte(packetOffset, "packet time goes backwards by " + (lastTs - ts) + " ns, more than the reorder window of "
                        + org.lvslab.workloads.TimeText.format(opt.reorderWindowNs()) + " (raise --reorder-window)");
                return;
            }
            // pcapng from several interfaces (dumpcap -i lo -i any) interleaves per-interface buffers
            report.note("packets earlier than one before them (accepted within --reorder-window)");
        } else {
            lastTs = ts;
            expire(ts); // end idle flows first, so a datagram after the timeout starts a new flow
        }
        int p;
        int etype = 0;
        int typeAt = -1; // where an Ethernet-style link header keeps its ethertype; -1: none
        switch (link) {
            case 1 -> { // Ethernet
                typeAt = 12;
                p = 14;
            }
            case 113 -> { // Linux cooked capture
                typeAt = 14;
                p = 16;
            }
            case 276 -> { // Linux cooked capture v2
                typeAt = 0;
                p = 20;
            }
            case 0, 108 -> { // BSD loopback: a 4-byte address family (host / network order); the IP version tells
                if (len < 5) {
                    report.note("frames too short for their link header (ignored)");
                    return;
                }
                p = 4;
                int v = (pkt[4] & 0xf0) >>> 4;
                etype = v == 4 ? 0x0800 : v == 6 ? 0x86dd : 0;
            }
            default -> { // raw IP
                p = 0;
                etype = len > 0 && (pkt[0] & 0xf0) == 0x60 ? 0x86dd : 0x0800;
            }
        }
        if (typeAt >= 0) {
            if (len < p) {
                report.note("frames too short for their link header (ignored)");
                return;
            }
            etype = BinaryInput.be16(pkt, typeAt);
            while ((etype == 0x8100 || etype == 0x88a8) && p + 4 <= len) { // 802.1Q / 802.1ad tags
                etype = BinaryInput.be16(pkt, p + 2);
                p += 4;
            }
        }
        if (etype == 0x0800) {
            ipv4(ts, p, len);
        } else if (etype == 0x86dd) {
            ipv6(ts, p, len);
        } else {
            report.note("non-IP frames (ignored)");
        }
    }

    private void ipv4(long ts, int p, int len) throws IOException {
        if (len - p < 20 || (pkt[p] & 0xf0) != 0x40) {
            report.note("malformed or truncated IP headers (ignored)");
            return;
        }
        int ihl = (pkt[p] & 0x0f) * 4;
        int total = BinaryInput.be16(pkt, p + 2);
        if (total == 0 && ihl >= 20) {
            total = len - p; // a TSO/GSO super-packet captured before segmentation: the length field is 0
        }
        if (ihl < 20 || total < ihl || len - p < ihl) {
            report.note("malformed or truncated IP headers (ignored)");
            return;
        }
        int frag = BinaryInput.be16(pkt, p + 6) & 0x1fff;
        if (frag != 0) {
            report.note("non-first IP fragments (ignored)");
            return;
        }
        int proto = pkt[p + 9] & 0xff;
        long src = BinaryInput.be32(pkt, p + 12);
        long dst = BinaryInput.be32(pkt, p + 16);
        transport(ts, proto, false, 0, src, 0, dst, p + ihl, Math.min(len, p + total), total - ihl);
    }

    private void ipv6(long ts, int p, int len) throws IOException {
        if (len - p < 40 || (pkt[p] & 0xf0) != 0x60) {
            report.note("malformed or truncated IP headers (ignored)");
            return;
        }
        int payload = BinaryInput.be16(pkt, p + 4);
        int next = pkt[p + 6] & 0xff;
        long sh = BinaryInput.be64(pkt, p + 8);
        long sl = BinaryInput.be64(pkt, p + 16);
        long dh = BinaryInput.be64(pkt, p + 24);
        long dl = BinaryInput.be64(pkt, p + 32);
        int q = p + 40;
        int end = Math.min(len, q + payload);
        int remaining = payload;
        for (int guard = 0; guard < 8; guard++) {
            if (next == 0 || next == 43 || next == 60 || next == 51 || next == 44) {
                if (q + 8 > end) {
                    report.note("malformed or truncated IP headers (ignored)");
                    return;
                }
                int hlen = next == 44 ? 8 : next == 51 ? ((pkt[q + 1] & 0xff) + 2) * 4 : ((pkt[q + 1] & 0xff) + 1) * 8;
                if (next == 44 && (BinaryInput.be16(pkt, q + 2) & 0xfff8) != 0) {
                    report.note("non-first IP fragments (ignored)");
                    return;
                }
                next = pkt[q] & 0xff;
                q += hlen;
                remaining -= hlen;
                continue;
            }
            transport(ts, next, true, sh, sl, dh, dl, q, end, remaining);
            return;
        }
        report.note("malformed or truncated IP headers (ignored)");
    }

    private void transport(long ts, int proto, boolean v6, long sh, long sl, long dh, long dl, int q, int end, int l4len)
            throws IOException {
        if (proto == 6) {
            if (end - q < 4) {
                report.note("truncated TCP/UDP headers (ignored)");
                return;
            }
            int sp = BinaryInput.be16(pkt, q);
            int dp = BinaryInput.be16(pkt, q + 2);
            if (end - q < 14) {
                // the snap length cut the header before the flags: only the ports are known
                report.note("TCP packets whose flags the snap length cut off (tracked by address and port, like UDP)");
                idleFlowPacket(tcp, Protocol.TCP, FLAGLESS, ts, v6, sh, sl, sp, dh, dl, dp, Math.max(0, l4len - 20));
                return;
            }
            int off = ((pkt[q + 12] & 0xf0) >>> 4) * 4;
            int flags = pkt[q + 13] & 0xff;
            long seq = BinaryInput.be32(pkt, q + 4);
            int data = Math.max(0, l4len - Math.max(off, 20));
            tcpSegment(ts, v6, sh, sl, sp, dh, dl, dp, flags, seq, data);
        } else if (proto == 17) {
            if (end - q < 8) {
                report.note("truncated TCP/UDP headers (ignored)");
                return;
            }
            int sp = BinaryInput.be16(pkt, q);
            int dp = BinaryInput.be16(pkt, q + 2);
            int ulen = BinaryInput.be16(pkt, q + 4);
            idleFlowPacket(udp, Protocol.UDP, 0, ts, v6, sh, sl, sp, dh, dl, dp, Math.max(0, ulen - 8));
        } else {
            report.note("packets of protocols other than TCP/UDP (ignored)");
        }
    }

    private void tcpSegment(long ts, boolean v6, long sh, long sl, int sp, long dh, long dl, int dp, int flags, long seq, int data) {
        boolean syn = (flags & 0x02) != 0;
        boolean ack = (flags & 0x10) != 0;
        boolean fin = (flags & 0x01) != 0;
        boolean rst = (flags & 0x04) != 0;
        boolean opening = syn && !ack;
        probe.set(6, v6, sh, sl, sp, dh, dl, dp);
        PendingConnections.Entry e = tcp.get(probe);
        boolean fromClient = true;
        if (e == null) {
            e = tcp.get(probe.reverse(probeRev));
            fromClient = false;
        }
        if (e != null && opening && fromClient && (e.aux & FLAGLESS) == 0 && seq != e.aux2) {
            // a SYN with a new initial sequence number: the port pair was reused, the old connection is over
            FlowKey k = (FlowKey) e.key;
            tcp.remove(k);
            e.aux |= ENDED;
            e.closed = true;
            report.note("TCP port pairs reused by a new SYN before the old connection closed (the old one ends at its last packet)");
            e = null;
        }
        if (e == null) {
            probe.reverse(probeRev);
            FlowKey goneKey = probe;
            long[] gone = ended.get(probe);
            if (gone == null) {
                goneKey = probeRev;
                gone = ended.get(probeRev);
            }
            if (opening && (gone == null || gone[1] != seq)) {
                if (gone != null) {
                    ended.remove(goneKey);
                }
                FlowKey k = probe.copy();
                e = start(ts, Protocol.TCP, v6, sh, sl, sp, dh, dl, dp);
                e.aux2 = seq;
                e.key = k;
                tcp.put(k, e);
                return;
            }
            report.note(gone != null
                    ? "TCP packets after their connection ended (final ACKs, duplicates; ignored)"
                    : "TCP packets of connections whose SYN was not captured (ignored)");
            return;
        }
        if (opening && ts < e.startNs) {
            pending.startEarlier(e, ts); // the same SYN captured earlier on another interface
        }
        e.lastNs = Math.max(e.lastNs, ts);
        if (fromClient) {
            e.record.bytesIn(e.record.bytesIn() + data);
        } else {
            e.record.bytesOut(e.record.bytesOut() + data);
        }
        if (fin) {
            e.aux |= fromClient ? FIN_CLIENT : FIN_SERVER;
        }
        if (rst || (e.aux & (FIN_CLIENT | FIN_SERVER)) == (FIN_CLIENT | FIN_SERVER)) {
            e.aux |= ENDED;
            e.closed = true;
            FlowKey k = (FlowKey) e.key;
            tcp.remove(k);
            remember(k, ts, e.aux2);
        }
    }

    /** Remembers an ended connection's tuple and client ISN, forgetting those older than {@link #ENDED_MEMORY_NS}. */
    private void remember(FlowKey k, long ts, long isn) {
        ended.remove(k);
        ended.put(k, new long[] {ts, isn});
        Iterator<long[]> it = ended.values().iterator();
        while (it.hasNext()) {
            long[] v = it.next();
            if (ended.size() <= ENDED_MAX && v[0] >= ts - ENDED_MEMORY_NS) {
                break;
            }
            it.remove();
        }
    }

    /**
     * A packet of a flow that only idle time ends (UDP, or TCP without visible flags, marked with
     * {@code aux} FLAGLESS): the first one of a 5-tuple starts the flow, from the client.
     */
    private void idleFlowPacket(LinkedHashMap<FlowKey, PendingConnections.Entry> flows, Protocol proto, long aux,
            long ts, boolean v6, long sh, long sl, int sp, long dh, long dl, int dp, int data) {
        probe.set(proto.number(), v6, sh, sl, sp, dh, dl, dp);
        PendingConnections.Entry e = flows.get(probe);
        boolean fromClient = true;
        if (e == null) {
            e = flows.get(probe.reverse(probeRev));
            fromClient = false;
        }
        if (e == null) {
            FlowKey k = probe.copy();
            e = start(ts, proto, v6, sh, sl, sp, dh, dl, dp);
            e.aux |= aux;
            e.key = k;
            flows.put(k, e);
            fromClient = true;
        }
        e.lastNs = Math.max(e.lastNs, ts);
        if (fromClient) {
            e.record.bytesIn(e.record.bytesIn() + data);
        } else {
            e.record.bytesOut(e.record.bytesOut() + data);
        }
    }

    private PendingConnections.Entry start(long ts, Protocol p, boolean v6, long sh, long sl, int sp, long dh, long dl, int dp) {
        PendingConnections.Entry e = pending.open(ts);
        IpAddress c = v6 ? IpAddress.ofV6(sh, sl) : IpAddress.ofV4((int) sl);
        IpAddress v = v6 ? IpAddress.ofV6(dh, dl) : IpAddress.ofV4((int) dl);
        e.record.protocol(p).client(c, sp).vip(v, dp).bytesIn(0).bytesOut(0);
        return e;
    }

    /** Ends flows idle past their timeout (the maps are in least-recently-active order). */
    private void expire(long now) {
        expire(tcp, now - opt.tcpIdleNs(), "TCP connections ended by the idle timeout (no FIN/RST seen)");
        expire(udp, now - opt.udpIdleNs(), null);
    }

    private void expire(LinkedHashMap<FlowKey, PendingConnections.Entry> map, long limit, String note) {
        Iterator<Map.Entry<FlowKey, PendingConnections.Entry>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            PendingConnections.Entry e = it.next().getValue();
            if (e.lastNs >= limit) {
                break;
            }
            e.aux |= ENDED;
            e.closed = true;
            it.remove();
            if (note != null && (e.aux & FLAGLESS) == 0) {
                report.note(note);
            }
        }
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
