package org.lvslab.sim.sweep;

import java.util.List;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.sim.ServerPlan;

/**
 * One configuration of a sweep: a service with a scheduler and its real servers with weights.
 *
 * @param label   e.g. "wlc n=6 w=capacity"
 * @param service the virtual service (its scheduler is this configuration's)
 * @param dests   the real servers, in the order they are added
 * @param weights name of the weight rule used
 * @param servers capacities of these servers
 */
public record SweepConfig(String label, ServiceConfig service, List<DestConfig> dests, String weights, ServerPlan servers) {
    public SweepConfig {
        dests = List.copyOf(dests);
    }

    public int serverCount() {
        return dests.size();
    }

    public String scheduler() {
        return service.scheduler();
    }
}
