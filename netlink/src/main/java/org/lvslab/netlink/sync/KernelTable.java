package org.lvslab.netlink.sync;

import java.util.ArrayList;
import java.util.List;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.ipvs.Timeouts;
import org.lvslab.ipvsadm.kernel.DestEntry;
import org.lvslab.ipvsadm.kernel.IpvsKernel;
import org.lvslab.ipvsadm.kernel.ServiceEntry;
import org.lvslab.ipvsadm.kernel.SimulatedKernel;
import org.lvslab.ipvsadm.state.StateCodec;
import org.lvslab.netlink.IpvsReplies;

/**
 * A configuration snapshot of an IPVS table, real or simulated: the services (in the order the
 * kernel listed them) with their real servers in kernel list order, and the three timeouts
 * (null when unknown or not to be touched). Counters, connections and sync daemons are not part
 * of it.
 */
public record KernelTable(List<KernelService> services, Timeouts timeouts) {
    public static final KernelTable EMPTY = new KernelTable(List.of(), null);

    public KernelTable {
        services = List.copyOf(services);
    }

    /** Reads every service and its real servers from {@code kernel} (and its timeouts if asked). */
    public static KernelTable read(IpvsKernel kernel, boolean withTimeouts) {
        List<KernelService> out = new ArrayList<>();
        for (ServiceEntry s : kernel.services()) {
            List<DestConfig> dests = new ArrayList<>();
            for (DestEntry d : kernel.dests(s.key())) {
                dests.add(IpvsReplies.toConfig(d));
            }
            out.add(new KernelService(IpvsReplies.toConfig(s), dests));
        }
        return new KernelTable(out, withTimeouts ? kernel.timeouts() : null);
    }

    /** The configuration of a simulated table, timeouts included. */
    public static KernelTable of(IpvsTable table) {
        return read(new SimulatedKernel(table), true);
    }

    public KernelService find(ServiceKey key) {
        for (KernelService s : services) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        return null;
    }

    public KernelTable withTimeouts(Timeouts t) {
        return new KernelTable(services, t);
    }

    /**
     * A fresh simulated table of kernel {@code version} holding this configuration, with the same
     * real-server list order (each service's servers are added oldest first). Throws
     * {@link IllegalStateException} naming the operation the simulated kernel refused.
     */
    public IpvsTable toSimulatedTable(KernelVersion version) {
        IpvsTable t = StateCodec.newTable(version);
        Executor.Result r = Executor.apply(Planner.plan(EMPTY, this, Planner.Options.EXACT), new SimulatedKernel(t), false);
        if (!r.complete()) {
            throw new IllegalStateException("the simulated kernel refused " + r.failed().op().ipvsadm() + ": "
                    + org.lvslab.netlink.socket.Errnos.describe(r.errno()));
        }
        return t;
    }

    /** Same services with the same configurations and servers; {@code ordered} also compares list order. */
    public boolean sameAs(KernelTable other, boolean ordered) {
        if (services.size() != other.services.size()) {
            return false;
        }
        for (KernelService s : services) {
            KernelService o = other.find(s.key());
            if (o == null || !Planner.sameService(o.config(), s.config()) || o.dests().size() != s.dests().size()) {
                return false;
            }
            for (int i = 0; i < s.dests().size(); i++) {
                DestConfig d = s.dests().get(i);
                DestConfig od = ordered ? o.dests().get(i) : o.find(d.address(), d.port());
                if (od == null || !od.address().equals(d.address()) || od.port() != d.port() || !Planner.sameDest(od, d)) {
                    return false;
                }
            }
        }
        return timeouts == null || other.timeouts == null || timeouts.equals(other.timeouts);
    }
}
