package org.lvslab.sim;

import java.util.Map;
import java.util.TreeMap;
import org.lvslab.sim.server.Capacity;
import org.lvslab.sim.server.ServerModel;

/**
 * Real server capacities for service mode: a discipline, a default capacity and per-server
 * overrides keyed by {@code address:port} as ipvsadm prints it.
 */
public record ServerPlan(ServerModel.Discipline discipline, Capacity defaultCapacity, Map<String, Capacity> overrides) {
    public ServerPlan {
        overrides = java.util.Collections.unmodifiableMap(new TreeMap<>(overrides));
    }

    public static ServerPlan uniform(ServerModel.Discipline d, Capacity c) {
        return new ServerPlan(d, c, Map.of());
    }

    /**
     * Parses a capacity file, one setting a line ({@code #} comments):
     * <pre>
     * discipline ps            # or fifo
     * default    8x1.0         # WORKERS or WORKERSxSPEED for servers not listed
     * 10.0.1.5:80 12x1.5
     * </pre>
     * Errors name the file and line.
     */
    public static ServerPlan parse(String name, String text) {
        ServerPlan plan = uniform(ServerModel.Discipline.PS, new Capacity(8, 1.0));
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String body = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (body.isEmpty()) {
                continue;
            }
            String[] f = body.split("\\s+");
            try {
                if (f.length != 2) {
                    throw new IllegalArgumentException("expected two fields (e.g. \"default 8x1.0\" or \"10.0.1.5:80 12x1.5\")");
                }
                switch (f[0]) {
                    case "discipline" -> plan = new ServerPlan(ServerModel.Discipline.parse(f[1]), plan.defaultCapacity, plan.overrides);
                    case "default" -> plan = new ServerPlan(plan.discipline, Capacity.parse(f[1]), plan.overrides);
                    default -> {
                        if (!f[0].matches("(\\d+\\.){3}\\d+:\\d+|\\[[0-9A-Fa-f:.]+\\]:\\d+")) {
                            throw new IllegalArgumentException("\"" + f[0] + "\" is not discipline, default or ADDRESS:PORT");
                        }
                        plan = plan.with(f[0], Capacity.parse(f[1]));
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new SimulationException(name + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return plan;
    }

    public Capacity capacityOf(String server) {
        return overrides.getOrDefault(server, defaultCapacity);
    }

    public ServerPlan with(String server, Capacity c) {
        TreeMap<String, Capacity> m = new TreeMap<>(overrides);
        m.put(server, c);
        return new ServerPlan(discipline, defaultCapacity, m);
    }
}
