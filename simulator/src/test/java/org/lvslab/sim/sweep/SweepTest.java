package org.lvslab.sim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvslab.reports.ReportWriter;
import org.lvslab.sim.Mode;
import org.lvslab.sim.Runner;
import org.lvslab.sim.ServerPlan;
import org.lvslab.sim.SimulationSpec;
import org.lvslab.sim.Workloads;
import org.lvslab.sim.server.Capacity;
import org.lvslab.sim.server.ServerModel;

class SweepTest {
    @TempDir
    Path tmp;

    /**
     * M/M/1 servers: Poisson arrivals at λ = 15/s, exponential demands of mean 0.1 s (μ = 10/s per
     * server). Maglev hashing over a large client population splits the arrivals at random, so each
     * of n servers is M/M/1 at λ/n with mean sojourn 1/(μ − λ/n): 0.4 s for n = 2, 0.2 s for n = 3,
     * 0.16 s for n = 4. With "mean latency ≤ 0.25 s" the cheapest configuration that meets it is n = 3.
     */
    static SimulationSpec mm1Base() {
        String rules = "-A -t 10.0.0.1:80 -s mh\n-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 1\n";
        String workload = "length=2400s arrivals=poisson(rate=15) durations=exp(mean=100ms) "
                + "clients=uniform(172.16.0.0/12) service=tcp(10.0.0.1:80,weight=1)";
        return SimulationSpec.of("mm1", "mm1.rules", rules, Workloads.spec(workload, 7), Mode.SERVICE)
                .withServers(ServerPlan.uniform(ServerModel.Discipline.FIFO, new Capacity(1, 1.0)));
    }

    @Test
    void sweepOfMm1ServersPicksTheFewestServersMeetingTheLatencyObjective() throws Exception {
        SimulationSpec base = mm1Base();
        List<SweepConfig> configs = Sweep.configs(base, List.of("mh"), List.of(2, 3, 4), List.of("rules"));
        assertThat(configs).extracting(SweepConfig::label).containsExactly("mh n=2 w=rules", "mh n=3 w=rules", "mh n=4 w=rules");
        assertThat(configs.get(2).dests()).extracting(d -> d.address().toString())
                .containsExactly("10.0.1.1", "10.0.1.2", "10.0.1.3", "10.0.1.4");
        Objective objective = Objective.parse("latency_mean_s<=0.25", org.lvslab.sim.SimulationSpecs.metricNames());
        Sweep.Result r = Sweep.run(base, configs, objective, 2, Runner.BatchProgress.NONE);

        assertThat(r.winner().config().serverCount()).isEqualTo(3);
        assertThat(r.ranked()).extracting(e -> e.config().serverCount()).containsExactly(3, 4, 2);
        assertThat(r.ranked()).extracting(Sweep.Entry::met).containsExactly(true, true, false);
        for (Sweep.Entry e : r.ranked()) {
            int n = e.config().serverCount();
            double expected = 1 / (10 - 15.0 / n);
            assertThat(e.result().latency().meanSeconds()).as("n=%d", n).isCloseTo(expected, within(expected * 0.12));
        }
        assertThat(Scripts.ipvsadm(r.winner().config())).isEqualTo("""
                -A -t 10.0.0.1:80 -s mh
                -a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 1
                -a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 1
                -a -t 10.0.0.1:80 -r 10.0.1.3:80 -m -w 1
                """);
        assertThat(Scripts.keepalived(r.winner().config())).startsWith("virtual_server 10.0.0.1 80 {\n")
                .contains("    lb_algo mh\n", "    lb_kind NAT\n", "    real_server 10.0.1.3 80 {\n        weight 1\n");
    }

    @Test
    void sweepResultsAndReportAreByteIdenticalWhateverTheThreadCount() throws Exception {
        SimulationSpec base = mm1Base().withDuration(300_000_000_000L);
        List<SweepConfig> configs = Sweep.configs(base, List.of("mh", "rr"), List.of(2, 3), List.of("rules", "uniform"));
        Objective objective = Objective.parse("latency_p99_s<=1", org.lvslab.sim.SimulationSpecs.metricNames());
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        ReportWriter.write(Sweep.report(Sweep.run(base, configs, objective, 1, Runner.BatchProgress.NONE), 3), one);
        ReportWriter.write(Sweep.report(Sweep.run(base, configs, objective, 3, Runner.BatchProgress.NONE), 3), two);
        List<Path> files;
        try (Stream<Path> s = Files.walk(one)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).extracting(p -> one.relativize(p).toString()).contains("winner.ipvsadm", "winner-keepalived.conf",
                "data/ranking.csv", "index.html");
        for (Path f : files) {
            assertThat(Files.readAllBytes(two.resolve(one.relativize(f)))).as(one.relativize(f).toString())
                    .isEqualTo(Files.readAllBytes(f));
        }
    }

    @Test
    void objectiveRejectsUnknownMetricsAndBadSyntax() {
        assertThatThrownBy(() -> Objective.parse("p99<=1", org.lvslab.sim.SimulationSpecs.metricNames()))
                .hasMessageContaining("unknown metric \"p99\"").hasMessageContaining("latency_p99_s");
        assertThatThrownBy(() -> Objective.parse("latency_p99_s<1", org.lvslab.sim.SimulationSpecs.metricNames()))
                .hasMessageContaining("expected METRIC<=VALUE");
    }
}
