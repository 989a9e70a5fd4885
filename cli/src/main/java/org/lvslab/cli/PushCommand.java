package org.lvslab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.lvslab.netlink.socket.NetlinkException;
import org.lvslab.netlink.socket.NetlinkKernel;
import org.lvslab.netlink.sync.KernelTable;
import org.lvslab.netlink.sync.Planner;
import org.lvslab.netlink.sync.Push;
import org.lvslab.netlink.sync.Step;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lvslab push FILE}: make the running kernel's IPVS table hold the configuration of an
 * ipvsadm rules file or an lvslab state file, over generic netlink. Exit status 0 = done and
 * verified, 1 = an operation failed (the report says what was applied) or the verification
 * failed, 2 = bad input, 3 = the kernel cannot be asked.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Apply an ipvsadm rules file (ipvsadm -S output / -R input) or an lvslab state file to the "
                + "running kernel's IPVS table, changing only what differs.",
                "Needs root (CAP_NET_ADMIN). Order: create/edit services, add servers, edit, delete servers, delete services, "
                        + "timeouts; stops at the first refused operation."})
public final class PushCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "rules or state file; - for standard input")
    String file;

    @Option(names = {"-n", "--dry-run"}, description = "print the plan as ipvsadm commands, change nothing")
    boolean dryRun;

    @Option(names = "--exact-order", description = "also reproduce each service's real-server list order "
            + "(deletes and re-adds servers that are out of place)")
    boolean exactOrder;

    @Option(names = "--keep-unlisted", description = "never delete services or servers the file does not mention")
    boolean keepUnlisted;

    @Option(names = "--rollback", description = "if an operation fails, undo the ones already applied")
    boolean rollback;

    @Option(names = "--kernel", paramLabel = "VERSION", description = "kernel version whose rules validate the file (default: newest modelled)")
    String kernel;

    @Override
    public Integer call() {
        return NetlinkCommands.run(spec, this::execute);
    }

    private int execute(PrintWriter out, PrintWriter err) {
        KernelTable desired = NetlinkCommands.desired("push", file, kernel, err);
        if (desired == null) {
            return NetlinkCommands.BAD_INPUT;
        }
        Planner.Options options = new Planner.Options(exactOrder, keepUnlisted);
        try (NetlinkKernel k = NetlinkKernel.open()) {
            Push.Outcome o = Push.run(k, desired, options, dryRun, rollback);
            if (dryRun) {
                out.print(o.plan().asIpvsadmScript("ipvsadm"));
                if (o.plan().isEmpty()) {
                    out.println("# the kernel already holds this configuration");
                }
                return 0;
            }
            for (String n : o.plan().notes()) {
                err.println("lvslab push: note: " + n);
            }
            if (!o.result().complete()) {
                err.print(o.result().report());
                return 1;
            }
            for (Step s : o.result().applied()) {
                out.println("ipvsadm " + s.op().ipvsadm());
            }
            if (!o.verified()) {
                err.println("lvslab push: all operations were acknowledged, but the kernel's table read back differs from "
                        + "the desired one (another program changed it meanwhile?)");
                return 1;
            }
            out.println("# " + o.result().applied().size() + " operation(s) applied; the kernel's table matches " + file);
            return 0;
        } catch (NetlinkException e) {
            err.println("lvslab push: " + e.getMessage());
            return NetlinkCommands.NO_KERNEL;
        }
    }
}
