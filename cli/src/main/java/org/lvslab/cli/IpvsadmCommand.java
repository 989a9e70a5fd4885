package org.lvslab.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import org.lvslab.ipvsadm.names.FilesResolver;
import org.lvslab.ipvsadm.state.PersistentIpvsadm;

/**
 * {@code lvslab ipvsadm ARGS…}: the arguments go to the ipvsadm front end untouched (no picocli,
 * so that scripts calling {@code -Ln} start fast), against the table in the state file. Names
 * are resolved through /etc/hosts, /etc/services and DNS ({@code LVSLAB_RESOLVER=files} skips DNS).
 */
public final class IpvsadmCommand {
    private IpvsadmCommand() {
    }

    /** Runs with {@code args} = everything after "ipvsadm"; returns the exit status. */
    public static int run(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 14), false);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
        boolean dns = !"files".equals(System.getenv("LVSLAB_RESOLVER"));
        int status = PersistentIpvsadm.run(Arrays.asList(args), System.getenv(), System.getProperty("user.home"),
                FilesResolver.systemLazy(dns), System.in, out, err);
        out.flush();
        err.flush();
        return status;
    }
}
