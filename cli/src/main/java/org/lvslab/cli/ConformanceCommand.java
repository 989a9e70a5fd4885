package org.lvslab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.kernellab.GuestResult;
import org.lvslab.kernellab.KernelLab;
import org.lvslab.kernellab.KernelPackages;
import org.lvslab.kernellab.KernelTarget;
import org.lvslab.kernellab.LabRun;
import org.lvslab.scenario.Scenario;
import org.lvslab.scenario.ScenarioParseException;
import org.lvslab.scenario.ScenarioParser;
import org.lvslab.scenario.ScenarioRunner;
import org.lvslab.scenario.conformance.Conformance;
import org.lvslab.scenario.conformance.Outcome;
import org.lvslab.scenario.conformance.PassTable;
import org.lvslab.scenario.conformance.Suite;
import org.lvslab.scenario.conformance.SuiteCase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lvslab conformance DIR}: every scenario of a suite on the simulator, compared with the
 * outputs recorded on real kernels ({@code NAME.<version>.out} beside {@code NAME.lvs}; a plain
 * {@code NAME.out} counts as recorded on the one {@code --kernel} given, else on the newest
 * modelled kernel). With
 * {@code --record} the real kernels are run first and their outputs stored; with {@code --live}
 * a real kernel's fresh output is compared with the recordings instead of the simulator's.
 * Exit status: 0 every comparison passed, 1 some differ or could not run, 2 usage, 4 the kernel
 * lab is not available (QEMU or the kernel cannot be had, the VM does not boot).
 */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = "Compare the simulator (or a live kernel) with real-kernel recordings of a scenario suite.")
