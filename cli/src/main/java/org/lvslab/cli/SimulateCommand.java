package org.lvslab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.reports.ReportWriter;
import org.lvslab.reports.RunResult;
import org.lvslab.sim.Mode;
import org.lvslab.sim.Progress;
import org.lvslab.sim.Reports;
import org.lvslab.sim.ServerPlan;
import org.lvslab.sim.Simulation;
import org.lvslab.sim.SimulationException;
import org.lvslab.sim.SimulationSpec;
import org.lvslab.sim.WorkloadFactory;
import org.lvslab.sim.Workloads;
import org.lvslab.sim.demo.Demo;
import org.lvslab.sim.server.Capacity;
import org.lvslab.sim.server.ServerModel;
import org.lvslab.workloads.AdminTimeline;
import org.lvslab.workloads.TimeText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lvslab simulate}: one run, one report. Without inputs it runs the bundled demo. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate traffic through IPVS and write a report (data, charts, one HTML page).",
            "Without --rules/--workload/--trace it runs the bundled demo: an eight-server web cluster with a "
                + "diurnal peak, a drain, a failure at the peak and a scale-out."})
public final class SimulateCommand implements Callable<Integer> {
    @Mixin
    Inputs in;

    @Option(names = "--scale", paramLabel = "F", description = "Demo only: run length as a fraction of the 1 h demo (default 1).")
    Double scale;

    @Override
    public Integer call() {
        return in.guard(() -> {
            SimulationSpec spec;
            if (in.noInputs()) {
                spec = Demo.spec(scale == null ? 1.0 : scale, in.seed, in.kernel());
                spec = in.overrideServers(spec);
            } else {
                if (scale != null) {
                    throw new IllegalArgumentException("--scale applies to the demo only");
                }
                spec = in.spec(in.label());
            }
            ProgressBar bar = in.bar();
            RunResult r = Simulation.run(spec, bar::simulated);
            bar.finish();
            Path index = ReportWriter.write(Reports.simulate(r), in.out);
            in.summary(r, index);
            return 0;
        });
    }

    /** Inputs shared by simulate, compare and sweep. */
    static final class Inputs {
        @Option(names = "--rules", paramLabel = "FILE", description = "Rules in ipvsadm -S / -R format.")
        Path rules;

        @Option(names = "--workload", paramLabel = "SPEC", description = "Synthetic workload: a spec (key=value …) or a file holding one.")
        String workload;

        @Option(names = "--trace", paramLabel = "FILE", description = "Replay a trace (csv, nginx, apache, conntrack, pcap, ipvsadm-lcn, wc98; compressed ok).")
        Path trace;

        @Option(names = "--format", paramLabel = "F", description = "Trace format (default: detected from the content).")
        String format;

        @Option(names = "--timeline", paramLabel = "FILE", description = "Admin events (add, remove, weight, drain, fail, thresholds, scheduler).")
        Path timeline;

        @Option(names = "--mode", paramLabel = "M", description = "replay (a connection lasts what the input says) or service "
                + "(its duration is its demand served by a real server of finite capacity). Default: service for --workload, replay for --trace.")
        String mode;

        @Option(names = "--servers", paramLabel = "FILE", description = "Real server capacities (lines: 'discipline ps|fifo', 'default 8x1.0', 'ADDR:PORT WORKERSxSPEED').")
        Path servers;

        @Option(names = "--capacity", paramLabel = "WxS", description = "Default real server capacity: workers x relative speed (e.g. 8 or 4x1.5).")
        String capacity;

        @Option(names = "--discipline", paramLabel = "D", description = "How a real server shares its workers: ps (processor sharing) or fifo.")
        String discipline;

        @Option(names = "--directors", paramLabel = "N", defaultValue = "1", description = "Independent directors sharing the real servers (default 1).")
        int directors;

        @Option(names = "--kernel", paramLabel = "VERSION", description = "Modelled kernel (default " + "6.12.117" + ").")
        String kernel;

