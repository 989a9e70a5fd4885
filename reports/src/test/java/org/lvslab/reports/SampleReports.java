package org.lvslab.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lvslab.engine.RandomStream;
import org.lvslab.reports.metrics.DisruptionTracker;
import org.lvslab.reports.metrics.LatencyRecorder;
import org.lvslab.reports.metrics.LoadSeries;

/** Small synthetic runs for the writer and page tests (not a simulation: just plausible data). */
final class SampleReports {
    private SampleReports() {
    }

    static RunResult run(String label, long seed, boolean service) {
        int n = 3;
        RandomStream rnd = new RandomStream(seed);
        LoadSeries load = new LoadSeries(n);
        int[] w = {1, 2, 3};
        long[] conns = new long[n];
        DisruptionTracker d = new DisruptionTracker();
        LatencyRecorder lat = service ? new LatencyRecorder() : null;
        for (int t = 0; t < 120; t++) {
            int[] a = new int[n];
            int[] in = new int[n];
            if (t == 60) {
                w = new int[] {1, 0, 3};
                d.event(t * 1_000_000_000L, "drain 10.0.0.2:80");
            }
            for (int s = 0; s < n; s++) {
                a[s] = w[s] * 5 + rnd.nextInt(4);
                in[s] = rnd.nextInt(10);
                conns[s] += a[s];
            }
            for (int c = 0; c < 20; c++) {
                d.opened(rnd.nextInt(50), rnd.nextInt(n));
                if (lat != null) {
                    lat.record(1_000_000L + rnd.nextInt(50_000_000));
                }
            }
            load.sample(t * 1_000_000_000L, a, in, new int[n], w);
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("scheduler", label);
        inputs.put("seed", Long.toString(seed));
        return new RunResult(label, inputs, service, List.of("10.0.0.1:80", "10.0.0.2:80", "10.0.0.3:80"), conns,
                load, d.finish(), lat, new Totals(1000, 990, 10, 0, 0, 0, 120_000_000_000L));
    }

    static Report report() {
        return new Report("Sample report", List.of("synthetic data"),
                List.of(run("wlc", 1, true), run("mh", 2, true)),
                List.of(new Table("Ranking", "ranking", List.of("rank", "config"), List.of(List.of("1", "wlc")))),
                List.of(new Report.ExtraFile("winner.ipvsadm", "Winner", "-A -t 10.0.0.1:80 -s wlc\n")));
    }
}
