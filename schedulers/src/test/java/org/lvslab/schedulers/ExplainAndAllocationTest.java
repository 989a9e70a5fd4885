package org.lvslab.schedulers;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.ServiceFlags;
import org.lvslab.ipvs.Testbed;
import org.lvslab.ipvs.sched.Explain;

/** Explain mode writes one line per decision, and only then builds strings: picks allocate nothing otherwise. */
class ExplainAndAllocationTest {
    /** Fails if a scheduler writes while explain is off. */
    private static final Explain REFUSING = new Explain() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void line(String text) {
            throw new AssertionError("explain line written while disabled: " + text);
        }
    };

    private static Testbed bench(String scheduler, int servers) {
        Testbed tb = Testbed.tcp(Bench.NEW);
        tb.flags(ServiceFlags.SCHED1 | ServiceFlags.SCHED2);
        tb.bind(Bench.provider(scheduler));
        for (int i = 0; i < servers; i++) {
            RealServer d = tb.add("10.1." + (i / 250) + "." + (i % 250 + 1) + ":80", 1 + i % 5);
            tb.setCounters(d, (i * 7) % 13, (i * 5) % 11);
        }
        long[] state = {42};
        tb.random(bound -> {
            state[0] = state[0] * 6364136223846793005L + 1442695040888963407L;
            return (int) Long.remainderUnsigned(state[0] >>> 17, bound);
        });
        return tb;
    }

    private static Packet[] packets(int n) {
        Packet[] ps = new Packet[n];
        for (int i = 0; i < n; i++) {
            ps[i] = new Packet().set(Protocol.TCP, IpAddress.ofV4(0xAC100000 + i), 10000 + i,
                    IpAddress.parse("10.0.0.1"), 80, Packet.SYN);
        }
        return ps;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh", "twos"})
    void explainWritesOneLineNamingTheSchedulerPerDecision(String scheduler) {
        Testbed tb = bench(scheduler, 8);
        List<String> lines = new ArrayList<>();
        tb.explain(new Explain() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public void line(String text) {
                lines.add(text);
            }
        });
        Packet[] ps = packets(5);
        for (Packet p : ps) {
            tb.schedule(p);
        }
        assertThat(lines).hasSize(5).allMatch(l -> l.startsWith(scheduler + ": "));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh", "twos"})
    void picksAllocateNothingWhenExplainIsOff(String scheduler) {
        Testbed tb = bench(scheduler, 64);
        tb.explain(REFUSING);
        Packet[] ps = packets(64);
        // warm-up: fills the lblc/lblcr caches; afterwards every pick is a cache hit or a reschedule
        for (int r = 0; r < 200; r++) {
            for (Packet p : ps) {
                tb.schedule(p);
            }
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long before = mx.getThreadAllocatedBytes(tid);
        int picked = 0;
        for (int r = 0; r < 200; r++) {
            for (Packet p : ps) {
                if (tb.schedule(p) != null) {
                    picked++;
                }
            }
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(picked).isPositive();
        // 12,800 picks; a single allocation per pick would be >= 200 KB
        assertThat(allocated).as("bytes allocated by 12,800 %s picks", scheduler).isLessThan(2_048);
    }
}
