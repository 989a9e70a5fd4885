package org.lvslab.sim.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.lvslab.engine.EventLoop;
import org.lvslab.engine.RandomStreams;
import org.lvslab.ipvs.DestConfig;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.ServiceConfig;
import org.lvslab.ipvs.ServiceFlags;
import org.lvslab.ipvs.VirtualService;
import org.lvslab.ipvs.sched.SchedulerRegistry;
import org.lvslab.reports.Report;
import org.lvslab.reports.RunResult;
import org.lvslab.reports.Table;
import org.lvslab.reports.io.Fmt;
import org.lvslab.sim.Reports;
import org.lvslab.sim.Runner;
import org.lvslab.sim.ServerPlan;
import org.lvslab.sim.SimulationException;
import org.lvslab.sim.SimulationSpec;
import org.lvslab.sim.server.Capacity;

/**
 * A capacity-planning sweep over schedulers × real server counts × weight rules.
 *
 * <p>The base spec's rules must define one virtual service; its real servers are the pool, in
 * file order. A configuration with {@code n} servers takes the first {@code n}; when {@code n}
 * exceeds the pool, further servers continue the last server's address (10.0.1.8 → 10.0.1.9, …)
 * with its port, forwarding method, weight and capacity.
 *
 * <p>Weight rules: {@code rules} (as the rules say), {@code uniform} (all 1) and
 * {@code capacity} (workers × speed, rounded, at least 1).
 *
 * <p>Ranking: configurations meeting the objective first — fewest servers, then lowest p99
 * latency, then lowest mean balance, then label; then the others by increasing violation. Every
 * run is independent and deterministic, so the ranking does not depend on the thread count.
 */
public final class Sweep {
    public static final List<String> WEIGHT_RULES = List.of("rules", "uniform", "capacity");

    private Sweep() {
    }

    /** One ranked configuration. */
    public record Entry(int rank, SweepConfig config, RunResult result, boolean met, double violation) {
    }

    public record Result(List<Entry> ranked, Objective objective) {
        public Entry winner() {
            return ranked.get(0);
        }
    }

    public static List<SweepConfig> configs(SimulationSpec base, List<String> schedulers, List<Integer> counts, List<String> weightRules) {
        IpvsTable scratch = new IpvsTable(new EventLoop(), base.kernel(), SchedulerRegistry.load(Sweep.class.getClassLoader()),
                base.hz(), new RandomStreams(0));
        org.lvslab.sim.Simulation.applyRules(scratch, base.rulesName(), base.rulesText());
        List<VirtualService> services = scratch.services();
        if (services.size() != 1) {
            throw new SimulationException(base.rulesName() + ": a sweep needs rules with exactly one virtual service, not "
                    + services.size());
        }
        VirtualService svc = services.get(0);
        if (svc.destCount() == 0) {
            throw new SimulationException(base.rulesName() + ": the service has no real server to sweep from");
        }
        List<DestConfig> pool = new ArrayList<>();
        for (int i = svc.destCount() - 1; i >= 0; i--) {
            RealServer d = svc.dest(i);
            pool.add(new DestConfig(d.address(), d.port(), d.forwarding(), d.weight(), d.upperThreshold(), d.lowerThreshold(),
                    d.tunnelType(), d.tunnelPort(), d.tunnelFlags()));
        }
        for (String w : weightRules) {
            if (!WEIGHT_RULES.contains(w)) {
                throw new IllegalArgumentException("unknown weight rule \"" + w + "\" (" + String.join(", ", WEIGHT_RULES) + ")");
            }
        }
        List<SweepConfig> out = new ArrayList<>();
        for (String sched : schedulers) {
            for (int n : counts) {
                if (n < 1) {
                    throw new IllegalArgumentException("server counts must be at least 1: " + n);
                }
                for (String w : weightRules) {
                    List<DestConfig> dests = new ArrayList<>();
                    ServerPlan plan = base.servers();
                    DestConfig last = pool.get(pool.size() - 1);
                    Capacity lastCap = plan.capacityOf(name(last));
                    for (int i = 0; i < n; i++) {
                        DestConfig d;
                        if (i < pool.size()) {
                            d = pool.get(i);
                        } else {
                            d = withAddress(last, next(last.address(), i - pool.size() + 1));
                            plan = plan.with(name(d), lastCap);
                        }
                        Capacity cap = plan.capacityOf(name(d));
                        int weight = switch (w) {
                            case "uniform" -> 1;
                            case "capacity" -> (int) Math.max(1, Math.round(cap.workers() * cap.speed()));
                            default -> d.weight();
                        };
                        dests.add(d.withWeight(weight));
                    }
                    ServiceConfig sc = new ServiceConfig(svc.key(), sched, svc.flags() & ~ServiceFlags.HASHED,
                            (int) (svc.timeoutJiffies() / base.hz()), svc.netmask(), svc.peName());
                    out.add(new SweepConfig(sched + " n=" + n + " w=" + w, sc, dests, w, plan));
                }
            }
        }
        return out;
    }

