package org.lvslab.workloads;

import java.util.Objects;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;

/**
 * One connection as a trace or generator describes it. Mutable on purpose: a
 * {@link ConnectionSource} fills the caller's instance, so streaming a day of traffic allocates no
 * record objects. Call {@link #copy()} to keep one.
 *
 * <p>Times are in nanoseconds. {@link #timeNs()} is the connection's first packet measured from the
 * trace origin (time 0); the origin as an absolute epoch time, when the source knows it, is
 * {@link ConnectionSource#originEpochNs()}. Sources deliver records in non-decreasing
 * {@code timeNs} order.
 *
 * <p>Unknown values: {@code durationNs}, {@code bytesIn}, {@code bytesOut} and {@code expireNs} are
 * {@code -1} when unknown (a duration is unknown when the connection was still open at the end of
 * the trace, or the format does not carry it); {@code clientPort} 0 means not recorded;
 * {@code realServer} is null unless the trace observed which real server served it.
 * {@code bytesIn} is client-to-server payload, {@code bytesOut} server-to-client.
 *
 * <p>{@code fwmark} non-zero means the connection belongs to a firewall-mark service; {@code vip}
 * and {@code vport} are still the packet's destination. {@code state} and {@code expireNs} are set
 * only by table snapshots ({@code ipvsadm -Lcn}): the kernel state name and the time left on the
 * entry's timer.
 */
public final class ConnectionRecord {
    public static final long UNKNOWN = -1;

    private long timeNs;
    private Protocol protocol = Protocol.TCP;
    private IpAddress client;
    private int clientPort;
    private IpAddress vip;
    private int vport;
    private int fwmark;
    private long durationNs = UNKNOWN;
    private long bytesIn = UNKNOWN;
    private long bytesOut = UNKNOWN;
    private IpAddress realServer;
    private int realPort;
    private String state;
    private long expireNs = UNKNOWN;

    /** Resets every field to its "unknown" value. */
    public ConnectionRecord clear() {
        timeNs = 0;
        protocol = Protocol.TCP;
        client = null;
        clientPort = 0;
        vip = null;
        vport = 0;
        fwmark = 0;
        durationNs = UNKNOWN;
        bytesIn = UNKNOWN;
        bytesOut = UNKNOWN;
        realServer = null;
        realPort = 0;
        state = null;
        expireNs = UNKNOWN;
        return this;
    }

    public ConnectionRecord copyFrom(ConnectionRecord o) {
        timeNs = o.timeNs;
        protocol = o.protocol;
        client = o.client;
        clientPort = o.clientPort;
        vip = o.vip;
        vport = o.vport;
        fwmark = o.fwmark;
        durationNs = o.durationNs;
        bytesIn = o.bytesIn;
        bytesOut = o.bytesOut;
        realServer = o.realServer;
        realPort = o.realPort;
        state = o.state;
        expireNs = o.expireNs;
        return this;
    }

    public ConnectionRecord copy() {
        return new ConnectionRecord().copyFrom(this);
    }

    public long timeNs() { return timeNs; }
    public Protocol protocol() { return protocol; }
    public IpAddress client() { return client; }
    public int clientPort() { return clientPort; }
    public IpAddress vip() { return vip; }
    public int vport() { return vport; }
    public int fwmark() { return fwmark; }
    public long durationNs() { return durationNs; }
    public long bytesIn() { return bytesIn; }
    public long bytesOut() { return bytesOut; }
    public IpAddress realServer() { return realServer; }
    public int realPort() { return realPort; }
    public String state() { return state; }
    public long expireNs() { return expireNs; }

    public boolean hasDuration() { return durationNs >= 0; }

    /** Time of the last packet, or -1 when the duration is unknown. */
    public long endNs() { return durationNs < 0 ? UNKNOWN : timeNs + durationNs; }

    public ConnectionRecord timeNs(long v) { timeNs = v; return this; }
    public ConnectionRecord protocol(Protocol v) { protocol = Objects.requireNonNull(v); return this; }
    public ConnectionRecord client(IpAddress v) { client = v; return this; }
    public ConnectionRecord clientPort(int v) { clientPort = v; return this; }
    public ConnectionRecord client(IpAddress a, int port) { client = a; clientPort = port; return this; }
    public ConnectionRecord vip(IpAddress v) { vip = v; return this; }
    public ConnectionRecord vport(int v) { vport = v; return this; }
    public ConnectionRecord vip(IpAddress a, int port) { vip = a; vport = port; return this; }
    public ConnectionRecord fwmark(int v) { fwmark = v; return this; }
    public ConnectionRecord durationNs(long v) { durationNs = v; return this; }
    /** Sets the duration from an end time (which must not precede {@link #timeNs()}). */
    public ConnectionRecord endNs(long end) { durationNs = end - timeNs; return this; }
    public ConnectionRecord bytesIn(long v) { bytesIn = v; return this; }
    public ConnectionRecord bytesOut(long v) { bytesOut = v; return this; }
    public ConnectionRecord realServer(IpAddress v) { realServer = v; return this; }
    public ConnectionRecord realPort(int v) { realPort = v; return this; }
    public ConnectionRecord realServer(IpAddress a, int port) { realServer = a; realPort = port; return this; }
    public ConnectionRecord state(String v) { state = v; return this; }
    public ConnectionRecord expireNs(long v) { expireNs = v; return this; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionRecord r && r.timeNs == timeNs && r.protocol == protocol
                && Objects.equals(r.client, client) && r.clientPort == clientPort
                && Objects.equals(r.vip, vip) && r.vport == vport && r.fwmark == fwmark
                && r.durationNs == durationNs && r.bytesIn == bytesIn && r.bytesOut == bytesOut
                && Objects.equals(r.realServer, realServer) && r.realPort == realPort
                && Objects.equals(r.state, state) && r.expireNs == expireNs;
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeNs, protocol, client, clientPort, vip, vport, fwmark, durationNs);
    }

    @Override
    public String toString() {
        return "ConnectionRecord[t=" + timeNs + "ns " + protocol.label() + " " + Endpoint.format(client, clientPort)
                + " -> " + Endpoint.format(vip, vport) + (fwmark != 0 ? " fwmark=" + fwmark : "")
                + " dur=" + durationNs + " in=" + bytesIn + " out=" + bytesOut
                + (realServer != null ? " real=" + Endpoint.format(realServer, realPort) : "")
                + (state != null ? " state=" + state + " expire=" + expireNs : "") + "]";
    }
}
