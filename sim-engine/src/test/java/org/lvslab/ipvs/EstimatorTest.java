package org.lvslab.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lvslab.ipvs.Fixture.CLIENT;
import static org.lvslab.ipvs.Fixture.TCP80;
import static org.lvslab.ipvs.ForwardingMethod.DROUTE;

import org.junit.jupiter.api.Test;

/**
 * The 2 s rate estimator and what listings report ({@code ip_vs_est.c}, {@code ip_vs_ctl.c}
 * {@code ip_vs_copy_stats}/{@code ip_vs_zero_stats}): CLASSIC runs at 2, 4, 6 … s from table
 * creation; kthreads (6.2+) run every estimator in the last of 50 rows, 1.96 s after the task
 * starts and every 2 s after that.
 */
class EstimatorTest {

    private static Fixture classic() {
        Fixture f = new Fixture("6.1.170").service(TCP80, "first");
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        return f;
    }

    private static Fixture kthreads() {
        return new Fixture("6.12.117");
    }

    @Test
    void tenConnectionsInOnePeriodDecayByAQuarterPerPeriod() {
        Fixture f = classic();
        f.packet.length = 100;
        for (int p = 1000; p < 1010; p++) {
            f.tcp(p, Packet.SYN);
        }
        Stats s = f.table.findService(TCP80).stats();
        f.at(2);
        // rate = 10 << 9 = 5120; avg = 0 + (5120 - 0) >> 2 = 1280; shown (1280 + 511) >> 10 = 1
        assertThat(s.avgCps).isEqualTo(1280);
        assertThat(s.cps()).isEqualTo(1);
        // bytes: 10 * 100 << 4 = 16000; avg 4000; shown (4000 + 15) >> 5 = 125 = 1000 B / 2 s / 4
        assertThat(s.avgInBps).isEqualTo(4000);
        assertThat(s.inBps()).isEqualTo(125);
        long[] expected = {960, 720, 540, 405};
        for (int k = 0; k < expected.length; k++) {
            f.at(4 + 2 * k);
            assertThat(s.avgCps).as("after %d idle periods", k + 1).isEqualTo(expected[k]);
        }
        assertThat(s.cps()).as("(405 + 511) >> 10").isZero();
    }

    @Test
    void averagesOfNegativeTrendUseAnArithmeticShift() {
        Stats s = new Stats();
        s.conns = 1;
        s.estimate();          // 512 >> 2 = 128
        s.estimate();          // 128 + (-128 >> 2) = 96
        assertThat(s.avgCps).isEqualTo(96);
        for (int i = 0; i < 40; i++) {
            s.estimate();
        }
        assertThat(s.avgCps).isZero();
        assertThat(s.atRest()).isTrue();
    }

    @Test
    void listingsShowTheCountersAsOfTheLastRunNotTheLiveOnes() {
        Fixture f = classic();
        f.at(0.5);
        f.tcp(1000, Packet.SYN);
        Stats s = f.table.findService(TCP80).stats();
        assertThat(s.liveConns()).isEqualTo(1);
        assertThat(s.conns()).as("right after traffic").isZero();
        f.at(1.99);
        assertThat(s.conns()).isZero();
        f.at(2);
        assertThat(s.conns()).isEqualTo(1);
        assertThat(s.inPkts()).isEqualTo(1);
        assertThat(f.table.totalStats().conns()).isEqualTo(1);
    }

    @Test
    void runEstimationZeroFreezesCountersAndAveragesAndTheNextRunSeesTheWholeDelta() {
        Fixture f = classic();
        f.table.sysctls().set("run_estimation", 0);
        f.tcp(1000, Packet.SYN);
        f.tcp(1001, Packet.SYN);
        f.at(5);
        Stats s = f.table.totalStats();
        assertThat(s.avgCps).isZero();
        assertThat(s.conns()).as("kstats are only refreshed by the estimator").isZero();
        f.table.sysctls().set("run_estimation", 1);
        f.at(5.99);
        assertThat(s.conns()).as("CLASSIC keeps its grid: next run at 6 s").isZero();
        f.at(6);
        assertThat(s.conns()).isEqualTo(2);
        assertThat(s.avgCps).isEqualTo((2 << 9) >> 2);
    }

    @Test
    void zeroingMakesTheLastRunTheBaseAndClearsTheAverages() {
        Fixture f = classic();
        f.tcp(1000, Packet.SYN);
        f.at(2);
        f.table.zero(null);
        Stats s = f.table.totalStats();
        assertThat(s.conns()).isZero();
        assertThat(s.avgCps).isZero();
        f.at(4);
        assertThat(s.avgCps).as("no new counts after zeroing").isZero();
        assertThat(s.conns()).isZero();
        assertThat(s.liveConns()).isEqualTo(1);
    }

    @Test
    void trafficBetweenTheLastRunAndAZeroIsReportedAfterTheNextRun() {
        Fixture f = classic();
        f.tcp(1000, Packet.SYN);
        f.at(2.5);                       // run at 2 s saw 1 connection
        f.tcp(1001, Packet.SYN);
        f.tcp(1002, Packet.SYN);
        f.table.zero(TCP80);             // base := 1, last := 1
        Stats s = f.table.findService(TCP80).stats();
        assertThat(s.conns()).isZero();
        f.at(4);
        assertThat(s.conns()).as("the two connections counted before -Z").isEqualTo(2);
        assertThat(s.avgCps).isEqualTo((2 << 9) >> 2);
    }

