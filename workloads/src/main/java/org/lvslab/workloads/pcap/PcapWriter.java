package org.lvslab.workloads.pcap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.workloads.ConnectionRecord;

/**
 * Writes synthetic captures so tests and benchmarks have pcap/pcapng input made by the project.
 * Each TCP connection becomes SYN, SYN-ACK, client data, server data, client FIN and server
 * FIN-ACK at fixed fractions of its duration (0, 1/10, 2/10, 3/10, 9/10, 1), payloads split
 * into segments of at most 1400 bytes; a UDP flow becomes one request and one reply datagram.
 * Timestamps are absolute: {@code originNs} + the record's time. Packets are sorted by time.
 */
public final class PcapWriter implements AutoCloseable {
    public enum Container { PCAP_US, PCAP_NS, PCAPNG }

    private record Frame(long tsNs, long seq, byte[] data) {
    }

    private final OutputStream out;
    private final Container container;
    private final int linkType;
    private final boolean little;
    private final List<Frame> frames = new ArrayList<>();
    private long seq;

    public PcapWriter(OutputStream out, Container container, int linkType, boolean littleEndian) {
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.container = container;
        this.linkType = linkType;
        this.little = littleEndian;
    }

    /** Adds a connection's packets (duration and bytes must be known; -1 bytes count as 0). */
    public void connection(ConnectionRecord r, long originNs) {
        long t0 = originNs + r.timeNs();
        long d = Math.max(0, r.durationNs());
        IpAddress c = r.client();
        IpAddress v = r.vip();
        int cp = r.clientPort();
        int vp = r.vport();
        long in = Math.max(0, r.bytesIn());
        long outB = Math.max(0, r.bytesOut());
        if (r.protocol() == Protocol.UDP) {
            add(t0, ip(c, v, udp(cp, vp, (int) Math.min(in, 1400))));
            add(t0 + d, ip(v, c, udp(vp, cp, (int) Math.min(outB, 1400))));
            return;
        }
        add(t0, ip(c, v, tcp(cp, vp, 0x02, 0)));
        add(t0 + d / 10, ip(v, c, tcp(vp, cp, 0x12, 0)));
        segments(t0 + 2 * d / 10, c, v, cp, vp, in);
        segments(t0 + 3 * d / 10, v, c, vp, cp, outB);
        add(t0 + 9 * d / 10, ip(c, v, tcp(cp, vp, 0x11, 0)));
        add(t0 + d, ip(v, c, tcp(vp, cp, 0x11, 0)));
    }

    private void segments(long t, IpAddress s, IpAddress d, int sp, int dp, long bytes) {
        while (bytes > 0) {
            int n = (int) Math.min(bytes, 1400);
            add(t, ip(s, d, tcp(sp, dp, 0x18, n)));
            bytes -= n;
        }
        if (bytes == 0) {
            add(t, ip(s, d, tcp(sp, dp, 0x10, 0)));
        }
    }

    /** Adds a raw IP packet (for tests of odd packets). */
    public void rawIp(long tsNs, byte[] ipPacket) {
        add(tsNs, ipPacket);
    }

    private void add(long ts, byte[] ipPacket) {
        frames.add(new Frame(ts, seq++, frame(ipPacket)));
    }

    private byte[] frame(byte[] ip) {
        boolean v6 = (ip[0] & 0xf0) == 0x60;
        int et = v6 ? 0x86dd : 0x0800;
        byte[] h;
        switch (linkType) {
            case 1 -> {
                h = new byte[14];
                h[0] = 0x02;
                h[6] = 0x02;
                h[11] = 1;
                h[12] = (byte) (et >>> 8);
                h[13] = (byte) et;
            }
            case 113 -> {
                h = new byte[16];
                h[3] = 1; // ARPHRD_ETHER
                h[5] = 6;
                h[14] = (byte) (et >>> 8);
                h[15] = (byte) et;
            }
            case 276 -> {
                h = new byte[20];
                h[0] = (byte) (et >>> 8);
                h[1] = (byte) et;
                h[7] = 2;
                h[9] = 1;
                h[11] = 6;
            }
            default -> h = new byte[0];
        }
        byte[] f = new byte[h.length + ip.length];
        System.arraycopy(h, 0, f, 0, h.length);
        System.arraycopy(ip, 0, f, h.length, ip.length);
        return f;
    }