        @Option(names = "--hz", paramLabel = "HZ", defaultValue = "250", description = "CONFIG_HZ of the modelled kernel (default 250).")
        int hz;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Master seed (default 1).")
        long seed;

        @Option(names = "--duration", paramLabel = "TIME", description = "Stop the run at this simulated time (e.g. 10m).")
        String duration;

        @Option(names = "--health-check", paramLabel = "TIME", defaultValue = "6s", description = "Delay before a failed real server is removed (default 6s).")
        String healthCheck;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "lvslab-report", description = "Report directory (default ./lvslab-report).")
        Path out;

        @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary on the terminal.")
        boolean quiet;

        PrintStream stdout = System.out;
        PrintStream stderr = System.err;

        interface Body {
            int run() throws Exception;
        }

        int guard(Body b) {
            try {
                return b.run();
            } catch (SimulationException | IllegalArgumentException | IOException | java.io.UncheckedIOException e) {
                stderr.println("lvslab: " + e.getMessage());
                return 2;
            } catch (Exception e) {
                stderr.println("lvslab: " + e);
                return 1;
            }
        }

        boolean noInputs() {
            return rules == null && workload == null && trace == null;
        }

        String label() {
            return rules != null ? stripExt(rules.getFileName().toString()) : "run";
        }

        static String stripExt(String s) {
            int dot = s.lastIndexOf('.');
            return dot > 0 ? s.substring(0, dot) : s;
        }

        KernelProfile kernel() {
            return kernel == null ? KernelProfile.newest() : KernelProfile.of(kernel);
        }

        String rulesText() throws IOException {
            if (rules == null) {
                throw new IllegalArgumentException("--rules FILE is required (ipvsadm -S / -R format)");
            }
            return read(rules);
        }

        static String read(Path p) throws IOException {
            try {
                return Files.readString(p, StandardCharsets.UTF_8);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new IOException(p + ": no such file");
            }
        }

        WorkloadFactory workload() throws IOException {
            if ((workload == null) == (trace == null)) {
                throw new IllegalArgumentException("give exactly one of --workload SPEC and --trace FILE");
            }
            if (format != null && trace == null) {
                throw new IllegalArgumentException("--format applies to --trace only");
            }
            if (trace != null) {
                if (!Files.isRegularFile(trace)) {
                    throw new IOException(trace + ": no such file");
                }
                return Workloads.trace(trace, format);
            }
            String text = workload.contains("=") ? workload : read(Path.of(workload));
            return Workloads.spec(text, seed);
        }

        SimulationSpec spec(String label) throws IOException {
            String rulesName = rules == null ? "rules" : rules.toString();
            WorkloadFactory w = workload();
            Mode m = mode != null ? Mode.parse(mode) : trace != null ? Mode.REPLAY : Mode.SERVICE;
            SimulationSpec spec = SimulationSpec.of(label, rulesName, rulesText(), w, m)
                    .withSeed(seed).withKernel(kernel()).withDirectors(directors);
            spec = new SimulationSpec(spec.label(), spec.kernel(), hz, spec.seed(), spec.mode(), spec.directors(), spec.rulesName(),
                    spec.rulesText(), spec.workload(), spec.timeline(), spec.servers(), spec.sampleIntervalNs(), spec.durationNs(),
                    spec.healthCheckNs(), spec.notes());
            if (timeline != null) {
                spec = spec.withTimeline(AdminTimeline.read(timeline));
            }
            if (duration != null) {
                spec = spec.withDuration(TimeText.parseNs(duration));
            }
            spec = spec.withHealthCheck(TimeText.parseNs(healthCheck));
            return overrideServers(spec);
        }

