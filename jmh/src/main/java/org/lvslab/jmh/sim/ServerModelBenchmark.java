package org.lvslab.jmh.sim;

import java.util.concurrent.TimeUnit;
import org.lvslab.engine.EventLoop;
import org.lvslab.engine.RandomStream;
import org.lvslab.sim.server.Capacity;
import org.lvslab.sim.server.ServerModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One request through a server model at 90 % load with about 50 requests in the system:
 * submit, then run events until one completes (steady state: no allocation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ServerModelBenchmark {
    @Param({"PS", "FIFO"})
    public String discipline;

    private EventLoop loop;
    private ServerModel model;
    private final RandomStream rnd = new RandomStream(1);
    private int next;
    private int completed;

    @Setup
    public void setUp() {
        loop = new EventLoop();
        model = ServerModel.create(ServerModel.Discipline.valueOf(discipline), loop, new Capacity(8, 1.0), r -> completed++);
        for (int i = 0; i < 50; i++) {
            model.submit(next++, demand());
        }
    }

    private double demand() {
        return -Math.log(1 - rnd.nextDouble()) * 0.1;
    }

    @Benchmark
    public int oneRequest() {
        model.submit(next++, demand());
        int target = completed + 1;
        while (completed < target && loop.runNext()) {
            // run until one request has completed
        }
        return completed;
    }
}
