package org.lvslab.workloads.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.workloads.ConnectionRecord;

class TraceStatsTest {
    @Test
    void countsSpanPercentilesAndPerSecondRates() {
        TraceStats s = new TraceStats();
        ConnectionRecord r = new ConnectionRecord().vip(IpAddress.parse("10.0.0.1"), 80);
        for (int i = 0; i < 100; i++) {
            s.add(r.timeNs(i * 50_000_000L).client(IpAddress.ofV4(i % 10), 1).durationNs((i + 1) * 1_000_000L));
        }
        assertThat(s.connections()).isEqualTo(100);
        assertThat(s.spanNs()).isEqualTo(99 * 50_000_000L);
        assertThat(s.perSecond()).containsExactly(20, 20, 20, 20, 20);
        assertThat(s.distinctClientsEstimate()).isEqualTo(10);
        assertThat(s.durationPercentileNs(50) / 1e6).isCloseTo(50, within(0.1));
        assertThat(s.services()).containsEntry("TCP 10.0.0.1:80", 100L);
    }

    @Test
    void hyperLogLogIsWithinTwoPercentOnManyDistinctValues() {
        HyperLogLog h = new HyperLogLog();
        for (long i = 0; i < 1_000_000; i++) {
            h.add(HyperLogLog.mix(i));
            h.add(HyperLogLog.mix(i)); // duplicates do not count
        }
        assertThat((double) h.estimate()).isCloseTo(1_000_000, within(20_000.0));
    }
}
