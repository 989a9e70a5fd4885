package org.lvslab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lvslab.reports.ReportWriter;
import org.lvslab.reports.RunResult;
import org.lvslab.sim.Compare;
import org.lvslab.sim.Runner;
import org.lvslab.sim.SimulationSpec;
import org.lvslab.sim.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lvslab compare}: the same input through several schedulers or rule files, side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Run the same workload through several schedulers (--schedulers) or rule files (--rules-set) "
            + "and write one report with the runs side by side and ranked.",
            "Without inputs it compares schedulers on the bundled demo."})
public final class CompareCommand implements Callable<Integer> {
    @Mixin
    SimulateCommand.Inputs in;

    @Option(names = "--schedulers", paramLabel = "LIST", description = "Comma-separated schedulers to substitute into the rules (e.g. wlc,mh,sh).")
    String schedulers;

    @Option(names = "--rules-set", paramLabel = "FILE", description = "A rule file to compare (repeat the option).")
    List<Path> ruleSets = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Parallel runs (default: all cores).")
    Integer threads;

    @Option(names = "--scale", paramLabel = "F", description = "Demo only: run length as a fraction of the 1 h demo (default 0.25).")
    Double scale;

    @Override
    public Integer call() {
        return in.guard(() -> {
            List<SimulationSpec> specs;
            if (!ruleSets.isEmpty()) {
                if (schedulers != null) {
                    throw new IllegalArgumentException("give --schedulers or --rules-set, not both");
                }
                if (in.rules == null) {
                    in.rules = ruleSets.get(0);
                }
                SimulationSpec base = in.spec("base");
                List<Compare.NamedRules> named = new ArrayList<>();
                for (Path p : ruleSets) {
                    named.add(new Compare.NamedRules(SimulateCommand.Inputs.stripExt(p.getFileName().toString()),
                            SimulateCommand.Inputs.read(p)));
                }
                specs = Compare.byRules(base, named);
            } else {
                List<String> names = SimulateCommand.csv(schedulers == null ? "rr,wrr,wlc,sed,mh" : schedulers);
                if (names.size() < 1) {
                    throw new IllegalArgumentException("--schedulers: empty list");
                }
                SimulationSpec base = in.noInputs()
                        ? in.overrideServers(Demo.spec(scale == null ? 0.25 : scale, in.seed, in.kernel()))
                        : in.spec("base");
                specs = Compare.bySchedulers(base, names);
            }
            SimulateCommand.ProgressBar bar = in.bar();
            List<RunResult> runs = Runner.runAll(specs, threads == null ? Runner.defaultThreads() : threads, bar::batch);
            bar.finish();
            Path index = ReportWriter.write(Compare.report(runs), in.out);
            if (!in.quiet) {
                int rank = 1;
                for (RunResult r : Compare.ranked(runs)) {
                    var m = r.summary();
                    double p99 = m.get("latency_p99_s");
                    // replay mode measures no latency: say so rather than print NaN
                    String latency = Double.isNaN(p99) ? String.format(Locale.ROOT, "%9s   ", "n/a")
                            : String.format(Locale.ROOT, "%9.1f ms", p99 * 1000);
                    in.stdout.printf(Locale.ROOT, "%d. %-12s p99 %s  balance %.3f  Jain %.4f  refused %d  failed %d%n", rank++,
                            r.label(), latency, m.get("balance_mean"), m.get("jain_mean"),
                            r.totals().refused(), r.totals().failed());
                }
                in.stdout.println("report: " + index);
            }
            return 0;
        });
    }
}
