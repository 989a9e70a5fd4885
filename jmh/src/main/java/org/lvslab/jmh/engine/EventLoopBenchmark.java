package org.lvslab.jmh.engine;

import java.util.concurrent.TimeUnit;
import org.lvslab.engine.EventHandler;
import org.lvslab.engine.EventLoop;
import org.lvslab.engine.QueueKind;
import org.lvslab.engine.RandomStream;
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

/**
 * Event-loop throughput at a steady number of pending events. Every benchmark keeps the queue at
 * exactly {@code pending} events (plus one for the re-arm pattern), so the figures are for that
 * size, not for a growing or draining queue; one operation is one event's worth of work.
 *
 * <ul>
 *   <li>{@link #scheduleAndRun}: runs the earliest event, whose handler schedules a replacement
 *       uniformly 0–2 s ahead (a mix of timers). ops/s = events/s.</li>
 *   <li>{@link #scheduleAndCancel}: cancels the oldest of the pending events and schedules a new
 *       one 0–2 s ahead; the clock does not move (timers that never fire).</li>
 *   <li>{@link #connectionRearm}: the IPVS pattern. {@code pending} connections each hold an
 *       expiry timer 900 s ahead (TCP ESTABLISHED); a packet event every 1 µs picks a random
 *       connection, re-arms its timer to now + 900 s and schedules the next packet. One op = one
 *       packet = one run + one reschedule + one schedule.</li>
 * </ul>
 * Delays and connection choices come from a seeded {@link RandomStream} (same for both queue kinds).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EventLoopBenchmark {
    private static final long SPREAD = 2_000_000_000L;      // 2 s
    private static final long TIMEOUT = 900_000_000_000L;   // 900 s
    private static final long PACKET_GAP = 1_000L;          // 1 µs

    @Param({"1000", "100000", "1000000"})
    int pending;

    @Param({"HEAP", "WHEEL"})
    QueueKind queue;

    private EventLoop loop;
    private RandomStream rnd;
    private long[] handles;
    private int cursor;

    /** Handler of scheduleAndRun: each event schedules its replacement. */
    private final EventHandler replace = (k, p) -> loop.scheduleAfter(rnd.nextLong(SPREAD), this.replace, 0, p);

    private final EventHandler nop = (k, p) -> { };

    /** Expiry of a connection that got no packet for 900 s: it is opened again at once (keeps the size). */
    private final EventHandler expire = (k, c) -> handles[(int) c] = loop.scheduleAfter(TIMEOUT, this.expire, 1, c);

    /** A packet for a random connection: re-arm its timer, schedule the next packet. */
    private final EventHandler packet = (k, p) -> {
        int c = rnd.nextInt(pending);
        loop.reschedule(handles[c], loop.now() + TIMEOUT);
        loop.scheduleAfter(PACKET_GAP, this.packet, 0, 0);
    };

    @Setup(Level.Trial)
    public void setUp(org.openjdk.jmh.infra.BenchmarkParams params) {
        loop = new EventLoop(queue);
        rnd = new RandomStream(20_261_201L);
        handles = new long[pending];
        String name = params.getBenchmark();
        if (name.endsWith("connectionRearm")) {
            // connections opened over the last 900 s, i.e. timers spread over the next 900 s
            for (int c = 0; c < pending; c++) {
                handles[c] = loop.schedule(rnd.nextLong(TIMEOUT), expire, 1, c);
            }
            loop.schedule(0, packet, 0, 0);
        } else {
            EventHandler h = name.endsWith("scheduleAndRun") ? replace : nop;
            for (int i = 0; i < pending; i++) {
                handles[i] = loop.schedule(rnd.nextLong(SPREAD), h, 0, i);
            }
        }
    }

    @Benchmark
    public boolean scheduleAndRun() {
        return loop.runNext();
    }

    @Benchmark
    public long scheduleAndCancel() {
        int i = cursor;
        cursor = i + 1 == pending ? 0 : i + 1;
        loop.cancel(handles[i]);
        return handles[i] = loop.scheduleAfter(rnd.nextLong(SPREAD), nop, 0, i);
    }

    @Benchmark
    public boolean connectionRearm() {
        return loop.runNext();
    }
}
