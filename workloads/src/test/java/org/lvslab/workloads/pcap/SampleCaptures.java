package org.lvslab.workloads.pcap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lvslab.ipvs.Protocol;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.ConnectionSource;
import org.lvslab.workloads.synth.WorkloadSpec;

/** Test helper: synthetic connections and their capture bytes, made here (never downloaded). */
final class SampleCaptures {
    static final long ORIGIN = 1_700_000_000_000_000_000L;

    /** Connections with times on whole ms and durations on 10 ms so µs captures are exact. */
    static List<ConnectionRecord> connections(int n, long seed) throws IOException {
        WorkloadSpec spec = WorkloadSpec.parse("seed=" + seed + " count=" + n + " arrivals=poisson(rate=50) "
                + "durations=lognormal(median=300ms,sigma=0.8) clients=uniform(172.16.0.0/12) clients6=uniform(fd00:c::/64) "
                + "service=tcp(10.0.0.1:80,weight=3) service=tcp([fd00:a::1]:443) service=udp(10.0.0.2:53) "
                + "bytes-in=exp(mean=700) bytes-out=exp(mean=6000)");
        List<ConnectionRecord> out = new ArrayList<>();
        try (ConnectionSource s = spec.open()) {
            ConnectionRecord r = new ConnectionRecord();
            while (s.next(r)) {
                ConnectionRecord c = r.copy();
                c.timeNs(c.timeNs() / 1_000_000 * 1_000_000);
                c.durationNs(Math.max(10, c.durationNs() / 10_000_000 * 10) * 1_000_000);
                if (c.protocol() == Protocol.UDP) {
                    c.bytesIn(Math.min(c.bytesIn(), 1400)).bytesOut(Math.min(c.bytesOut(), 1400));
                }
                out.add(c);
            }
        }
        long t0 = out.get(0).timeNs();
        for (ConnectionRecord c : out) {
            c.timeNs(c.timeNs() - t0);
        }
        return out;
    }

    static byte[] capture(List<ConnectionRecord> rs, PcapWriter.Container container, int link, boolean little) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(bos, container, link, little)) {
            for (ConnectionRecord r : rs) {
                w.connection(r, ORIGIN);
            }
        }
        return bos.toByteArray();
    }
}
