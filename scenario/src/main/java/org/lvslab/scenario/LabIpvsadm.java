package org.lvslab.scenario;

import java.io.InputStream;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvsadm.Ipvsadm;
import org.lvslab.ipvsadm.IpvsadmEnv;

/**
 * The ipvsadm of the kernel lab: the Debian bookworm package (1:1.31-1), which accepts weights up
 * to INT_MAX (upstream: 65535) — a recorded {@code -w 70000} is listed as 70000 — with numeric
 * output only (the guest has no resolver).
 */
public final class LabIpvsadm {
    private LabIpvsadm() {
    }

    /** A runner over {@code table} that keeps one environment (and so its sync daemon state). */
    public static IpvsadmRunner forTable(IpvsTable table) {
        IpvsadmEnv env = IpvsadmEnv.of(table).withDebianRelease(true);
        return (args, out, err) -> Ipvsadm.run(env, args, InputStream.nullInputStream(), out, err);
    }
}