    public static Result run(SimulationSpec base, List<SweepConfig> configs, Objective objective, int threads,
            Runner.BatchProgress progress) {
        List<SimulationSpec> specs = new ArrayList<>();
        for (SweepConfig c : configs) {
            specs.add(base.withLabel(c.label()).withRules("sweep: " + c.label(), Scripts.ipvsadm(c)).withServers(c.servers()));
        }
        List<RunResult> results = Runner.runAll(specs, threads, progress);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            RunResult r = results.get(i);
            entries.add(new Entry(0, configs.get(i), r, objective.met(r), objective.violation(r)));
        }
        Comparator<Entry> order = Comparator.comparing((Entry e) -> !e.met())
                .thenComparingDouble(e -> e.met() ? e.config().serverCount() : e.violation())
                .thenComparingDouble(e -> nanToMax(e.result().summary().get("latency_p99_s")))
                .thenComparingDouble(e -> nanToMax(e.result().summary().get("balance_mean")))
                .thenComparing(e -> e.config().label());
        entries.sort(order);
        List<Entry> ranked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            ranked.add(new Entry(i + 1, e.config(), e.result(), e.met(), e.violation()));
        }
        return new Result(List.copyOf(ranked), objective);
    }

    /** The report: the ranking table, the winner's scripts and the top runs' charts side by side. */
    public static Report report(Result result, int chartedRuns) {
        List<String> cols = List.of("rank", "configuration", "scheduler", "servers", "weights", "meets objective",
                "violation", "p99 (s)", "mean latency (s)", "balance mean", "Jain mean", "refused", "failed");
        List<List<String>> rows = new ArrayList<>();
        for (Entry e : result.ranked()) {
            Map<String, Double> m = e.result().summary();
            rows.add(List.of(Integer.toString(e.rank()), e.config().label(), e.config().scheduler(),
                    Integer.toString(e.config().serverCount()), e.config().weights(), e.met() ? "yes" : "no",
                    Fmt.num(e.violation(), 4), Fmt.num(m.get("latency_p99_s"), 4), Fmt.num(m.get("latency_mean_s"), 4),
                    Fmt.num(m.get("balance_mean"), 4), Fmt.num(m.get("jain_mean"), 4),
                    Long.toString(e.result().totals().refused()), Long.toString(e.result().totals().failed())));
        }
        Entry w = result.winner();
        List<String> description = new ArrayList<>();
        description.add("Objective: " + result.objective() + ". " + result.ranked().size() + " configurations, "
                + result.ranked().stream().filter(Entry::met).count() + " meet it.");
        description.add("Winner: " + w.config().label() + (w.met() ? "" : " (no configuration meets the objective; closest shown)") + ".");
        List<RunResult> shown = result.ranked().stream().limit(Math.max(1, chartedRuns)).map(Entry::result).toList();
        return Reports.sweep(description, shown, new Table("Ranking", "ranking", cols, rows),
                List.of(new Report.ExtraFile("winner.ipvsadm", "Winner as an ipvsadm -R script", Scripts.ipvsadm(w.config())),
                        new Report.ExtraFile("winner-keepalived.conf", "Winner as a keepalived virtual_server block",
                                Scripts.keepalived(w.config()))));
    }

    private static double nanToMax(Double v) {
        return v == null || v.isNaN() ? Double.MAX_VALUE : v;
    }

    private static String name(DestConfig d) {
        return d.address().isV6() ? "[" + d.address() + "]:" + d.port() : d.address() + ":" + d.port();
    }

    private static DestConfig withAddress(DestConfig d, IpAddress a) {
        return new DestConfig(a, d.port(), d.forwarding(), d.weight(), d.upperThreshold(), d.lowerThreshold(),
                d.tunnelType(), d.tunnelPort(), d.tunnelFlags());
    }

    private static IpAddress next(IpAddress a, int k) {
        if (a.isV6()) {
            return IpAddress.ofV6(a.hi(), a.lo() + k);
        }
        return IpAddress.ofV4(a.v4() + k);
    }
}
