package org.lvslab.netlink.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.ipvsadm.Ipvsadm;
import org.lvslab.ipvsadm.IpvsadmEnv;
import org.lvslab.ipvsadm.state.StateCodec;
import org.lvslab.ipvsadm.state.StateException;

/**
 * Reads what a push should make the kernel hold, from
 * <ul>
 * <li>an lvslab state file (first line {@code lvslab-ipvsadm-state N}): its services, servers in
 * their recorded list order, and timeouts; or</li>
 * <li>an ipvsadm rules file ({@code ipvsadm -S} output or any {@code ipvsadm -R} input): each line
 * is run through the ipvsadm front end on a fresh simulated kernel, exactly as {@code ipvsadm -R}
 * would run it, so the result is what the rules give on a real kernel (servers newest first).
 * Unlike {@code -R}, the first line that fails stops the reading with the file, the line and
 * ipvsadm's message, so a push never starts from a half-read file. Timeouts are set only if
 * the file has a {@code --set} line.</li>
 * </ul>
 */
public final class DesiredConfig {
    private DesiredConfig() {
    }

    /** A file that cannot serve as a push input; the message names the file and line. */
    public static final class InputException extends Exception {
        private static final long serialVersionUID = 1L;

        public InputException(String message) {
            super(message);
        }
    }

    public static KernelTable load(Path file, KernelVersion version) throws InputException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage());
        }
        return parse(text, file.toString(), version);
    }

    public static KernelTable parse(String text, String name, KernelVersion version) throws InputException {
        if (text.startsWith(StateCodec.MAGIC)) {
            try {
                return KernelTable.of(StateCodec.decode(text, name, version));
            } catch (StateException e) {
                throw new InputException(e.getMessage());
            }
        }
        IpvsTable table = StateCodec.newTable(version);
        IpvsadmEnv env = IpvsadmEnv.of(table);
        String[] lines = text.split("\n", -1);
        boolean timeouts = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            Ipvsadm.Restored r = Ipvsadm.restoreLine(env, line);
            int status = r.status();
            String msg = r.stderr();
            if (status != 0 || !msg.isEmpty()) {
                throw new InputException(name + ":" + (i + 1) + ": " + (msg.isEmpty() ? "ipvsadm -R exits with " + status : msg)
                        + "\n  in: " + line.strip());
            }
            String first = line.strip().replaceFirst("^ipvsadm\\s+", "");
            if (first.startsWith("--set")) {
                timeouts = true;
            }
        }
        KernelTable t = KernelTable.of(table);
        return timeouts ? t : t.withTimeouts(null);
    }
}
