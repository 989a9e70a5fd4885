package org.lvslab.jmh.schedulers;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.Testbed;
import org.lvslab.ipvs.sched.Scheduler;
import org.lvslab.ipvs.sched.SchedulerProvider;
import org.lvslab.ipvs.sched.SchedulerRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One {@code schedule()} call of each kernel scheduler on a service with 8, 128 or 1024 real
 * servers carrying realistic, seeded counters (weights 1..10, some weight 0 and overloaded servers,
 * tens of active and hundreds of inactive connections). Packets cycle through 4096 clients and,
 * for the locality schedulers, 4096 destination addresses (a transparent-cache setup), so lblc and
 * lblcr measure their steady state of cache hits.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SchedulerPickBenchmark {
    private static final int PACKETS = 4096;

    @Param({"rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh", "twos"})
    public String scheduler;

    @Param({"8", "128", "1024"})
    public int servers;

    private Scheduler sched;
    private Packet[] packets;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SchedulerProvider provider = SchedulerRegistry.load().find(scheduler);
        if (provider == null) {
            throw new IllegalStateException("no scheduler named " + scheduler);
        }
        Testbed tb = Testbed.tcp(KernelProfile.newest());
        SplittableRandom rnd = new SplittableRandom(20261201L);
        long[] lcg = {rnd.nextLong()};
        tb.random(bound -> {
            lcg[0] = lcg[0] * 6364136223846793005L + 1442695040888963407L;
            return (int) Long.remainderUnsigned(lcg[0] >>> 16, bound);
        });
        tb.bind(provider);
        for (int i = 0; i < servers; i++) {
            int weight = rnd.nextInt(20) == 0 ? 0 : 1 + rnd.nextInt(10);
            RealServer d = tb.add("10.1." + (i / 250) + "." + (i % 250 + 1) + ":80", weight);
            int active = rnd.nextInt(weight * 8 + 2);
            tb.setCounters(d, active, rnd.nextInt(600));
            tb.setOverloaded(d, rnd.nextInt(50) == 0);
        }
        boolean locality = scheduler.startsWith("lblc");
        packets = new Packet[PACKETS];
        for (int i = 0; i < PACKETS; i++) {
            IpAddress client = IpAddress.ofV4(0xAC100000 + rnd.nextInt(1 << 20));
            IpAddress daddr = locality ? IpAddress.ofV4(0xC6120000 + i) : tb.service().key().address();
            packets[i] = new Packet().set(Protocol.TCP, client, 1024 + rnd.nextInt(60000), daddr, 80, Packet.SYN);
        }
        sched = tb.service().scheduler();
        for (Packet p : packets) {
            sched.schedule(p); // fills the locality caches
        }
    }

    @Benchmark
    public RealServer pick() {
        Packet p = packets[next];
        next = (next + 1) & (PACKETS - 1);
        return sched.schedule(p);
    }
}
