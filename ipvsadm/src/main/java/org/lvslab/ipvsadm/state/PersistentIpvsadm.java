package org.lvslab.ipvsadm.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.ipvsadm.Ipvsadm;
import org.lvslab.ipvsadm.IpvsadmEnv;
import org.lvslab.ipvsadm.names.Resolver;

/**
 * {@code lvslab ipvsadm ARGS…}: one ipvsadm invocation against the table kept in the state file
 * (see {@link StateFile#defaultPath}), on the kernel {@code $LVSLAB_KERNEL} names (default: the
 * recorded one, or the newest for a new file). State-file problems are reported on stderr with
 * exit status {@value #STATE_ERROR}, a status ipvsadm itself never uses.
 */
public final class PersistentIpvsadm {
    public static final int STATE_ERROR = 3;

    private PersistentIpvsadm() {
    }

    public static int run(List<String> args, Map<String, String> environment, String userHome, Resolver resolver,
            InputStream stdin, PrintStream out, PrintStream err) {
        StateFile file = new StateFile(StateFile.defaultPath(environment, userHome));
        KernelVersion kernel = null;
        String k = environment.get("LVSLAB_KERNEL");
        if (k != null && !k.isEmpty()) {
            try {
                kernel = KernelVersion.parse(k);
            } catch (IllegalArgumentException e) {
                err.println("lvslab ipvsadm: LVSLAB_KERNEL: " + e.getMessage());
                return STATE_ERROR;
            }
        }
        boolean change = Ipvsadm.isChange(args);
        try (StateFile.Session s = file.open(change, kernel)) {
            IpvsadmEnv env = IpvsadmEnv.of(s.table()).withResolver(resolver);
            int status = Ipvsadm.run(env, args, stdin, out, err);
            if (change) {
                s.commit();
            }
            return status;
        } catch (StateException e) {
            out.flush();
            err.println("lvslab ipvsadm: " + e.getMessage());
            return STATE_ERROR;
        } catch (IOException e) {
            err.println("lvslab ipvsadm: " + file.path() + ": " + e.getMessage());
            return STATE_ERROR;
        }
    }
}
