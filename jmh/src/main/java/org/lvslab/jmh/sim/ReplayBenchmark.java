package org.lvslab.jmh.sim;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.reports.RunResult;
import org.lvslab.sim.Mode;
import org.lvslab.sim.Simulation;
import org.lvslab.sim.SimulationSpec;
import org.lvslab.sim.Workloads;
import org.lvslab.workloads.AdminEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole replay: 200,000 TCP connections (Poisson at 20,000/s, exponential durations of mean
 * 2 s, DR forwarding) through one director with 100 real servers, every packet through the
 * kernel model, sampling and metrics on. The score is simulated connections per second; with
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes allocated per simulated connection (the
 * tables' growth to the run's peak included: every invocation starts from empty tables).
 *
 * <p>{@link #replayWithDrain()} adds one drain half-way, so the disruption tracker runs too (a run
 * without admin events skips it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class ReplayBenchmark {
    static final int CONNECTIONS = 200_000;

    @Param({"wlc", "mh"})
    public String scheduler;

    private SimulationSpec spec;
    private SimulationSpec drained;

    @Setup
    public void setUp() {
        StringBuilder rules = new StringBuilder("-A -t 10.0.0.1:80 -s " + scheduler + "\n");
        for (int i = 1; i <= 100; i++) {
            rules.append("-a -t 10.0.0.1:80 -r 10.1.").append(i / 250).append('.').append(i % 250 + 1)
                    .append(":80 -g -w ").append(i % 3 + 1).append('\n');
        }
        String workload = "count=" + CONNECTIONS + " arrivals=poisson(rate=20000) durations=exp(mean=2s) "
                + "clients=uniform(10.128.0.0/9) service=tcp(10.0.0.1:80,weight=1)";
        spec = SimulationSpec.of(scheduler, "bench.rules", rules.toString(), Workloads.spec(workload, 1), Mode.REPLAY);
        ServiceKey vip = ServiceKey.of(Protocol.TCP, IpAddress.parse("10.0.0.1"), 80);
        drained = spec.withTimeline(List.of(new AdminEvent.Drain(5_000_000_000L, vip, IpAddress.parse("10.1.0.2"), 80)));
    }

    @Benchmark
    @OperationsPerInvocation(CONNECTIONS)
    public RunResult replay() {
        return Simulation.run(spec);
    }

    @Benchmark
    @OperationsPerInvocation(CONNECTIONS)
    public RunResult replayWithDrain() {
        return Simulation.run(drained);
    }
}
