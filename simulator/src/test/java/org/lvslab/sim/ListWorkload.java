package org.lvslab.sim;

import java.util.ArrayList;
import java.util.List;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.workloads.ConnectionRecord;
import org.lvslab.workloads.ConnectionSource;
import org.lvslab.workloads.OnError;
import org.lvslab.workloads.ReadReport;

/** A workload given as a list of records, for tests. */
final class ListWorkload implements WorkloadFactory {
    private final List<ConnectionRecord> records;

    ListWorkload(List<ConnectionRecord> records) {
        this.records = List.copyOf(records);
    }

    /** {@code n} TCP connections to 10.0.0.1:80, one every {@code gapNs}, from {@code clients} distinct clients, each lasting {@code durationNs}. */
    static ListWorkload regular(int n, long gapNs, int clients, long durationNs) {
        List<ConnectionRecord> out = new ArrayList<>();
        IpAddress vip = IpAddress.parse("10.0.0.1");
        for (int i = 0; i < n; i++) {
            IpAddress c = IpAddress.ofV4(0xAC100000 + (i % clients) + 1);
            out.add(new ConnectionRecord().timeNs(i * gapNs).protocol(Protocol.TCP).client(c, 10000 + (i % 50000))
                    .vip(vip, 80).durationNs(durationNs));
        }
        return new ListWorkload(out);
    }

    @Override
    public ConnectionSource open() {
        return new ConnectionSource() {
            int next;
            final ReadReport report = new ReadReport("list", OnError.STOP);

            @Override
            public boolean next(ConnectionRecord into) {
                if (next >= records.size()) {
                    return false;
                }
                into.copyFrom(records.get(next++));
                return true;
            }

            @Override
            public ReadReport report() {
                return report;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String describe() {
        return records.size() + " listed connections";
    }
}
