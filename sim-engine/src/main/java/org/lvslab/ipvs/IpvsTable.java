package org.lvslab.ipvs;

import java.util.List;
import org.lvslab.engine.EventLoop;
import org.lvslab.engine.RandomStreams;
import org.lvslab.ipvs.sched.Explain;
import org.lvslab.ipvs.sched.SchedulerRegistry;

/**
 * The kernel's virtual server table for one network namespace: services, real servers, the
 * trash, the connection table, timers, sysctls and statistics, driven by the simulation clock of
 * an {@link EventLoop}.
 *
 * <p><b>Control path.</b> Every admin operation returns 0 or a positive kernel errno
 * ({@link Errno}), checked in the kernel's order ({@code ip_vs_ctl.c}), and changes nothing when
 * it fails.
 *
 * <p><b>Packet path.</b> {@link #inbound(Packet)} is {@code ip_vs_in_hook} for one client-to-VIP
 * packet; {@link #outbound(Packet)} is a real server's reply seen by a NAT director.
 *
 * <p>API contract shared by the ipvsadm front end, the scenario runner and the simulator; the
 * implementation follows the kernel rules cited in {@code docs/architecture.md}.
 */
public final class IpvsTable {

    /** Builds a table on {@code loop} for the given kernel; {@code hz} is CONFIG_HZ (Debian: 250). */
    public IpvsTable(EventLoop loop, KernelProfile profile, SchedulerRegistry registry, int hz, RandomStreams randoms) {
        throw new UnsupportedOperationException("IpvsTable is being implemented");
    }

    public KernelProfile profile() { throw new UnsupportedOperationException(); }
    public int hz() { throw new UnsupportedOperationException(); }
    /** Current kernel time in jiffies ({@code loop.now()} converted at this table's HZ). */
    public long jiffies() { throw new UnsupportedOperationException(); }
    public EventLoop loop() { throw new UnsupportedOperationException(); }
    public Sysctls sysctls() { throw new UnsupportedOperationException(); }
    public SchedulerRegistry registry() { throw new UnsupportedOperationException(); }
    /** Explain sink handed to schedulers (default {@link Explain#OFF}). */
    public void setExplain(Explain explain) { throw new UnsupportedOperationException(); }

    // ---- control path ------------------------------------------------------------------------
    public int addService(ServiceConfig config) { throw new UnsupportedOperationException(); }
    public int editService(ServiceConfig config) { throw new UnsupportedOperationException(); }
    public int deleteService(ServiceKey key) { throw new UnsupportedOperationException(); }
    /** {@code ipvsadm -C}. */
    public int flush() { throw new UnsupportedOperationException(); }
    /** {@code ipvsadm -Z}; {@code key == null} zeroes everything. */
    public int zero(ServiceKey key) { throw new UnsupportedOperationException(); }
    public int addDest(ServiceKey service, DestConfig dest) { throw new UnsupportedOperationException(); }
    public int editDest(ServiceKey service, DestConfig dest) { throw new UnsupportedOperationException(); }
    public int deleteDest(ServiceKey service, IpAddress address, int port) { throw new UnsupportedOperationException(); }
    /** {@code ipvsadm --set}: 0 leaves a value unchanged; negative or above INT_MAX/HZ → EINVAL. */
    public int setTimeouts(int tcp, int tcpFin, int udp) { throw new UnsupportedOperationException(); }
    public Timeouts timeouts() { throw new UnsupportedOperationException(); }

    /** The service with this identity, or null. */
    public VirtualService findService(ServiceKey key) { throw new UnsupportedOperationException(); }
    /** All services in a deterministic order (creation order; the kernel's hash order is per boot). */
    public List<VirtualService> services() { throw new UnsupportedOperationException(); }
    /** Counters over the whole table. */
    public Stats totalStats() { throw new UnsupportedOperationException(); }

    // ---- packet path -------------------------------------------------------------------------
    /** One client-to-VIP packet; see {@link #lastConnection()} for the entry it used or created. */
    public Verdict inbound(Packet packet) { throw new UnsupportedOperationException(); }
    /** One real-server-to-client reply (NAT only: the director sees it and the OUTPUT table applies). */
    public Verdict outbound(Packet packet) { throw new UnsupportedOperationException(); }
    /** Connection id used by the last {@link #inbound}/{@link #outbound} call, -1 if none. */
    public int lastConnection() { throw new UnsupportedOperationException(); }

    /** The connection table (structure of arrays, ids are slots). */
    public ConnectionTable connections() { throw new UnsupportedOperationException(); }
}
