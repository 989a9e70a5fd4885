package org.lvslab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.netlink.socket.NetlinkException;
import org.lvslab.netlink.socket.NetlinkKernel;
import org.lvslab.netlink.sync.KernelTable;
import org.lvslab.netlink.sync.Pull;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lvslab pull}: read the running kernel's IPVS table over generic netlink and print it as
 * {@code ipvsadm -S -n} rules, as rules that keep the kernel's real-server order, or as an lvslab
 * state file. Exit status 0, 2 = bad arguments or output file, 3 = the kernel cannot be asked.
 */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = "Print the running kernel's IPVS table (needs root / CAP_NET_ADMIN).")
public final class PullCommand implements Callable<Integer> {
    enum Format { save, replay, state }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--format"}, defaultValue = "save", description = "save: exactly ipvsadm -S -n; "
            + "replay: rules that rebuild the real-server list order and thresholds; state: an lvslab state file "
            + "(timeouts included). Default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path output;

    @Option(names = "--kernel", paramLabel = "VERSION", description = "simulated kernel version recorded in a state file")
    String kernel;

    @Override
    public Integer call() {
        return NetlinkCommands.run(spec, this::execute);
    }

    private int execute(PrintWriter out, PrintWriter err) {
        KernelVersion v = NetlinkCommands.version("pull", kernel, err);
        if (v == null) {
            return NetlinkCommands.BAD_INPUT;
        }
        String text;
        try (NetlinkKernel k = NetlinkKernel.open()) {
            text = switch (format) {
                case save -> Pull.saveRules(k);
                case replay -> Pull.replayRules(KernelTable.read(k, true));
                case state -> Pull.stateFile(KernelTable.read(k, true), v);
            };
        } catch (NetlinkException e) {
            err.println("lvslab pull: " + e.getMessage());
            return NetlinkCommands.NO_KERNEL;
        }
        if (output == null) {
            out.print(text);
            out.flush();
            return 0;
        }
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("lvslab pull: " + output + ": cannot write: " + e.getMessage());
            return NetlinkCommands.BAD_INPUT;
        }
        return 0;
    }
}
