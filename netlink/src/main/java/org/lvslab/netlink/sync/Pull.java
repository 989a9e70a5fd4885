package org.lvslab.netlink.sync;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.ipvsadm.Ipvsadm;
import org.lvslab.ipvsadm.IpvsadmEnv;
import org.lvslab.ipvsadm.kernel.IpvsKernel;
import org.lvslab.ipvsadm.state.StateCodec;

/** The forms a pulled table can be written in. */
public final class Pull {
    private Pull() {
    }

    /**
     * Exactly what {@code ipvsadm -S -n} prints for {@code kernel} (the front end's own save
     * code, sorted as ipvsadm sorts). Replaying it with {@code ipvsadm -R} gives the same
     * configuration but not necessarily the same real-server list order.
     */
    public static String saveRules(IpvsKernel kernel) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Ipvsadm.run(IpvsadmEnv.of(kernel), List.of("-S", "-n"), null, o, e);
        }
        if (status != 0) {
            throw new IllegalStateException("ipvsadm -S -n failed: " + err.toString(StandardCharsets.UTF_8).strip());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * ipvsadm rules that rebuild {@code table} including each service's real-server list order
     * (servers oldest first, so that {@code ipvsadm -R} puts them back newest first) and
     * thresholds; timeouts as a {@code --set} line when known.
     */
    public static String replayRules(KernelTable table) {
        StringBuilder sb = new StringBuilder();
        for (Step s : Planner.plan(KernelTable.EMPTY, table, Planner.Options.EXACT).steps()) {
            sb.append(s.op().ipvsadm()).append('\n');
        }
        return sb.toString();
    }

    /** An lvslab state file (simulated kernel {@code version}) holding {@code table}. */
    public static String stateFile(KernelTable table, KernelVersion version) {
        return StateCodec.encode(table.toSimulatedTable(version));
    }
}
