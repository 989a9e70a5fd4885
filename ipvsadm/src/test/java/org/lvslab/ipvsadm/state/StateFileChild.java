package org.lvslab.ipvsadm.state;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.lvslab.ipvsadm.Ipvsadm;
import org.lvslab.ipvsadm.IpvsadmEnv;
import org.lvslab.ipvsadm.names.Resolver;

/** A second process for the locking tests: {@code hold FILE ARGS…} or {@code run FILE ARGS…}. */
public final class StateFileChild {
    private StateFileChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        String[] ipvsadm = Arrays.copyOfRange(args, 2, args.length);
        if (args[0].equals("run")) {
            System.exit(PersistentIpvsadm.run(Arrays.asList(ipvsadm), Map.of("LVSLAB_STATE", file.toString()), "/nonexistent",
                    Resolver.NONE, InputStream.nullInputStream(), System.out, System.err));
        }
        // hold: take the exclusive lock, say so, wait for a line on stdin, then change and commit
        try (StateFile.Session s = new StateFile(file).open(true, null)) {
            System.out.println("locked");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in)).readLine();
            int status = Ipvsadm.run(IpvsadmEnv.of(s.table()), Arrays.asList(ipvsadm), InputStream.nullInputStream(),
                    System.out, System.err);
            s.commit();
            System.exit(status);
        }
    }
}
