package org.lvslab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.reports.RunResult;
import org.lvslab.workloads.AdminEvent;

class SimulationTest {
    static final String THREE_RR = """
            -A -t 10.0.0.1:80 -s rr
            -a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 1
            -a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 1
            -a -t 10.0.0.1:80 -r 10.0.1.3:80 -m -w 1
            """;
    static final ServiceKey VIP = ServiceKey.of(Protocol.TCP, IpAddress.parse("10.0.0.1"), 80);

    @Test
    void roundRobinReplaySpreadsConnectionsEvenlyAndClosesThemAll() {
        SimulationSpec spec = SimulationSpec.of("rr", "rules", THREE_RR, ListWorkload.regular(300, 10_000_000L, 300, 1_000_000_000L), Mode.REPLAY);
        RunResult r = Simulation.run(spec);
        assertThat(r.servers()).containsExactly("10.0.1.1:80", "10.0.1.2:80", "10.0.1.3:80");
        assertThat(r.totals().offered()).isEqualTo(300);
        assertThat(r.totals().scheduled()).isEqualTo(300);
        assertThat(r.connections(0)).isEqualTo(100);
        assertThat(r.connections(1)).isEqualTo(100);
        assertThat(r.connections(2)).isEqualTo(100);
        assertThat(r.totals().refused()).isZero();
        // the run ends when the last connection has closed (at 2.99 s + 1 s)
        assertThat(r.totals().simulatedNs()).isEqualTo(3_990_000_000L);
        // IPVS still holds the closed connections in TIME_WAIT: inactive, not active
        int last = r.load().samples() - 1;
        assertThat(r.load().active(last, 0) + r.load().active(last, 1) + r.load().active(last, 2)).isZero();
        assertThat(r.load().inactive(last, 0)).isEqualTo(100);
    }

    @Test
    void weightedLeastConnectionSeesActiveConnectionsOfTheKernelModel() {
        String rules = """
                -A -t 10.0.0.1:80 -s wlc
                -a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 1
                -a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 3
                """;
        // long connections: all 400 are open together, so wlc keeps active counts at 1:3
        SimulationSpec spec = SimulationSpec.of("wlc", "rules", rules, ListWorkload.regular(400, 1_000_000L, 400, 60_000_000_000L), Mode.REPLAY);
        RunResult r = Simulation.run(spec);
        assertThat(r.connections(0)).isEqualTo(100);
        assertThat(r.connections(1)).isEqualTo(300);
        assertThat(r.load().meanJain()).isGreaterThan(0.99);
    }

    @Test
    void noRealServerAvailableRefusesConnections() {
        String rules = """
                -A -t 10.0.0.1:80 -s wlc
                -a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 0
                """;
        RunResult r = Simulation.run(SimulationSpec.of("w0", "rules", rules, ListWorkload.regular(10, 1_000_000L, 10, 1_000_000L), Mode.REPLAY));
        assertThat(r.totals().refused()).isEqualTo(10);
        assertThat(r.totals().scheduled()).isZero();
    }

    @Test
    void connectionsToAnotherAddressAreUnmatched() {
        String rules = """
                -A -t 10.0.0.9:80 -s rr
                -a -t 10.0.0.9:80 -r 10.0.1.1:80 -m -w 1
                """;
        RunResult r = Simulation.run(SimulationSpec.of("x", "rules", rules, ListWorkload.regular(5, 1_000_000L, 5, 1_000_000L), Mode.REPLAY));
        assertThat(r.totals().unmatched()).isEqualTo(5);
    }

    private static RunResult drainRun(String scheduler) {
        String rules = "-A -t 10.0.0.1:80 -s " + scheduler + "\n"
                + "-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 1\n"
                + "-a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 1\n";
        // 20 clients, each reconnecting every 200 ms for 4 s; drain 10.0.1.1 at 2 s
        List<AdminEvent> timeline = List.of(new AdminEvent.Drain(2_000_000_000L, VIP, IpAddress.parse("10.0.1.1"), 80));
        SimulationSpec spec = SimulationSpec.of(scheduler, "rules", rules, ListWorkload.regular(400, 10_000_000L, 20, 150_000_000L), Mode.REPLAY)
                .withTimeline(timeline);
        return Simulation.run(spec);
    }

    @Test
    void drainingUnderMaglevWithFallbackRemapsOnlyTheDrainedServersClients() {
        // ip_vs_mh.c: with mh-fallback a weight-0 owner is skipped for the next table entry
        RunResult r = drainRun("mh -b mh-fallback");
        assertThat(r.events()).hasSize(1);
        var mark = r.events().get(0);
        assertThat(mark.label()).isEqualTo("drain tcp 10.0.0.1:80 10.0.1.1:80");
        assertThat(mark.activeClients()).isGreaterThan(0);
        assertThat(mark.observed()).isEqualTo(mark.activeClients());
        // clients of 10.0.1.2 stay, clients of 10.0.1.1 move: some but not all are remapped
        assertThat(mark.remapped()).isGreaterThan(0).isLessThan(mark.observed());
        assertThat(r.totals().refused()).isZero();
        assertThat(r.load().weight(r.load().samples() - 1, 0)).isZero();
    }

    @Test
    void drainingUnderSourceHashingWithoutFallbackRefusesTheDrainedServersClients() {
        // ip_vs_sh.c: a weight-0 bucket owner is unavailable and, without sh-fallback, nothing is returned
        RunResult r = drainRun("sh");
        var mark = r.events().get(0);
        assertThat(r.totals().refused()).isGreaterThan(0);
        assertThat(mark.remapped()).isZero();
        assertThat(mark.observed()).isLessThan(mark.activeClients());
    }

    @Test
    void badRulesNameTheLineAndIpvsadmsMessage() {
        String rules = "-A -t 10.0.0.1:80 -s rr\n-a -t 10.0.0.1:80 -r 10.0.1.1:80 -w banana\n";
        assertThatThrownBy(() -> Simulation.run(SimulationSpec.of("x", "my.rules", rules, ListWorkload.regular(1, 1, 1, 1), Mode.REPLAY)))
                .isInstanceOf(SimulationException.class)
                .hasMessageStartingWith("my.rules:2: ipvsadm -R rejects");
    }

    @Test
    void adminEventForAMissingServerIsAnError() {
        List<AdminEvent> timeline = List.of(new AdminEvent.Drain(1, VIP, IpAddress.parse("10.9.9.9"), 80));
        assertThatThrownBy(() -> Simulation.run(SimulationSpec.of("x", "rules", THREE_RR, ListWorkload.regular(10, 1_000_000L, 10, 1_000_000L), Mode.REPLAY)
                .withTimeline(timeline)))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("has no real server 10.9.9.9:80");
    }
}