        SimulationSpec overrideServers(SimulationSpec spec) throws IOException {
            ServerPlan plan = spec.servers();
            if (servers != null) {
                plan = ServerPlan.parse(servers.toString(), read(servers));
            }
            if (capacity != null) {
                plan = new ServerPlan(plan.discipline(), Capacity.parse(capacity), plan.overrides());
            }
            if (discipline != null) {
                plan = new ServerPlan(ServerModel.Discipline.parse(discipline), plan.defaultCapacity(), plan.overrides());
            }
            return spec.withServers(plan).withDirectors(directors);
        }

        ProgressBar bar() {
            return new ProgressBar(quiet ? null : stderr);
        }

        void summary(RunResult r, Path index) {
            if (quiet) {
                return;
            }
            var m = r.summary();
            stdout.printf(Locale.ROOT, "%s: %d connections (%d refused, %d failed) over %s simulated%n", r.label(),
                    r.totals().scheduled(), r.totals().refused(), r.totals().failed(), seconds(r.totals().simulatedNs()));
            stdout.printf(Locale.ROOT, "  balance %.3f (max/avg), Jain %.4f%s%n", m.get("balance_mean"), m.get("jain_mean"),
                    r.latency() != null ? String.format(Locale.ROOT, ", latency p50 %.1f ms p99 %.1f ms",
                            m.get("latency_p50_s") * 1000, m.get("latency_p99_s") * 1000) : "");
            if (r.totals().unmatched() > 0) {
                stdout.printf(Locale.ROOT, "  warning: %d connections matched no virtual service%n", r.totals().unmatched());
            }
            stdout.println("report: " + index);
        }
    }

    /**
     * A progress bar on stderr that appears only once a run has taken two seconds (wall clock:
     * display only, never part of the results) and redraws at most five times a second. When
     * stderr is not a terminal (a log, a pipe) it writes a plain line every ten seconds instead.
     */
    static final class ProgressBar {
        private final PrintStream err;
        private final long startedMs = System.currentTimeMillis();
        private long lastDrawMs;
        private boolean drawn;
        private final boolean terminal;

        ProgressBar(PrintStream err) {
            this.err = err;
            java.io.Console c = System.console();
            this.terminal = c != null && c.isTerminal();
        }

        void simulated(long simNs, long totalNs, long connections) {
            draw(totalNs > 0 ? Math.min(1.0, (double) simNs / totalNs) : -1,
                    seconds(simNs) + " simulated, " + connections + " connections");
        }

        void batch(int done, int total, double fraction) {
            draw(fraction, done + "/" + total + " runs done");
        }

        synchronized void draw(double fraction, String text) {
            if (err == null) {
                return;
            }
            long now = System.currentTimeMillis();
            if (now - startedMs < 2000 || now - lastDrawMs < (terminal ? 200 : 10_000)) {
                return;
            }
            lastDrawMs = now;
            if (!terminal) {
                err.println(fraction >= 0
                        ? String.format(Locale.ROOT, "progress: %3d%% %s", Math.round(fraction * 100), text)
                        : "progress: " + text);
                err.flush();
                return;
            }
            drawn = true;
            int width = 30;
            StringBuilder b = new StringBuilder("\r[");
            if (fraction >= 0) {
                int filled = (int) Math.round(fraction * width);
                b.append("#".repeat(filled)).append(".".repeat(width - filled)).append("] ")
                        .append(String.format(Locale.ROOT, "%3d%% ", Math.round(fraction * 100)));
            } else {
                b.append("~".repeat(width)).append("] ");
            }
            b.append(text).append("   ");
            err.print(b);
            err.flush();
        }

        synchronized void finish() {
            if (err != null && drawn) {
                err.print("\r" + " ".repeat(100) + "\r");
                err.flush();
            }
        }
    }

    /** Simulated time for the terminal: whole seconds, or minutes and seconds. */
    static String seconds(long ns) {
        long s = ns / 1_000_000_000L;
        return s < 120 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
    }

    static List<String> csv(String s) {
        return List.of(s.split(",")).stream().map(String::strip).filter(x -> !x.isEmpty()).toList();
    }
}
