package org.lvslab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.netlink.sync.DesiredConfig;
import org.lvslab.netlink.sync.KernelTable;

/** What {@code push}, {@code pull} and {@code diff} share: exit codes, input reading, kernel version. */
final class NetlinkCommands {
    /** The file or the arguments are wrong. */
    static final int BAD_INPUT = 2;
    /** The kernel could not be asked (no netlink, IPVS not loaded, not root). */
    static final int NO_KERNEL = 3;

    private NetlinkCommands() {
    }

    static KernelVersion version(String text) {
        return text == null ? KernelVersion.NEWEST : KernelVersion.parse(text);
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
