package org.lvslab.netlink.sync;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lvslab.ipvs.IpvsTable;
import org.lvslab.ipvs.KernelVersion;
import org.lvslab.ipvsadm.Ipvsadm;
import org.lvslab.ipvsadm.IpvsadmEnv;
import org.lvslab.ipvsadm.state.StateCodec;

/** Simulated tables built from ipvsadm rules, for tests. */
final class Tables {
    private Tables() {
    }

    static IpvsTable fromRules(String rules) {
        IpvsTable t = StateCodec.newTable(KernelVersion.NEWEST);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Ipvsadm.run(IpvsadmEnv.of(t), List.of("-R"), new ByteArrayInputStream(rules.getBytes(StandardCharsets.ISO_8859_1)),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        if (rc != 0 || err.size() > 0) {
            throw new IllegalArgumentException("rules rejected: " + err);
        }
        return t;
    }

    static KernelTable table(String rules) {
        return KernelTable.of(fromRules(rules)).withTimeouts(null);
    }

    static String script(Plan p) {
        return p.asIpvsadmScript("ipvsadm");
    }
}
