package org.lvslab.jmh.table;

import java.util.concurrent.TimeUnit;
import org.lvslab.engine.RandomStream;
import org.lvslab.ipvs.Packet;
import org.lvslab.ipvs.Verdict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The connection table through the packet path, at a steady number of live connections.
 *
 * <ul>
 *   <li>{@link #lookup}: an ACK for a random ESTABLISHED connection, 1 µs after the previous
 *       packet: {@code ip_vs_conn_in_get} lookup, state machine, timer re-arm (900 s).</li>
 *   <li>{@link #createAndExpire}: a UDP packet from a fresh client tuple, each 300 s / N after the
 *       previous one, so that with the 300 s UDP timeout the table holds N connections and every
 *       packet both creates one (scheduler pick, table insert, timer) and, on average, lets one
 *       expire (timer event, unhash, free).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ConnectionTableBenchmark {
    private static final long UDP_TIMEOUT = 300_000_000_000L;

    @Param({"10000", "1000000"})
    int connections;

    private TableRig rig;
    private RandomStream rnd;
    private long gap;
    private int tuples;
    private int nextTuple;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        rnd = new RandomStream(7);
        if (params.getBenchmark().endsWith("lookup")) {
            rig = new TableRig(connections);
            for (int t = 0; t < connections; t++) {
                rig.open(t);
            }
        } else {
            // twice as many tuples as live connections: a tuple comes back only after its entry expired
            tuples = 2 * connections;
            rig = new TableRig(tuples);
            gap = UDP_TIMEOUT / connections;
            for (int i = 0; i < 2 * connections; i++) { // one full timeout of history, then some
                createAndExpire();
            }
        }
    }

    @Benchmark
    public Verdict lookup() {
        rig.loop.runFor(1_000);
        return rig.tcp(rnd.nextInt(connections), Packet.ACK);
    }

    @Benchmark
    public Verdict createAndExpire() {
        rig.loop.runFor(gap);
        int t = nextTuple;
        nextTuple = t + 1 == tuples ? 0 : t + 1;
        return rig.udp(t);
    }
}
