package org.lvslab.reports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lvslab.reports.metrics.LatencyRecorder;
import org.lvslab.reports.metrics.LoadSeries;

/**
 * Everything one simulation run measured, as data: what the run was given ({@link #inputs()},
 * in insertion order), per-server counts, the sampled load, the admin events with their
 * disruption, latency (service mode only) and totals. Reports and charts are drawn from this.
 */
public final class RunResult {
    private final String label;
    private final Map<String, String> inputs;
    private final boolean serviceMode;
    private final List<String> servers;
    private final long[] connections;
    private final LoadSeries load;
    private final List<AdminMark> events;
    private final LatencyRecorder latency;
    private final Totals totals;

    public RunResult(String label, Map<String, String> inputs, boolean serviceMode, List<String> servers,
            long[] connections, LoadSeries load, List<AdminMark> events, LatencyRecorder latency, Totals totals) {
        if (connections.length != servers.size() || load.servers() != servers.size()) {
            throw new IllegalArgumentException("per-server arrays do not match the " + servers.size() + " servers");
        }
        this.label = label;
        this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        this.serviceMode = serviceMode;
        this.servers = List.copyOf(servers);
        this.connections = connections.clone();
        this.load = load;
        this.events = List.copyOf(events);
        this.latency = latency;
        this.totals = totals;
    }

    public String label() {
        return label;
    }

    public Map<String, String> inputs() {
        return inputs;
    }

    public boolean serviceMode() {
        return serviceMode;
    }

    public List<String> servers() {
        return servers;
    }

    public long connections(int server) {
        return connections[server];
    }

    public LoadSeries load() {
        return load;
    }

    public List<AdminMark> events() {
        return events;
    }

    /** Latency in service mode; null in replay mode (a trace's durations are not latencies). */
    public LatencyRecorder latency() {
        return latency;
    }

    public Totals totals() {
        return totals;
    }

    // ---- derived metrics -----------------------------------------------------------------------

    /** Share of all scheduled connections that went to a server. */
    public double connectionShare(int server) {
        long sum = 0;
        for (long c : connections) {
            sum += c;
        }
        return sum == 0 ? 0 : (double) connections[server] / sum;
    }

    /** A server's share of the total weight, averaged over the samples (weights change on drains). */
    public double weightShare(int server) {
        int n = load.samples();
        if (n == 0) {
            return 0;
        }
        double s = 0;
        int used = 0;
        for (int t = 0; t < n; t++) {
            long total = 0;
            for (int i = 0; i < servers.size(); i++) {
                total += load.weight(t, i);
            }
            if (total > 0) {
                s += (double) load.weight(t, server) / total;
                used++;
            }
        }
        return used == 0 ? 0 : s / used;
    }

    /** Largest |connection share − weight share| over servers. */
    public double maxShareError() {
        double m = 0;
        for (int i = 0; i < servers.size(); i++) {
            m = Math.max(m, Math.abs(connectionShare(i) - weightShare(i)));
        }
        return m;
    }

    /** Largest disruption over the admin events (NaN with none observed). */
    public double maxDisruption() {
        double m = Double.NaN;
        for (AdminMark e : events) {
            double d = e.disruption();
            if (!Double.isNaN(d) && (Double.isNaN(m) || d > m)) {
                m = d;
            }
        }
        return m;
    }

    /** The headline numbers, in display order (name → value); NaN where a metric does not apply. */
    public Map<String, Double> summary() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("connections", (double) totals.scheduled());
        m.put("refused", (double) totals.refused());
        m.put("failed", (double) totals.failed());
        m.put("persistence_hits", (double) totals.persistenceHits());
        m.put("balance_mean", load.meanBalance());
        m.put("balance_peak", load.peakBalance());
        m.put("jain_mean", load.meanJain());
        m.put("jain_min", load.minJain());
        m.put("share_error_max", maxShareError());
        m.put("disruption_max", maxDisruption());
        boolean lat = latency != null && latency.count() > 0;
        m.put("latency_mean_s", lat ? latency.meanSeconds() : Double.NaN);
        m.put("latency_p50_s", lat ? latency.percentileSeconds(50) : Double.NaN);
        m.put("latency_p90_s", lat ? latency.percentileSeconds(90) : Double.NaN);
        m.put("latency_p99_s", lat ? latency.percentileSeconds(99) : Double.NaN);
        m.put("latency_p999_s", lat ? latency.percentileSeconds(99.9) : Double.NaN);
        m.put("latency_max_s", lat ? latency.maxSeconds() : Double.NaN);
        return m;
    }

}
