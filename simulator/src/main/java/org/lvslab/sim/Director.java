package org.lvslab.sim;

import java.util.IdentityHashMap;
import java.util.Map;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.TableObserver;
import org.lvslab.ipvs.VirtualService;

/**
 * One director: its own virtual server table (and so its own scheduler state and counters) on
 * the shared clock, and the mapping from its real server objects to the run's shared server
 * indices. It observes its table to tell scheduler decisions from template placements.
 */
final class Director implements TableObserver {
    final int index;
    final IpvsTable table;
    private final Map<RealServer, Integer> serverIndex = new IdentityHashMap<>();
    private final ServerIndex servers;
    /** Scheduler calls so far: a new connection created without one was placed by a template. */
    long schedulerCalls;

    Director(int index, IpvsTable table, ServerIndex servers) {
        this.index = index;
        this.table = table;
        this.servers = servers;
    }

    @Override
    public void scheduled(VirtualService service, RealServer result) {
        schedulerCalls++;
    }

    /** The shared index of one of this table's real servers. */
    int indexOf(RealServer rs) {
        Integer i = serverIndex.get(rs);
        if (i == null) {
            int k = servers.find(rs.address(), rs.port());
            if (k < 0) {
                throw new IllegalStateException("real server " + rs + " is not in the run's server list");
            }
            serverIndex.put(rs, k);
            return k;
        }
        return i;
    }
}
