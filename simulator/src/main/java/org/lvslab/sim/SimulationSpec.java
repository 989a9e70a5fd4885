package org.lvslab.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.sim.server.Capacity;
import org.lvslab.sim.server.ServerModel;
import org.lvslab.workloads.AdminEvent;

/**
 * Everything one simulation run needs. Immutable; the {@code with…} methods return changed copies
 * (a sweep derives its configurations this way).
 *
 * @param label            name of the run in reports ("wlc", "rules-b", …)
 * @param kernel           the modelled kernel's switches
 * @param hz               CONFIG_HZ of the modelled kernel (Debian: 250)
 * @param seed             master seed: every random stream of the run derives from it
 * @param mode             replay or service
 * @param directors        independent directors sharing the real servers (kube-proxy style), ≥ 1
 * @param rulesName        where the rules came from (for messages)
 * @param rulesText        the rules in {@code ipvsadm -S} / {@code -R} format, applied to every director
 * @param workload         opens the connection stream
 * @param timeline         admin events in time order, applied to every director
 * @param servers          capacities for service mode
 * @param sampleIntervalNs sampling period of the load series (0 = automatic)
 * @param durationNs       end of the run (0 = when the workload is exhausted and every connection closed)
 * @param healthCheckNs    delay between a real server failing and the health checker removing it
 * @param notes            extra inputs shown in the report, in order
 */
public record SimulationSpec(String label, KernelProfile kernel, int hz, long seed, Mode mode, int directors,
        String rulesName, String rulesText, WorkloadFactory workload, List<AdminEvent> timeline, ServerPlan servers,
        long sampleIntervalNs, long durationNs, long healthCheckNs, Map<String, String> notes) {

    public static final int DEFAULT_HZ = 250;
    public static final long DEFAULT_HEALTH_CHECK_NS = 6_000_000_000L;

    public SimulationSpec {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(rulesText, "rulesText");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(servers, "servers");
        timeline = List.copyOf(timeline);
        notes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notes));
        if (directors < 1) {
            throw new IllegalArgumentException("directors must be at least 1: " + directors);
        }
        if (hz < 1) {
            throw new IllegalArgumentException("HZ must be positive: " + hz);
        }
    }

    /** A spec with defaults: newest kernel, HZ 250, one director, processor sharing on 8 workers, automatic sampling. */
    public static SimulationSpec of(String label, String rulesName, String rulesText, WorkloadFactory workload, Mode mode) {
        return new SimulationSpec(label, KernelProfile.newest(), DEFAULT_HZ, 1, mode, 1, rulesName, rulesText, workload,
                List.of(), ServerPlan.uniform(ServerModel.Discipline.PS, new Capacity(8, 1.0)), 0, 0,
                DEFAULT_HEALTH_CHECK_NS, Map.of());
    }

    public SimulationSpec withLabel(String v) {
        return new SimulationSpec(v, kernel, hz, seed, mode, directors, rulesName, rulesText, workload, timeline, servers, sampleIntervalNs, durationNs, healthCheckNs, notes);
    }

    public SimulationSpec withKernel(KernelProfile v) {
        return new SimulationSpec(label, v, hz, seed, mode, directors, rulesName, rulesText, workload, timeline, servers, sampleIntervalNs, durationNs, healthCheckNs, notes);
    }

    public SimulationSpec withSeed(long v) {
        return new SimulationSpec(label, kernel, hz, v, mode, directors, rulesName, rulesText, workload, timeline, servers, sampleIntervalNs, durationNs, healthCheckNs, notes);
    }

    public SimulationSpec withMode(Mode v) {
        return new SimulationSpec(label, kernel, hz, seed, v, directors, rulesName, rulesText, workload, timeline, servers, sampleIntervalNs, durationNs, healthCheckNs, notes);
    }

    public SimulationSpec withDirectors(int v) {
        return new SimulationSpec(label, kernel, hz, seed, mode, v, rulesName, rulesText, workload, timeline, servers, sampleIntervalNs, durationNs, healthCheckNs, notes);
    }

    public SimulationSpec withRules(String name, String text) {
        return new SimulationSpec(label, kernel, hz, seed, mode, directors, name, text, workload, timeline, servers, sampleIntervalNs, durationNs, healthCheckNs, notes);
    }

    public SimulationSpec withWorkload(WorkloadFactory v) {
        return new SimulationSpec(label, kernel, hz, seed, mode, directors, rulesName, rulesText, v, timeline, servers, sampleIntervalNs, durationNs, healthCheckNs, notes);
    }

    public SimulationSpec withTimeline(List<AdminEvent> v) {
        return new SimulationSpec(label, kernel, hz, seed, mode, directors, rulesName, rulesText, workload, v, servers, sampleIntervalNs, durationNs, healthCheckNs, notes);
    }

    public SimulationSpec withServers(ServerPlan v) {
        return new SimulationSpec(label, kernel, hz, seed, mode, directors, rulesName, rulesText, workload, timeline, v, sampleIntervalNs, durationNs, healthCheckNs, notes);
    }

    public SimulationSpec withSampleInterval(long v) {
        return new SimulationSpec(label, kernel, hz, seed, mode, directors, rulesName, rulesText, workload, timeline, servers, v, durationNs, healthCheckNs, notes);
    }

    public SimulationSpec withDuration(long v) {
        return new SimulationSpec(label, kernel, hz, seed, mode, directors, rulesName, rulesText, workload, timeline, servers, sampleIntervalNs, v, healthCheckNs, notes);
    }

    public SimulationSpec withHealthCheck(long v) {
        return new SimulationSpec(label, kernel, hz, seed, mode, directors, rulesName, rulesText, workload, timeline, servers, sampleIntervalNs, durationNs, v, notes);
    }

    public SimulationSpec withNote(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(notes);
        m.put(key, value);
        return new SimulationSpec(label, kernel, hz, seed, mode, directors, rulesName, rulesText, workload, timeline, servers, sampleIntervalNs, durationNs, healthCheckNs, m);
    }
}