    @Test
    void aTrashedDestKeepsItsLastReportedCountersUntilItIsRevived() {
        Fixture f = classic();
        RealServer d = f.table.findService(TCP80).dest(0);
        f.tcp(1000, Packet.SYN);
        f.at(2.5);
        f.tcp(1000, Packet.RST);         // counted (dest available), not yet reported
        f.table.deleteDest(TCP80, d.address(), d.port());
        f.at(4.5);
        assertThat(d.stats().inPkts()).as("estimator stopped in the trash").isEqualTo(1);
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.at(6);
        assertThat(d.stats().inPkts()).isEqualTo(2);
    }

    @Test
    void anIdleTableLetsTheEventLoopDrain() {
        Fixture f = classic();
        f.udp(CLIENT, 5000, ServiceKey.of(Protocol.UDP, Fixture.VIP, 53));   // no UDP service: ignored
        f.tcp(1000, Packet.SYN);
        f.loop.run(loop -> false);
        assertThat(f.loop.pending()).isZero();
        assertThat(f.conns().size()).isZero();
        assertThat(f.table.totalStats().atRest()).isTrue();
        assertThat(f.nowSeconds()).as("drained when the SYN_RECV entry expired; its rate had decayed before").isEqualTo(60.0);
    }

    @Test
    void kthreadsRunFortyNineTicksAfterTheFirstServiceThenEveryTwoSeconds() {
        Fixture f = kthreads();
        f.at(0.5);                       // jiffy 125
        f.service(TCP80, "first");
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.tcp(1000, Packet.SYN);
        Stats s = f.table.findService(TCP80).stats();
        f.at(2.45);
        assertThat(s.conns()).isZero();
        f.at(2.46);                      // jiffy 125 + 49 * 10
        assertThat(s.conns()).isEqualTo(1);
        f.tcp(1001, Packet.SYN);
        f.at(4.45);
        assertThat(s.conns()).isEqualTo(1);
        f.at(4.46);
        assertThat(s.conns()).isEqualTo(2);
    }

    @Test
    void kthreadsDoNotEstimateBeforeTheFirstService() {
        Fixture f = kthreads();
        f.at(3);
        assertThat(f.loop.pending()).as("no estimator run armed without a service").isZero();
        f.service(TCP80, "first");
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.tcp(1000, Packet.SYN);
        f.at(4.95);
        assertThat(f.table.totalStats().conns()).isZero();
        f.at(4.96);
        assertThat(f.table.totalStats().conns()).isEqualTo(1);
    }

    @Test
    void runEstimationZeroStopsTheKthreadWhichResumesAtTheRowAfterTheLastProcessed() {
        Fixture f = kthreads().service(TCP80, "first");
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.at(3);                         // jiffy 750; row 49 next at 990, rows up to 25 done
        f.table.sysctls().set("run_estimation", 0);
        f.tcp(1000, Packet.SYN);
        Stats s = f.table.totalStats();
        f.at(9);
        assertThat(s.conns()).as("stopped: nothing refreshed").isZero();
        f.table.sysctls().set("run_estimation", 1);   // jiffy 2250: row 26 now, row 49 23 ticks later
        f.at(9.91);
        assertThat(s.conns()).isZero();
        f.at(9.92);
        assertThat(s.conns()).isEqualTo(1);
        assertThat(s.avgCps).isEqualTo((1 << 9) >> 2);
    }

    @Test
    void kthreadsStartedWithRunEstimationZeroStartOnTheSysctl() {
        Fixture f = kthreads();
        f.table.sysctls().set("run_estimation", 0);
        f.service(TCP80, "first");
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.tcp(1000, Packet.SYN);
        f.at(10);
        Stats s = f.table.findService(TCP80).stats();
        assertThat(s.conns()).isZero();
        f.table.sysctls().set("run_estimation", 1);   // first start: calc phase, then row 0 now
        f.at(11.95);
        assertThat(s.conns()).isZero();
        f.at(11.96);
        assertThat(s.conns()).isEqualTo(1);
    }

    @Test
    void anEstimatorStartedWithinTheLastTickBeforeARunWaitsForTheNextOne() {
        Fixture f = kthreads().service(TCP80, "first");   // runs at 1.96, 3.96 …
        f.at(1.90);                                        // jiffy 475: queued at the drain at 480
        RealServer early = f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.tcp(1000, Packet.SYN);
        f.at(1.95);                                        // jiffy 487: after that drain
        RealServer late = f.dest(TCP80, "10.1.0.2", DROUTE, 1);
        f.tcp(1001, Packet.SYN);                           // the newest dest is first in the list
        f.at(2.0);
        assertThat(early.stats().conns()).isEqualTo(1);
        assertThat(late.stats().liveConns()).isEqualTo(1);
        assertThat(late.stats().conns()).isZero();
        assertThat(f.table.findService(TCP80).stats().conns()).isEqualTo(2);
        f.at(3.96);
        assertThat(late.stats().conns()).isEqualTo(1);
    }
}
