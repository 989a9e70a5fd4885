package org.lvslab.workloads.stats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.ConnectionSource;
import org.lvslab.workloads.TimeText;

/**
 * One pass over a source in constant memory: connection count, time span, connections per second
 * (one counter per second of trace time), distinct clients (HyperLogLog), duration percentiles
 * (HdrHistogram, 3 significant digits), connections per protocol and per virtual service.
 */
public final class TraceStats {
    private long connections;
    private long first = Long.MIN_VALUE;
    private long last;
    private long unknownDurations;
    private long[] perSecond = new long[64];
    private final HyperLogLog clients = new HyperLogLog();
    private final Histogram durations = new Histogram(3);
    private final Map<String, Long> services = new TreeMap<>();
    private long bytesIn;
    private long bytesOut;

    public static TraceStats of(ConnectionSource src) throws IOException {
        TraceStats s = new TraceStats();
        ConnectionRecord r = new ConnectionRecord();
        while (src.next(r)) {
            s.add(r);
        }
        return s;
    }

    public void add(ConnectionRecord r) {
        connections++;
        long t = r.timeNs();
        if (first == Long.MIN_VALUE) {
            first = t;
        }
        last = Math.max(last, t);
        long sec = (t - first) / 1_000_000_000L;
        if (sec >= 0 && sec < 1L << 31) {
            if (sec >= perSecond.length) {
                perSecond = Arrays.copyOf(perSecond, (int) Math.max(sec + 1, perSecond.length * 2L));
            }
            perSecond[(int) sec]++;
        }
        if (r.client() != null) {
            clients.add(HyperLogLog.mix(r.client().hi() * 0x9E3779B97F4A7C15L ^ HyperLogLog.mix(r.client().lo())));
        }
        if (r.hasDuration()) {
            durations.recordValue(Math.max(1, r.durationNs()));
        } else {
            unknownDurations++;
        }
        if (r.bytesIn() > 0) {
            bytesIn += r.bytesIn();
        }
        if (r.bytesOut() > 0) {
            bytesOut += r.bytesOut();
        }
        if (services.size() < 1000 || services.containsKey(serviceKey(r))) {
            services.merge(serviceKey(r), 1L, Long::sum);
        }
    }

    private String serviceKey(ConnectionRecord r) {
        // A small cache would avoid the string; stats are not a hot path of the simulator.
        return r.fwmark() != 0 ? "FWM " + Integer.toUnsignedString(r.fwmark())
                : r.protocol().label() + " " + org.lvslab.workloads.Endpoint.format(r.vip(), r.vport());
    }

    public long connections() { return connections; }
    public long firstNs() { return connections == 0 ? 0 : first; }
    public long lastNs() { return last; }
    public long spanNs() { return connections == 0 ? 0 : last - first; }
    public long distinctClientsEstimate() { return clients.estimate(); }
    public long unknownDurations() { return unknownDurations; }
    public long bytesIn() { return bytesIn; }
    public long bytesOut() { return bytesOut; }

    /** Duration at a percentile (0..100) in ns, or -1 when no duration is known. */
    public long durationPercentileNs(double pct) {
        return durations.getTotalCount() == 0 ? -1 : durations.getValueAtPercentile(pct);
    }

    public double meanRate() {
        long span = spanNs();
        return span <= 0 ? connections : connections / (span / 1e9);
    }

    /** Connections started in each whole second since the first record. */
    public long[] perSecond() {
        int n = connections == 0 ? 0 : (int) Math.min(perSecond.length, spanNs() / 1_000_000_000L + 1);
        return Arrays.copyOf(perSecond, n);
    }

    public long peakPerSecond() {
        return Arrays.stream(perSecond()).max().orElse(0);
    }

    public Map<String, Long> services() {
        return services;
    }

    /** A human-readable report; {@code rows} buckets of the rate over time. */
    public List<String> describe(int rows) {
        List<String> out = new ArrayList<>();
        out.add("connections      " + connections);
        out.add("time span        " + TimeText.human(spanNs()) + " (first at " + TimeText.human(firstNs()) + ")");
        out.add(String.format(Locale.ROOT, "mean rate        %.2f/s   peak %d/s (1 s buckets)", meanRate(), peakPerSecond()));
        out.add("clients          ~" + distinctClientsEstimate() + " distinct (HyperLogLog, about ±1%)");
        if (durations.getTotalCount() > 0) {
            out.add("duration         p50 " + TimeText.human(durationPercentileNs(50)) + "  p90 " + TimeText.human(durationPercentileNs(90))
                    + "  p99 " + TimeText.human(durationPercentileNs(99)) + "  p99.9 " + TimeText.human(durationPercentileNs(99.9))
                    + "  max " + TimeText.human(durations.getMaxValue()));
        }
        if (unknownDurations > 0) {
            out.add("duration unknown " + unknownDurations);
        }
        out.add("bytes            in " + bytesIn + "  out " + bytesOut);
        out.add("services");
        services.forEach((k, v) -> out.add("  " + k + "  " + v));
        long[] ps = perSecond();
        if (ps.length > 0) {
            int per = (int) Math.max(1, (ps.length + rows - 1) / rows);
            out.add("rate over time (per " + per + " s bucket: mean connections/s)");
            for (int i = 0; i < ps.length; i += per) {
                long sum = 0;
                int n = Math.min(per, ps.length - i);
                for (int j = 0; j < n; j++) {
                    sum += ps[i + j];
                }
                out.add(String.format(Locale.ROOT, "  %10s  %10.2f", TimeText.human(firstNs() + i * 1_000_000_000L), sum / (double) n));
            }
        }
        return out;
    }
}
