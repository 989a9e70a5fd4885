package org.lvslab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code lvslab} command. */
@Command(name = "lvslab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A reference lab for Linux IPVS load balancing: what will IPVS do with my traffic?",
        subcommands = {SimulateCommand.class, CompareCommand.class, SweepCommand.class,
                Main.IpvsadmHelp.class, ShellCommand.class,
                ScenarioCommand.class, KernelCommand.class, ConformanceCommand.class,
                TraceCommand.class,
                PushCommand.class, PullCommand.class, DiffCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("ipvsadm")) {
            // raw ipvsadm grammar: bypass picocli entirely (and its start-up cost)
            System.exit(IpvsadmCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (for tests). */
    public static int run(String... args) {
        if (args.length > 0 && args[0].equals("ipvsadm")) {
            return IpvsadmCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        CommandLine cl = new CommandLine(new Main());
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /**
     * Listed in the help only: {@link #main} hands {@code lvslab ipvsadm …} to the front end
     * before picocli sees it, because ipvsadm's own grammar and messages are the interface.
     */
    @Command(name = "ipvsadm", description = {
            "ipvsadm 1.31 against a simulated IPVS table (kept in $LVSLAB_STATE).",
            "The same commands, messages, exit statuses and listings as ipvsadm. The table",
            "lives in the file named by LVSLAB_STATE (default",
            "~/.local/state/lvslab/ipvsadm.state); LVSLAB_KERNEL picks the kernel version",
            "modelled. Try: lvslab ipvsadm -h"})
    static final class IpvsadmHelp implements Runnable {
        @Override
        public void run() {
            IpvsadmCommand.run(new String[] {"-h"});
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lvslab 0.1.0"};
        }
    }
}
