package org.lvslab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lvslab.reports.ReportWriter;
import org.lvslab.sim.Runner;
import org.lvslab.sim.SimulationSpec;
import org.lvslab.sim.SimulationSpecs;
import org.lvslab.sim.demo.Demo;
import org.lvslab.sim.sweep.Objective;
import org.lvslab.sim.sweep.Sweep;
import org.lvslab.sim.sweep.SweepConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lvslab sweep}: capacity planning over schedulers × server counts × weights. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Capacity planning: run schedulers x real server counts x weight rules on one workload, check each "
            + "against an objective, rank them and write the winner as an ipvsadm -R script and a keepalived "
            + "virtual_server block (winner.ipvsadm, winner-keepalived.conf in the report directory).",
            "The rules' single service gives the VIP and the server pool; extra servers continue the last address."})
public final class SweepCommand implements Callable<Integer> {
    @Mixin
    SimulateCommand.Inputs in;

    @Option(names = "--schedulers", paramLabel = "LIST", defaultValue = "wlc,wrr,mh", description = "Schedulers (default wlc,wrr,mh).")
    String schedulers;

    @Option(names = "--counts", paramLabel = "LIST", description = "Real server counts (default: 1 to the rules' count + 2).")
    String counts;

    @Option(names = "--weights", paramLabel = "LIST", defaultValue = "rules,capacity", description = "Weight rules: rules, uniform, capacity (default rules,capacity).")
    String weights;

    @Option(names = "--objective", paramLabel = "EXPR", defaultValue = "latency_p99_s<=0.5,balance_mean<=1.5,failed<=0",
            description = "Limits on summary metrics, comma-separated (default latency_p99_s<=0.5,balance_mean<=1.5,failed<=0).")
    String objective;

    @Option(names = "--threads", paramLabel = "N", description = "Parallel runs (default: all cores).")
    Integer threads;

    @Option(names = "--charts", paramLabel = "N", defaultValue = "3", description = "Chart the best N configurations (default 3).")
    int charts;

    @Option(names = "--scale", paramLabel = "F", description = "Demo only: run length as a fraction of the 1 h demo (default 0.1).")
    Double scale;

    @Override
    public Integer call() {
        return in.guard(() -> {
            SimulationSpec base = in.noInputs()
                    ? in.overrideServers(Demo.spec(scale == null ? 0.1 : scale, in.seed, in.kernel()).withTimeline(List.of()))
                    : in.spec("base");
            Objective obj = Objective.parse(objective, SimulationSpecs.metricNames());
            List<Integer> ns;
            if (counts != null) {
                try {
                    ns = SimulateCommand.csv(counts).stream().map(Integer::parseInt).toList();
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--counts: expected numbers, e.g. 4,6,8");
                }
            } else {
                int poolSize = poolSize(base);
                ns = java.util.stream.IntStream.rangeClosed(Math.max(1, poolSize - 3), poolSize + 2).boxed().toList();
            }
            List<SweepConfig> configs = Sweep.configs(base, SimulateCommand.csv(schedulers), ns, SimulateCommand.csv(weights));
            SimulateCommand.ProgressBar bar = in.bar();
            Sweep.Result result = Sweep.run(base, configs, obj, threads == null ? Runner.defaultThreads() : threads, bar::batch);
            bar.finish();
            Path index = ReportWriter.write(Sweep.report(result, charts), in.out);
            if (!in.quiet) {
                for (Sweep.Entry e : result.ranked().subList(0, Math.min(10, result.ranked().size()))) {
                    var m = e.result().summary();
                    in.stdout.printf(Locale.ROOT, "%2d. %-24s %s  p99 %8.1f ms  balance %.3f%n", e.rank(), e.config().label(),
                            e.met() ? "meets   " : "violates", m.get("latency_p99_s") * 1000, m.get("balance_mean"));
                }
                in.stdout.println("winner: " + result.winner().config().label() + " -> "
                        + in.out.resolve("winner.ipvsadm") + ", " + in.out.resolve("winner-keepalived.conf"));
                in.stdout.println("report: " + index);
            }
            return 0;
        });
    }

    /** Real servers the rules list (lines adding a server). */
    private static int poolSize(SimulationSpec base) {
        int n = 0;
        for (String line : base.rulesText().split("\n")) {
            String l = line.strip();
            if (l.startsWith("-a ") || l.startsWith("--add-server")) {
                n++;
            }
        }
        return Math.max(1, n);
    }
}
