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

    private final IpvsTable table;

    public SimulatedKernel(IpvsTable table) {
        this.table = table;
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
    @Override
    public List<ServiceEntry> services() {
        List<ServiceEntry> out = new ArrayList<>();
        for (VirtualService s : table.services()) {
            if (!s.key().isFwmark()) {
                out.add(entry(s));
            }
        }
        for (VirtualService s : table.services()) {
            if (s.key().isFwmark()) {
                out.add(entry(s));
            }
        }
        return out;
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
