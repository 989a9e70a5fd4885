package org.lvslab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.scenario.Scenario;
import org.lvslab.scenario.ScenarioParseException;
import org.lvslab.scenario.ScenarioParser;
import org.lvslab.scenario.ScenarioRun;
import org.lvslab.scenario.ScenarioRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lvslab scenario run FILE}: a {@code .lvs} scenario on the simulated kernel. Exit status
 * as the kernel lab's runner: 0, 2 the scenario does not parse (or cannot be read), 3 a line
 * could not be executed faithfully.
 */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Run .lvs scenarios on the simulated kernel.",
        subcommands = {ScenarioCommand.Run.class})
public final class ScenarioCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Execute FILE and print exactly the scenario format's output.")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the .lvs scenario")
        Path file;

        @Option(names = "--kernel", paramLabel = "VERSION",
                description = "upstream kernel version to model, as uname -r shows it: 6.1.y, 6.12.y (e.g. 6.12.117, 6.1.170) or 7.2+; default: the newest modelled (6.12.117)")
        String kernel;

        @Option(names = "--explain", description = "precede each decision with the scheduler's reasoning as # lines")
        boolean explain;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "seed of the random schedulers (twos)")
        long seed;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            KernelVersion v;
            try {
                v = kernel == null ? KernelVersion.NEWEST : KernelVersion.parse(kernel);
            } catch (IllegalArgumentException e) {
                err.println("lvslab scenario: --kernel: " + e.getMessage());
                return 2;
            }
            if (!v.isSeries(6, 1) && !v.isSeries(6, 12) && !v.atLeast(7, 2, 0)) {
                // only where the 2026 changes were traced per release; elsewhere they are assumed absent
                err.println("lvslab scenario: note: " + v + " is outside the series checked (6.1.y, 6.12.y, 7.2+);"
                        + " modelled without the 2026 IPVS changes");
            }
            Scenario s;
            try {
                s = ScenarioParser.parse(file);
            } catch (ScenarioParseException e) {
                e.problems().forEach(p -> err.println("lvslab scenario: " + p));
                err.flush();
                return 2;
            } catch (IOException e) {
                err.println("lvslab scenario: cannot read " + file + ": "
                        + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
                return 2;
            }
            ScenarioRun r = ScenarioRunner.standard().withSeed(seed).run(s, KernelProfile.of(v), explain);
            out.print(r.output());
            out.flush();
            r.problems().forEach(p -> err.println("lvslab scenario: " + p));
            err.flush();
            return r.exitStatus();
        }
    }
}
