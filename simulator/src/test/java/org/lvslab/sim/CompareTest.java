package org.lvslab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvslab.reports.RunResult;
import org.lvslab.sim.server.Capacity;
import org.lvslab.sim.server.ServerModel;

class CompareTest {
    /**
     * Two M/M/1 servers with service rates 10/s and 30/s, weights 1:3, Poisson arrivals at 24/s.
     * rr sends 12/s to the slow server (ρ = 1.2: unstable, its queue grows without bound);
     * wrr sends 6/s and 18/s (ρ = 0.6 on both: M/M/1 mean sojourn 0.25 s and 0.083 s, so about
     * 0.125 s overall, a little less because wrr's split is smoother than Poisson). The expected
     * ranking is wrr ahead of rr, with rr's latency orders of magnitude worse.
     */
    @Test
    void weightedRoundRobinBeatsRoundRobinOnUnequalServers() {
        String rules = """
                -A -t 10.0.0.1:80 -s rr
                -a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 1
                -a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 3
                """;
        String workload = "length=1200s arrivals=poisson(rate=24) durations=exp(mean=100ms) "
                + "clients=uniform(172.16.0.0/12) service=tcp(10.0.0.1:80,weight=1)";
        SimulationSpec base = SimulationSpec.of("x", "two.rules", rules, Workloads.spec(workload, 3), Mode.SERVICE)
                .withServers(ServerPlan.uniform(ServerModel.Discipline.FIFO, new Capacity(1, 1.0))
                        .with("10.0.1.2:80", new Capacity(1, 3.0)));
        List<RunResult> runs = Runner.runAll(Compare.bySchedulers(base, List.of("rr", "wrr")), 2, Runner.BatchProgress.NONE);
        assertThat(runs).extracting(RunResult::label).containsExactly("rr", "wrr");
        assertThat(Compare.ranked(runs)).extracting(RunResult::label).containsExactly("wrr", "rr");
        RunResult rr = runs.get(0);
        RunResult wrr = runs.get(1);
        assertThat(rr.connectionShare(0)).isEqualTo(0.5, org.assertj.core.api.Assertions.within(0.001));
        assertThat(wrr.connectionShare(0)).isEqualTo(0.25, org.assertj.core.api.Assertions.within(0.001));
        assertThat(wrr.latency().meanSeconds()).isBetween(0.08, 0.135);
        assertThat(rr.latency().meanSeconds()).isGreaterThan(10 * wrr.latency().meanSeconds());
        assertThat(Compare.report(runs).tables().get(0).rows().get(0).get(1)).isEqualTo("wrr");
    }

    @Test
    void schedulerSubstitutionKeepsTheRestOfTheRules() {
        assertThat(RulesText.withScheduler("-A -t 10.0.0.1:80 -s rr -p 300\n-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 1\n", "mh"))
                .isEqualTo("-A -t 10.0.0.1:80 -s mh -p 300\n-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 1\n");
        assertThat(RulesText.withScheduler("-A -u 10.0.0.2:53", "sh")).isEqualTo("-A -u 10.0.0.2:53 -s sh");
    }
}
