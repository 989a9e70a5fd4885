package org.lvslab.ipvsadm.kernel;

import java.util.ArrayList;
import java.util.List;
import org.lvslab.ipvs.DaemonConfig;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceFlags;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.ipvs.Timeouts;
import org.lvslab.ipvs.VirtualService;

/**
 * Answers ipvsadm's kernel requests from an {@link IpvsTable}: services, real servers, timeouts,
 * sync daemons and the connection table (rendered as {@code /proc/net/ip_vs_conn}).
 */
public final class SimulatedKernel implements IpvsKernel {
    /** 2^CONFIG_IP_VS_TAB_BITS with the default 12 bits ({@code ip_vs_conn.c}). */
    public static final int CONN_TAB_SIZE = 4096;

    /**
     * The netns part of the service hashes: {@code (size_t) ipvs >> 8}, of which only the low 8
     * bits matter ({@code IP_VS_SVC_TAB_BITS}). The kernel's value is the address of the netns's
     * {@code struct netns_ipvs}; this default is the one the kernel lab's Debian 6.12.117 guest
     * showed in every fresh namespace (see the real-ipvsadm test resources).
     */
    public static final int DEFAULT_NETNS_HASH_KEY = 0xc0;

    /** {@code IP_VS_SVC_TAB_SIZE}: buckets of each of the two service hash tables. */
    private static final int SVC_TAB_MASK = (1 << 8) - 1;

    private final IpvsTable table;
    private final int netnsHashKey;

    public SimulatedKernel(IpvsTable table) {
        this(table, DEFAULT_NETNS_HASH_KEY);
    }

    /** A kernel whose service hash tables mix in {@code netnsHashKey} (low 8 bits used). */
    public SimulatedKernel(IpvsTable table, int netnsHashKey) {
        this.table = table;
        this.netnsHashKey = netnsHashKey;
    }

    public IpvsTable table() {
        return table;
    }

    @Override
    public int addService(ServiceConfig config) {
        return table.addService(config);
    }

    @Override
    public int editService(ServiceConfig config) {
        return table.editService(config);
    }

    @Override
    public int deleteService(ServiceKey key) {
        return table.deleteService(key);
    }

    @Override
    public int flush() {
        return table.flush();
    }

    @Override
    public int zero(ServiceKey key) {
        return table.zero(key);
    }

    @Override
    public int addDest(ServiceKey service, DestConfig dest) {
        return table.addDest(service, dest);
    }

    @Override
    public int editDest(ServiceKey service, DestConfig dest) {
        return table.editDest(service, dest);
    }

    @Override
    public int deleteDest(ServiceKey service, IpAddress address, int port) {
        return table.deleteDest(service, address, port);
    }

    @Override
    public int setTimeouts(int tcp, int tcpFin, int udp) {
        return table.setTimeouts(tcp, tcpFin, udp);
    }

    @Override
    public Timeouts timeouts() {
        return table.timeouts();
    }

    @Override
    public int startDaemon(DaemonConfig config) {
        return table.startDaemon(config);
    }

    @Override
    public int stopDaemon(int state) {
        return table.stopDaemon(state);
    }

    @Override
    public List<DaemonConfig> daemons() {
        List<DaemonConfig> out = new ArrayList<>(2);
        for (int state : new int[] {DaemonConfig.MASTER, DaemonConfig.BACKUP}) {
            DaemonConfig d = table.daemon(state);
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }
    /**
     * The service dump in the kernel's order ({@code ip_vs_genl_dump_services}, ip_vs_ctl.c): the
     * address-service hash table bucket by bucket, then the fwmark table; inside a bucket the
     * newest service first (services are added at the head of the bucket's list). ipvsadm shows
     * this order with {@code --nosort}, and its wrap-around comparators make even sorted listings
     * depend on it.
     */
    @Override
    public List<ServiceEntry> services() {
        List<VirtualService> all = table.services(); // creation order
        List<ServiceEntry> out = new ArrayList<>(all.size());
        for (boolean fwmark : new boolean[] {false, true}) {
            for (int bucket = 0; bucket <= SVC_TAB_MASK; bucket++) {
                for (int i = all.size() - 1; i >= 0; i--) {
                    VirtualService s = all.get(i);
                    if (s.key().isFwmark() == fwmark && bucket(s.key()) == bucket) {
                        out.add(entry(s));
                    }
                }
            }
        }
        return out;
    }

    /** {@code ip_vs_svc_hashkey} / {@code ip_vs_svc_fwm_hashkey} (ip_vs_ctl.c). */
    int bucket(ServiceKey k) {
        if (k.isFwmark()) {
            return (netnsHashKey ^ k.fwmark()) & SVC_TAB_MASK;
        }
        IpAddress a = k.address();
        // the address folded to 32 bits (IPv6: the XOR of its four words), in host byte order
        int fold = a.isV6() ? (int) (a.hi() >>> 32) ^ (int) a.hi() ^ (int) (a.lo() >>> 32) ^ (int) a.lo() : a.v4();
        int port = k.port();
        return (k.protocol().number() ^ fold ^ netnsHashKey ^ (port >>> 8) ^ port) & SVC_TAB_MASK;
    }

    @Override
    public ServiceEntry service(ServiceKey key) {
        VirtualService s = table.findService(key);
        return s == null ? null : entry(s);
    }

    private ServiceEntry entry(VirtualService s) {
        ServiceKey k = s.key();
        return new ServiceEntry(k, k.isFwmark() ? 0 : k.protocol().number(), s.schedulerName(), s.peName(),
                s.flags() | ServiceFlags.HASHED, (int) (s.timeoutJiffies() / table.hz()), s.netmask(),
                StatsEntry.of(s.stats()));
    }

    @Override
    public List<DestEntry> dests(ServiceKey key) {
        VirtualService s = table.findService(key);
        if (s == null) {
            return List.of();
        }
        List<DestEntry> out = new ArrayList<>(s.destCount());
        for (RealServer d : s.dests()) {
            out.add(new DestEntry(d.address(), d.port(), d.forwarding().code(), d.weight(), d.tunnelType(),
                    d.tunnelPort(), d.tunnelFlags(), d.upperThreshold(), d.lowerThreshold(), d.activeConns(),
                    d.inactiveConns(), d.persistConns(), StatsEntry.of(d.stats())));
        }
        return out;
    }

    @Override
    public String connectionsProcText() {
        return ProcConnections.render(table);
    }

    @Override
    public int connectionTableSize() {
        return CONN_TAB_SIZE;
    }
}
