package org.lvslab.cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.sched.SchedulerRegistry;
import org.lvslab.ipvsadm.Ipvsadm;
import org.lvslab.ipvsadm.IpvsadmEnv;
import org.lvslab.ipvsadm.names.FilesResolver;
import org.lvslab.ipvsadm.names.Resolver;
import org.lvslab.scenario.ScenarioSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lvslab shell}: an interactive lab for teaching. One simulated director (a fresh table,
 * not the {@code lvslab ipvsadm} state file) takes ipvsadm commands ({@code ipvsadm -A ...} or
 * just {@code -A ...}) and scenario lines ({@code connect}, {@code close}, {@code reset},
 * {@code sleep}, {@code sysctl}), with {@code history}, {@code !N} / {@code !!}, {@code help},
 * and {@code listing on|off} to show the table after every change.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "Interactive IPVS lab: ipvsadm commands and scenario lines (connect, sleep, ...) on a simulated kernel.")
public final class ShellCommand implements Callable<Integer> {

    @Option(names = "--kernel", paramLabel = "VERSION", description = "Kernel version to model (default: the newest).")
    String kernel;

    @Option(names = {"-n", "--numeric"}, description = "Never resolve host or service names.")
    boolean numeric;

    /** What runs lines that are not ipvsadm commands or shell commands (the scenario language). */
    @FunctionalInterface
    interface LineExecutor {
        /** Runs one line; a problem with the line is reported by throwing IllegalArgumentException. */
        void execute(int number, String text, PrintStream out);
    }

    static final String HELP = """
            Commands:
              ipvsadm ARGS...      run ipvsadm (the word ipvsadm may be left out: -A -t 10.0.0.1:80 -s rr)
              connect [-u] CLIENT VIP [hold|close|reset]
                                   a client opens a connection (-u: sends one UDP datagram)
              close CLIENT         the client closes a held connection
              reset CLIENT         the client aborts a held connection
              sleep SECONDS        let simulated time pass
              sysctl NAME=VALUE    set an IPVS sysctl (net.ipv4.vs.NAME)
              listing on|off       print the table (ipvsadm -Ln) after every change
              history              list the lines entered so far; !N runs line N again, !! the last
              help                 this text
              exit, quit           leave the shell
            """;

    @Override
    public Integer call() throws IOException {
        KernelProfile profile = kernel == null ? KernelProfile.newest() : KernelProfile.of(kernel);
        Resolver resolver = numeric ? Resolver.NONE : FilesResolver.systemLazy(!"files".equals(System.getenv("LVSLAB_RESOLVER")));
        boolean interactive = System.console() != null;
        return new Shell(profile, resolver).loop(System.in, System.out, System.err, interactive);
    }

    /** The shell's state: one scenario session (its table) and the ipvsadm front end over it. */
    static final class Shell {
        private final ScenarioSession session;
        private final IpvsadmEnv env;
        private final LineExecutor scenario;
        private final List<String> history = new ArrayList<>();
        private boolean listing;

        Shell(KernelProfile profile, Resolver resolver) {
            IpvsadmEnv[] holder = new IpvsadmEnv[1];
            this.session = new ScenarioSession(profile, SchedulerRegistry.load(), ScenarioSession.DEFAULT_SEED, t -> {
                holder[0] = IpvsadmEnv.of(t).withResolver(resolver);
                return (args, out, err) -> Ipvsadm.run(holder[0], args, InputStream.nullInputStream(), out, err);
            });
            this.env = holder[0];
            this.scenario = (number, text, out) -> {
                var r = session.executeText(number, text, out);
                if (!r.faithful()) {
                    out.println("note: " + r.problem());
                }
            };
        }

        IpvsTable table() {
            return session.table();
        }

        int loop(InputStream input, PrintStream out, PrintStream err, boolean prompt) throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
            if (prompt) {
                out.println("lvslab shell on a simulated kernel " + session.table().profile().version()
                        + " -- type help for commands, exit to leave");
            }
            while (true) {
                if (prompt) {
                    out.print("lvslab> ");
                    out.flush();
                }
                String line = in.readLine();
                if (line == null) {
                    return 0;
                }
                if (!handle(line, out, err)) {
                    return 0;
                }
            }
        }

        /** Runs one input line; false when the shell should end. */
        boolean handle(String raw, PrintStream out, PrintStream err) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                return true;
            }
            if (line.startsWith("!")) {
                String ref = line.substring(1);
                int n;
                try {
                    n = ref.equals("!") ? history.size() : Integer.parseInt(ref);
                } catch (NumberFormatException e) {
                    err.println("history: no line " + ref);
                    return true;
                }
                if (n < 1 || n > history.size()) {
                    err.println("history: no line " + ref);
                    return true;
                }
                line = history.get(n - 1);
                out.println(line);
            }
            List<String> words = new ArrayList<>(Arrays.asList(line.split("\\s+")));
            switch (words.get(0)) {
                case "exit", "quit" -> {
                    return false;
                }
                case "help" -> {
                    out.print(HELP);
                    return true;
                }
                case "history" -> {
                    for (int i = 0; i < history.size(); i++) {
                        out.printf("%5d  %s%n", i + 1, history.get(i));
                    }
                    return true;
                }
                case "listing" -> {
                    if (words.size() == 2 && (words.get(1).equals("on") || words.get(1).equals("off"))) {
                        listing = words.get(1).equals("on");
                    } else {
                        err.println("usage: listing on|off");
                    }
                    return true;
                }
                default -> {
                }
            }
            history.add(line);
            if (words.get(0).equals("ipvsadm") || words.get(0).startsWith("-")) {
                if (words.get(0).equals("ipvsadm")) {
                    words.remove(0);
                }
                int status = Ipvsadm.run(env, words, InputStream.nullInputStream(), out, err);
                if (listing && status == 0 && Ipvsadm.isChange(words)) {
                    showListing(out);
                }
                return true;
            }
            try {
                scenario.execute(history.size(), line, out);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return true;
            }
            if (listing && (words.get(0).equals("connect") || words.get(0).equals("close")
                    || words.get(0).equals("reset") || words.get(0).equals("sleep"))) {
                showListing(out);
            }
            return true;
        }

        private void showListing(PrintStream out) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (PrintStream p = new PrintStream(b, true, StandardCharsets.UTF_8)) {
                Ipvsadm.run(env, List.of("-Ln"), InputStream.nullInputStream(), p, p);
            }
            out.print(b.toString(StandardCharsets.UTF_8));
        }
    }
}
