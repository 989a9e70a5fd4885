package org.lvslab.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.lvslab.reports.Report;
import org.lvslab.reports.RunResult;
import org.lvslab.reports.Table;
import org.lvslab.reports.io.Fmt;

/**
 * The same input through several schedulers or rule sets. Runs are independent (a pool of
 * threads may run them) and the report puts them side by side with a ranking: by p99 latency in
 * service mode, by mean balance (max/avg weight-normalised load) in replay mode.
 */
public final class Compare {
    private Compare() {
    }

    /** A rule set with a name, for comparing rule files. */
    public record NamedRules(String name, String text) {
    }

    public static List<SimulationSpec> bySchedulers(SimulationSpec base, List<String> schedulers) {
        List<SimulationSpec> out = new ArrayList<>();
        for (String s : schedulers) {
            out.add(base.withLabel(s).withRules(base.rulesName() + " with -s " + s, RulesText.withScheduler(base.rulesText(), s)));
        }
        return out;
    }

    public static List<SimulationSpec> byRules(SimulationSpec base, List<NamedRules> rules) {
        List<SimulationSpec> out = new ArrayList<>();
        for (NamedRules r : rules) {
            out.add(base.withLabel(r.name()).withRules(r.name(), r.text()));
        }
        return out;
    }

    /** Runs in the order best first (ties by label). */
    public static List<RunResult> ranked(List<RunResult> runs) {
        boolean service = runs.stream().allMatch(RunResult::serviceMode);
        String key = service ? "latency_p99_s" : "balance_mean";
        List<RunResult> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble((RunResult r) -> {
            double v = r.summary().get(key);
            return Double.isNaN(v) ? Double.MAX_VALUE : v;
        }).thenComparingLong(r -> r.totals().refused() + r.totals().failed()).thenComparing(RunResult::label));
        return sorted;
    }

    public static Report report(List<RunResult> runs) {
        Report base = Reports.compare(runs);
        boolean service = runs.stream().allMatch(RunResult::serviceMode);
        List<List<String>> rows = new ArrayList<>();
        int rank = 1;
        for (RunResult r : ranked(runs)) {
            Map<String, Double> m = r.summary();
            rows.add(List.of(Integer.toString(rank++), r.label(), Fmt.num(m.get("latency_p99_s"), 4),
                    Fmt.num(m.get("latency_mean_s"), 4), Fmt.num(m.get("balance_mean"), 4), Fmt.num(m.get("jain_mean"), 4),
                    Long.toString(r.totals().refused()), Long.toString(r.totals().failed())));
        }
        Table t = new Table("Ranking (by " + (service ? "p99 latency" : "mean balance") + ")", "ranking",
                List.of("rank", "run", "p99 (s)", "mean latency (s)", "balance mean", "Jain mean", "refused", "failed"), rows);
        return new Report(base.title(), base.description(), base.runs(), List.of(t), List.of());
    }
}
