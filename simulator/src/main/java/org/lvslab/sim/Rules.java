package org.lvslab.sim;

import org.lvslab.ipvs.Errno;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvsadm.Ipvsadm;
import org.lvslab.ipvsadm.IpvsadmEnv;

/** Loads a rule set in {@code ipvsadm -S} / {@code -R} format into a table through the ipvsadm front end. */
final class Rules {
    private Rules() {
    }

    /**
     * Feeds the rules to {@code ipvsadm -R} one line at a time, so that a failing line is named
     * with its number and ipvsadm's own message; nothing after it is applied, as {@code -R}
     * stops at the first error too.
     */
    static void apply(IpvsTable table, String name, String text) {
        IpvsadmEnv env = IpvsadmEnv.of(table);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            Ipvsadm.Restored r = Ipvsadm.restoreLine(env, line);
            int status = r.status();
            if (status != 0) {
                String msg = r.stderr();
                throw new SimulationException(name + ":" + (i + 1) + ": ipvsadm -R rejects \"" + line.strip() + "\""
                        + (msg.isEmpty() ? " (exit status " + status + ")" : ": " + msg));
            }
        }
    }

    static String errnoName(int errno) {
        return switch (errno) {
            case Errno.EPERM -> "EPERM";
            case Errno.ENOENT -> "ENOENT (no such service or real server)";
            case Errno.ESRCH -> "ESRCH (no such service)";
            case Errno.ENOMEM -> "ENOMEM";
            case Errno.EBUSY -> "EBUSY";
            case Errno.EEXIST -> "EEXIST (already exists)";
            case Errno.ENODEV -> "ENODEV";
            case Errno.EINVAL -> "EINVAL (invalid argument)";
            case Errno.ERANGE -> "ERANGE";
            case Errno.EOPNOTSUPP -> "EOPNOTSUPP";
            case Errno.EAFNOSUPPORT -> "EAFNOSUPPORT";
            default -> "errno " + errno;
        };
    }
}
