package org.lvslab.ipvsadm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lvslab.engine.EventLoop;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.sched.SchedulerRegistry;
import org.lvslab.ipvsadm.kernel.IpvsKernel;
import org.lvslab.ipvsadm.kernel.SimulatedKernel;
import org.lvslab.ipvsadm.names.FilesResolver;
import org.lvslab.ipvsadm.names.Resolver;

/** Runs ipvsadm command lines against a fresh simulated table and captures what they print. */
final class Harness {
    record Result(String stdout, String stderr, int exit) {
    }

    final IpvsTable table;
    IpvsadmEnv env;

    Harness() {
        this(KernelProfile.newest());
    }

    Harness(KernelProfile profile) {
        table = new IpvsTable(new EventLoop(), profile, SchedulerRegistry.load());
        env = IpvsadmEnv.of(table).withResolver(goldenResolver());
    }

    Harness withKernel(IpvsKernel k) {
        env = env.withKernel(k);
        return this;
    }

    SimulatedKernel simulatedKernel() {
        return new SimulatedKernel(table);
    }

    /** The world of the golden examples: Debian 12 /etc/services, /etc/hosts with localhost only, no DNS. */
    static Resolver goldenResolver() {
        return FilesResolver.of(resource("hosts"), resource("services"));
    }

    static String resource(String name) {
        try (InputStream in = Harness.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "ipvsadm -A -t 10.0.0.1:80" split at blanks; the leading program name is dropped. */
    static List<String> words(String cmd) {
        List<String> w = new ArrayList<>(Arrays.asList(cmd.trim().split(" +")));
        if (!w.isEmpty() && w.get(0).equals("ipvsadm")) {
            w.remove(0);
        }
        if (w.size() == 1 && w.get(0).isEmpty()) {
            w.clear();
        }
        return w;
    }

    Result run(String cmd) {
        return run(cmd, null);
    }

    Result run(String cmd, String stdin) {
        return run(words(cmd), stdin);
    }

    Result run(List<String> args, String stdin) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.ISO_8859_1));
        int status;
        try (PrintStream out = new PrintStream(o, false, StandardCharsets.ISO_8859_1);
                PrintStream err = new PrintStream(e, false, StandardCharsets.ISO_8859_1)) {
            status = Ipvsadm.run(env, args, in, out, err);
        }
        return new Result(o.toString(StandardCharsets.ISO_8859_1), e.toString(StandardCharsets.ISO_8859_1), status);
    }

    /** Runs a command that must succeed silently. */
    void ok(String cmd) {
        Result r = run(cmd);
        if (r.exit() != 0 || !r.stdout().isEmpty() || !r.stderr().isEmpty()) {
            throw new AssertionError("setup command failed: " + cmd + " -> exit " + r.exit() + ", stdout [" + r.stdout()
                    + "], stderr [" + r.stderr() + "]");
        }
    }
}
