package org.lvslab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.kernellab.GuestResult;
import org.lvslab.kernellab.KernelLab;
import org.lvslab.kernellab.KernelPackages;
import org.lvslab.kernellab.KernelTarget;
import org.lvslab.kernellab.LabRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lvslab kernel run FILE}: the same scenario on a real kernel in a QEMU VM. Exit status:
 * the guest runner's (0, 2 does not parse, 3 not executed faithfully), or 4 when the lab is not
 * available (QEMU cannot be installed, the kernel cannot be fetched, the VM does not boot).
 */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "Run .lvs scenarios on a real Linux kernel (QEMU VM with a Debian kernel).",
        subcommands = {KernelCommand.Run.class, KernelCommand.Prepare.class})
public final class KernelCommand implements Runnable {
    /** Exit status when the lab itself is not available. */
    static final int LAB_UNAVAILABLE = 4;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static KernelTarget target(String kernel) {
        return kernel == null ? KernelPackages.resolve(KernelVersion.NEWEST.toString()) : KernelPackages.resolve(kernel);
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Boot a VM and execute FILE on its kernel; print exactly the scenario format's output.")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the .lvs scenario")
        Path file;

        @Option(names = "--kernel", paramLabel = "VERSION",
                description = "upstream version (6.12.117, 6.1.170, …) or Debian package name (default: the newest modelled)")
        String kernel;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("lvslab kernel: cannot read " + file);
                return 2;
            }
            KernelTarget t;
            try {
                t = target(kernel);
            } catch (IllegalArgumentException e) {
                err.println("lvslab kernel: --kernel: " + e.getMessage());
                return 2;
            }
            LabRun run;
            try {
                run = KernelLab.standard(new PrintStream(System.err, true)).run(t, List.of(file));
            } catch (IOException e) {
                err.println("lvslab kernel: " + e.getMessage());
                return LAB_UNAVAILABLE;
            }
            GuestResult r = run.results().values().iterator().next();
            out.print(r.output());
            out.flush();
            err.print(r.diagnostics());
            if (run.infrastructureFailure() || r.exitStatus() < 0) {
                err.println("lvslab kernel: the kernel lab could not run " + t + " (harness exit " + run.vmExit()
                        + "); see the messages above");
                return LAB_UNAVAILABLE;
            }
            return r.exitStatus();
        }
    }

    @Command(name = "prepare", mixinStandardHelpOptions = true,
            description = "Install the lab's tools and cache a kernel and its guest image without booting.")
    static final class Prepare implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--kernel", paramLabel = "VERSION", description = "upstream version or package (repeatable; default: the suite's four)")
        List<String> kernels;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter err = spec.commandLine().getErr();
            List<String> ks = kernels != null ? kernels
                    : KernelPackages.suiteKernels().stream().map(KernelVersion::toString).toList();
            try {
                KernelLab lab = KernelLab.standard(new PrintStream(System.err, true));
                for (String k : ks) {
                    int rc = lab.prepare(target(k));
                    if (rc != 0) {
                        err.println("lvslab kernel: preparing " + k + " failed (exit " + rc + ")");
                        return LAB_UNAVAILABLE;
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                err.println("lvslab kernel: " + e.getMessage());
                return LAB_UNAVAILABLE;
            }
            return 0;
        }
    }
}
