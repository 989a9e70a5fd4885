package org.lvslab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code lvslab} command. */
@Command(name = "lvslab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A reference lab for Linux IPVS load balancing: what will IPVS do with my traffic?",
        subcommands = {CommandLine.HelpCommand.class, TraceCommand.class, ScenarioCommand.class, KernelCommand.class, ConformanceCommand.class, ShellCommand.class,
                SimulateCommand.class,
                CompareCommand.class,
                SweepCommand.class,
                PushCommand.class, PullCommand.class, DiffCommand.class})
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

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lvslab 0.1.0"};
        }
    }
}
