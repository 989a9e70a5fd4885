package org.lvslab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.netlink.sync.DesiredConfig;
import org.lvslab.netlink.sync.KernelTable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code push}, {@code pull} and {@code diff} share: exit codes, flushed output, the
 * {@code --kernel} version and reading the desired configuration.
 */
final class NetlinkCommands {
    /** The file or the arguments are wrong. */
    static final int BAD_INPUT = 2;
    /** The kernel could not be asked (no netlink, IPVS not loaded, not root). */
    static final int NO_KERNEL = 3;

    private NetlinkCommands() {
    }

    /** The work of one command, writing to picocli's writers; returns the exit status. */
    interface Body {
        int run(PrintWriter out, PrintWriter err);
    }

    /** Runs {@code body} and flushes both writers: print() does not, and Main exits right after. */
    static int run(CommandSpec spec, Body body) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return body.run(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static KernelVersion version(String text) {
        return text == null ? KernelVersion.NEWEST : KernelVersion.parse(text);
    }

    /** The {@code --kernel} version (newest when absent), or null after telling {@code err} why not. */
    static KernelVersion version(String command, String text, PrintWriter err) {
        try {
            return version(text);
        } catch (IllegalArgumentException e) {
            err.println("lvslab " + command + ": --kernel: " + e.getMessage());
            return null;
        }
    }

    /**
     * The desired configuration in FILE validated by the {@code --kernel} version, or null after
     * telling {@code err} what is wrong (exit with {@link #BAD_INPUT}).
     */
    static KernelTable desired(String command, String file, String kernel, PrintWriter err) {
        KernelVersion v = version(command, kernel, err);
        if (v == null) {
            return null;
        }
        try {
            return desired(file, v);
        } catch (DesiredConfig.InputException e) {
            err.println("lvslab " + command + ": " + e.getMessage());
            return null;
        }
    }

    /** Reads the desired configuration from FILE ("-" = standard input). */
    static KernelTable desired(String file, KernelVersion v) throws DesiredConfig.InputException {
        if (file.equals("-")) {
            try {
                String text = new String(System.in.readAllBytes(), StandardCharsets.ISO_8859_1);
                return DesiredConfig.parse(text, "<stdin>", v);
            } catch (IOException e) {
                throw new DesiredConfig.InputException("<stdin>: cannot read: " + e.getMessage());
            }
        }
        return DesiredConfig.load(Path.of(file), v);
    }
}
