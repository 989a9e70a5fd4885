package org.lvslab.ipvsadm;

import java.util.ArrayList;
import java.util.List;
import org.lvslab.ipvs.DaemonConfig;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.ipvs.Timeouts;
import org.lvslab.ipvsadm.kernel.DestEntry;
import org.lvslab.ipvsadm.kernel.IpvsKernel;
import org.lvslab.ipvsadm.kernel.ServiceEntry;
import org.lvslab.ipvsadm.kernel.StatsEntry;

/**
 * A kernel whose replies carry injected counters and connection-table text, as the golden
 * examples' emulated kernel did; every request goes to the real simulated kernel underneath.
 */
final class InjectingKernel implements IpvsKernel {
    private final IpvsKernel k;
    StatsEntry serviceStats;
    StatsEntry destStats;
    long[] destConns; // active, inactive, persistent
    String procText;

    InjectingKernel(IpvsKernel k) {
        this.k = k;
    }

    private ServiceEntry inject(ServiceEntry s) {
        return s == null || serviceStats == null ? s : s.withStats(serviceStats);
    }

    @Override
    public List<ServiceEntry> services() {
        List<ServiceEntry> out = new ArrayList<>();
        for (ServiceEntry s : k.services()) {
            out.add(inject(s));
        }
        return out;
    }

    @Override
    public ServiceEntry service(ServiceKey key) {
        return inject(k.service(key));
    }

    @Override
    public List<DestEntry> dests(ServiceKey key) {
        List<DestEntry> out = new ArrayList<>();
        for (DestEntry d : k.dests(key)) {
            if (destStats != null) {
                d = d.withStats(destStats);
            }
            if (destConns != null) {
                d = d.withConnections(destConns[0], destConns[1], destConns[2]);
            }
            out.add(d);
        }
        return out;
    }

    @Override
    public String connectionsProcText() {
        return procText != null ? procText : k.connectionsProcText();
    }

    @Override public int addService(ServiceConfig c) { return k.addService(c); }
    @Override public int editService(ServiceConfig c) { return k.editService(c); }
    @Override public int deleteService(ServiceKey key) { return k.deleteService(key); }
    @Override public int flush() { return k.flush(); }
    @Override public int zero(ServiceKey key) { return k.zero(key); }
    @Override public int addDest(ServiceKey s, DestConfig d) { return k.addDest(s, d); }
    @Override public int editDest(ServiceKey s, DestConfig d) { return k.editDest(s, d); }
    @Override public int deleteDest(ServiceKey s, IpAddress a, int p) { return k.deleteDest(s, a, p); }
    @Override public int setTimeouts(int a, int b, int c) { return k.setTimeouts(a, b, c); }
    @Override public Timeouts timeouts() { return k.timeouts(); }
    @Override public int startDaemon(DaemonConfig c) { return k.startDaemon(c); }
    @Override public int stopDaemon(int state) { return k.stopDaemon(state); }
    @Override public List<DaemonConfig> daemons() { return k.daemons(); }
    @Override public int connectionTableSize() { return k.connectionTableSize(); }
}
