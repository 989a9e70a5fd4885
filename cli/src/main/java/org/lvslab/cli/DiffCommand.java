package org.lvslab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.lvslab.netlink.socket.NetlinkException;
import org.lvslab.netlink.socket.NetlinkKernel;
import org.lvslab.netlink.sync.KernelTable;
import org.lvslab.netlink.sync.Plan;
import org.lvslab.netlink.sync.Planner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lvslab diff FILE}: what {@code push FILE} would change, as ipvsadm commands. Exit status
 * as diff(1): 0 = the kernel already holds FILE's configuration, 1 = it differs, 2 = bad input,
 * 3 = the kernel cannot be asked.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare the running kernel's IPVS table with a rules or state file; print the ipvsadm commands push would run.")
public final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "rules or state file; - for standard input")
    String file;

    @Option(names = "--exact-order", description = "real-server list order counts as a difference")
    boolean exactOrder;

    @Option(names = "--kernel", paramLabel = "VERSION", description = "kernel version whose rules validate the file")
    String kernel;

    @Override
    public Integer call() {
        return NetlinkCommands.run(spec, this::execute);
    }

    private int execute(PrintWriter out, PrintWriter err) {
        KernelTable desired = NetlinkCommands.desired("diff", file, kernel, err);
        if (desired == null) {
            return NetlinkCommands.BAD_INPUT;
        }
        try (NetlinkKernel k = NetlinkKernel.open()) {
            Plan p = Planner.plan(KernelTable.read(k, desired.timeouts() != null), desired, new Planner.Options(exactOrder, false));
            out.print(p.asIpvsadmScript("ipvsadm"));
            out.flush();
            return p.isEmpty() ? 0 : 1;
        } catch (NetlinkException e) {
            err.println("lvslab diff: " + e.getMessage());
            return NetlinkCommands.NO_KERNEL;
        }
    }
}