    public static byte[] tcp(int sp, int dp, int flags, int payload) {
        byte[] t = new byte[20 + payload];
        be16(t, 0, sp);
        be16(t, 2, dp);
        t[12] = 0x50;
        t[13] = (byte) flags;
        be16(t, 14, 65535);
        return t;
    }

    public static byte[] udp(int sp, int dp, int payload) {
        byte[] u = new byte[8 + payload];
        be16(u, 0, sp);
        be16(u, 2, dp);
        be16(u, 4, 8 + payload);
        return u;
    }

    /** An IPv4 or IPv6 header (by the addresses' family) around a TCP (flags in byte 13) or UDP segment. */
    public static byte[] ip(IpAddress s, IpAddress d, byte[] l4) {
        boolean tcp = l4.length >= 20 && l4[12] == 0x50;
        int proto = tcp ? 6 : 17;
        if (!s.isV6()) {
            byte[] p = new byte[20 + l4.length];
            p[0] = 0x45;
            be16(p, 2, p.length);
            p[8] = 64;
            p[9] = (byte) proto;
            System.arraycopy(s.toBytes(), 0, p, 12, 4);
            System.arraycopy(d.toBytes(), 0, p, 16, 4);
            System.arraycopy(l4, 0, p, 20, l4.length);
            return p;
        }
        byte[] p = new byte[40 + l4.length];
        p[0] = 0x60;
        be16(p, 4, l4.length);
        p[6] = (byte) proto;
        p[7] = 64;
        System.arraycopy(s.toBytes(), 0, p, 8, 16);
        System.arraycopy(d.toBytes(), 0, p, 24, 16);
        System.arraycopy(l4, 0, p, 40, l4.length);
        return p;
    }

    private static void be16(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 8);
        b[p + 1] = (byte) v;
    }

    private void u16(int v) throws IOException {
        if (little) {
            out.write(v);
            out.write(v >>> 8);
        } else {
            out.write(v >>> 8);
            out.write(v);
        }
    }

    private void u32(long v) throws IOException {
        if (little) {
            u16((int) v & 0xffff);
            u16((int) (v >>> 16) & 0xffff);
        } else {
            u16((int) (v >>> 16) & 0xffff);
            u16((int) v & 0xffff);
        }
    }

    @Override
    public void close() throws IOException {
        frames.sort(Comparator.comparingLong(Frame::tsNs).thenComparingLong(Frame::seq));
        if (container == Container.PCAPNG) {
            u32(0x0a0d0d0aL);
            u32(28);
            u32(0x1a2b3c4dL);
            u16(1);
            u16(0);
            u32(0xffffffffL);
            u32(0xffffffffL);
            u32(28);
            // IDB with if_tsresol = 9 (ns)
            u32(1);
            u32(32);
            u16(linkType);
            u16(0);
            u32(262144);
            u16(9);
            u16(1);
            out.write(9);
            out.write(0);
            out.write(0);
            out.write(0);
            u16(0);
            u16(0);
            u32(32);
            for (Frame f : frames) {
                int pad = (4 - f.data.length % 4) % 4;
                long len = 32 + f.data.length + pad;
                u32(6);
                u32(len);
                u32(0);
                u32(f.tsNs >>> 32);
                u32(f.tsNs & 0xffffffffL);
                u32(f.data.length);
                u32(f.data.length);
                out.write(f.data);
                for (int i = 0; i < pad; i++) {
                    out.write(0);
                }
                u32(len);
            }
        } else {
            boolean ns = container == Container.PCAP_NS;
            u32(ns ? 0xa1b23c4dL : 0xa1b2c3d4L);
            u16(2);
            u16(4);
            u32(0);
            u32(0);
            u32(262144);
            u32(linkType);
            for (Frame f : frames) {
                u32(f.tsNs / 1_000_000_000L);
                u32(ns ? f.tsNs % 1_000_000_000L : (f.tsNs % 1_000_000_000L) / 1000);
                u32(f.data.length);
                u32(f.data.length);
                out.write(f.data);
            }
        }
        out.flush();
        out.close();
    }
}
