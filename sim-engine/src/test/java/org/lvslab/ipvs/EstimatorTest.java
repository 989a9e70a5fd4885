package org.lvslab.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lvslab.ipvs.Fixture.CLIENT;
import static org.lvslab.ipvs.Fixture.TCP80;
import static org.lvslab.ipvs.ForwardingMethod.DROUTE;

import org.junit.jupiter.api.Test;

/** The 2 s rate estimator ({@code ip_vs_est.c}, ipvs-model §8) on the CLASSIC grid (ticks at 2, 4, 6 … s). */
class EstimatorTest {

    private static Fixture classic() {
        Fixture f = new Fixture("6.1.170").service(TCP80, "first");
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        return f;
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
    void runEstimationZeroFreezesTheAveragesAndTheNextRunSeesTheWholeDelta() {
        Fixture f = classic();
        f.table.sysctls().set("run_estimation", 0);
        f.tcp(1000, Packet.SYN);
        f.tcp(1001, Packet.SYN);
        f.at(5);
        Stats s = f.table.totalStats();
        assertThat(s.avgCps).isZero();
        f.table.sysctls().set("run_estimation", 1);
        f.at(6);
        assertThat(s.avgCps).isEqualTo((2 << 9) >> 2);
    }

    @Test
    void zeroingResetsCountersAndRates() {
        Fixture f = classic();
        f.tcp(1000, Packet.SYN);
        f.at(2);
        f.table.zero(null);
        Stats s = f.table.totalStats();
        assertThat(s.conns()).isZero();
        assertThat(s.avgCps).isZero();
        f.at(4);
        assertThat(s.avgCps).as("no new counts after zeroing").isZero();
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
}
