package org.lvslab.workloads.synth;

import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.ConnectionSource;
import org.lvslab.workloads.OnError;
import org.lvslab.workloads.ReadReport;

/**
 * Connections generated from a {@link WorkloadSpec}: for each arrival, a service from the mix, a
 * client from the population, its source port from the kernel model, a duration and byte counts.
 * Each component draws from its own named stream of the spec's seed ("arrivals", "services",
 * "clients", "ports", "durations", "bytes-in", "bytes-out"), so changing one part of a spec does
 * not reshuffle the others. Time 0 has no absolute origin.
 */
public final class SyntheticSource implements ConnectionSource {
    private final WorkloadSpec.Built w;
    private final long count;
    private final long lengthNs;
    private final ReadReport report = new ReadReport("generator", OnError.STOP);
    private long produced;
    private boolean done;

    SyntheticSource(WorkloadSpec.Built w, long count, long lengthNs) {
        this.w = w;
        this.count = count;
        this.lengthNs = lengthNs;
    }

    @Override
    public boolean next(ConnectionRecord r) {
        if (done || produced >= count) {
            done = true;
            return false;
        }
        long t = w.arrivals().next();
        if (t >= lengthNs) {
            done = true;
            return false;
        }
        ServiceMix.Entry s = w.services().next();
        IpAddress c = s.vip().isV6() ? w.clients6().next() : w.clients().next();
        int port = s.protocol() == Protocol.UDP ? w.ports().udp() : w.ports().tcp(c, s.vip(), s.vport());
        r.clear();
        r.timeNs(t).protocol(s.protocol()).client(c, port).vip(s.vip(), s.vport()).fwmark(s.fwmark())
                .durationNs(w.durations().sample())
                .bytesIn(w.bytesIn() == null ? ConnectionRecord.UNKNOWN : w.bytesIn().sample())
                .bytesOut(w.bytesOut() == null ? ConnectionRecord.UNKNOWN : w.bytesOut().sample());
        produced++;
        return true;
    }

    @Override
    public ReadReport report() {
        return report;
    }

    @Override
    public void close() {
        done = true;
    }
}