public final class ConformanceCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR|FILE", arity = "1..*", description = "a suite directory, or scenario files")
    List<Path> inputs;

    @Option(names = "--kernel", paramLabel = "VERSION",
            description = "kernel(s) to compare (repeatable; default: every recorded one, or the suite's four with --record/--live)")
    List<String> kernels;

    @Option(names = "--record", description = "run the scenarios on the real kernels and store NAME.VERSION.out first")
    boolean record;

    @Option(names = "--live", description = "compare a real kernel's fresh output (not the simulator's) with the recordings")
    boolean live;

    @Option(names = "--only", paramLabel = "NAME", description = "only these scenarios (repeatable)")
    List<String> only;

    @Option(names = {"-q", "--quiet"}, description = "print only failures and the summary")
    boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<SuiteCase> cases;
        try {
            cases = load();
        } catch (IOException e) {
            err.println("lvslab conformance: " + e.getMessage());
            return 2;
        }
        if (cases.isEmpty()) {
            err.println("lvslab conformance: no scenarios");
            return 2;
        }
        List<KernelTarget> targets = new ArrayList<>();
        try {
            if (kernels != null) {
                for (String k : kernels) {
                    targets.add(KernelPackages.resolve(k));
                }
            } else if (record || live) {
                for (KernelVersion v : KernelPackages.suiteKernels()) {
                    targets.add(KernelPackages.resolve(v.toString()));
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("lvslab conformance: --kernel: " + e.getMessage());
            return 2;
        }
        Map<String, Scenario> parsed = new LinkedHashMap<>();
        for (SuiteCase c : cases) {
            try {
                parsed.put(c.name(), ScenarioParser.parse(c.scenario()));
            } catch (ScenarioParseException | IOException e) {
                err.println("lvslab conformance: " + e.getMessage());
                return 2;
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        if (record || live) {
            KernelLab lab;
            try {
                lab = KernelLab.standard(new PrintStream(System.err, true));
            } catch (IOException e) {
                err.println("lvslab conformance: kernel lab not available: " + e.getMessage());
                return KernelCommand.LAB_UNAVAILABLE;
            }
            for (KernelTarget t : targets) {
                LabRun run;
                try {
                    run = lab.run(t, cases.stream().map(SuiteCase::scenario).toList());
                } catch (IOException e) {
                    err.println("lvslab conformance: kernel lab not available: " + e.getMessage());
                    return KernelCommand.LAB_UNAVAILABLE;
                }
                if (run.infrastructureFailure()) {
                    err.println("lvslab conformance: the kernel lab could not run " + t + " (harness exit " + run.vmExit() + ")");
                    return KernelCommand.LAB_UNAVAILABLE;
                }
                err.printf("lvslab conformance: %s: booted in %.1f s (guest uptime), %d scenarios in %.1f s%n",
                        t, run.bootSeconds(), cases.size(), run.wallSeconds());
                for (SuiteCase c : cases) {
                    GuestResult r = run.results().get(c.name());
                    if (r == null || !r.ok()) {
                        outcomes.add(new Outcome(c, t.version(), Outcome.Status.ERROR, false, "kernel lab: exit "
                                + (r == null ? "none" : r.exitStatus()) + (r == null ? "" : "\n" + r.diagnostics())));
                        continue;
                    }
                    if (record) {
                        try {
                            Files.writeString(c.recordingPath(t.version()), r.output(), StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            err.println("lvslab conformance: " + e.getMessage());
                            return 1;
                        }
                    } else {
                        outcomes.add(liveOutcome(c, parsed.get(c.name()), t.version(), r.output()));
                    }
                }
            }
            if (record) {
                try {
                    cases = load(); // pick up the new recordings
                } catch (IOException e) {
                    err.println("lvslab conformance: " + e.getMessage());
                    return 1;
                }
            }
        }
        if (!live) {
            ScenarioRunner runner = ScenarioRunner.standard();
            TreeSet<KernelVersion> versions = new TreeSet<>();
            if (!targets.isEmpty()) {
                targets.forEach(t -> versions.add(t.version()));
            } else {
                cases.forEach(c -> versions.addAll(c.recordings().keySet()));
            }
            if (versions.isEmpty()) {
                versions.add(plainKernel()); // nothing recorded: say so per scenario
            }
            for (SuiteCase c : cases) {
                for (KernelVersion v : versions) {
                    outcomes.add(Conformance.simulate(c, v, runner));
                }
            }
        }
        return report(outcomes, parsed, out);
    }

    private static Outcome liveOutcome(SuiteCase c, Scenario s, KernelVersion v, String output) {
        Path rec = c.recordingPath(v);
        if (!Files.isRegularFile(rec)) {
            return new Outcome(c, v, Outcome.Status.NO_RECORDING, false, "no " + rec.getFileName());
        }
        try {
            return Conformance.judge(c, s, v, Files.readString(rec, StandardCharsets.UTF_8), output);
        } catch (IOException e) {
            return new Outcome(c, v, Outcome.Status.ERROR, false, e.toString());
        }
    }

    private int report(List<Outcome> outcomes, Map<String, Scenario> parsed, PrintWriter out) {
        PassTable table = new PassTable();
        int pass = 0;
        int bad = 0;
        int missing = 0;
        String what = live ? "live kernel vs recording" : "simulator vs recording";
        for (Outcome o : outcomes) {
            table.add(parsed.get(o.scenario().name()), o);
            switch (o.status()) {
                case PASS -> pass++;
                case NO_RECORDING -> missing++;
                default -> bad++;
            }
            boolean show = !quiet || o.status() == Outcome.Status.FAIL || o.status() == Outcome.Status.ERROR;
            if (show) {
                out.printf("%-12s %-32s %-9s%s%n", o.status(), o.scenario().name(), o.kernel(),
                        o.statistical() ? " (statistical)" : "");
                if (o.status() == Outcome.Status.FAIL || o.status() == Outcome.Status.ERROR) {
                    out.print(o.message().indent(4));
                }
            }
        }
        out.printf("%n%s: %d passed, %d differ or failed, %d without recording%n%n", what, pass, bad, missing);
        out.print(table.markdown());
        out.flush();
        if (pass + bad == 0) {
            spec.commandLine().getErr().println("lvslab conformance: nothing was compared: no recording (NAME.<version>.out"
                    + " or NAME.out) beside any scenario");
            spec.commandLine().getErr().flush();
            return 1;
        }
        return bad == 0 ? 0 : 1;
    }

    /** The kernel a plain {@code NAME.out} was recorded on: the one {@code --kernel}, else the newest. */
    private KernelVersion plainKernel() {
        if (kernels != null && kernels.size() == 1) {
            try {
                return KernelPackages.resolve(kernels.getFirst()).version();
            } catch (IllegalArgumentException e) {
                return KernelVersion.NEWEST; // reported when the targets are resolved
            }
        }
        return KernelVersion.NEWEST;
    }

    private List<SuiteCase> load() throws IOException {
        List<SuiteCase> cases = new ArrayList<>();
        KernelVersion plain = plainKernel();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                cases.addAll(Suite.load(p, plain));
            } else {
                cases.add(Suite.single(p, plain));
            }
        }
        if (only != null) {
            cases.removeIf(c -> !only.contains(c.name()));
        }
        return cases;
    }
}
