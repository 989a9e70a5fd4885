package org.lvslab.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lvslab.ipvs.Fixture.CLIENT;
import static org.lvslab.ipvs.Fixture.TCP80;
import static org.lvslab.ipvs.Fixture.UDP53;
import static org.lvslab.ipvs.ForwardingMethod.DROUTE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which switches each modelled kernel has (kernel-versions.md) and what each switch changes in the table. */
class KernelProfileSwitchTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // version, totalConns+overloadOnEdit+uMax, lblc fixes+noInvisibleTemplates, kthreads+twos
        "6.1.170, false, false, false",
        "6.1.183, true, false, false",
        "6.1.191, true, true, false",
        "6.12.100, false, false, true",
        "6.12.104, true, false, true",
        "6.12.113, true, true, true",
        "6.12.117, true, true, true"})
    void eachKernelVersionHasTheSwitchesOfTheCommitsItContains(String version, boolean stage1, boolean stage2, boolean modern) {
        KernelProfile p = KernelProfile.of(version);
        assertThat(p.totalConns()).isEqualTo(stage1);
        assertThat(p.overloadOnEdit()).isEqualTo(stage1);
        assertThat(p.upperThresholdIntMax()).isEqualTo(stage1);
        assertThat(p.lblcCounterFix()).isEqualTo(stage2);
        assertThat(p.lblcCacheCap()).isEqualTo(stage2);
        assertThat(p.noInvisibleTemplates()).isEqualTo(stage2);
        assertThat(p.estimatorKthreads()).isEqualTo(modern);
        assertThat(p.hasTwos()).isEqualTo(modern);
    }

    private static KernelProfile with(boolean totalConns, boolean overloadOnEdit, boolean noInvisible, boolean kthreads) {
        return new KernelProfile(KernelVersion.parse("6.12.117"), totalConns, overloadOnEdit, false, false, noInvisible,
                false, kthreads, true);
    }

    @Test
    void totalConnsSwitchChangesTheOverheadOfAnActiveConnection() {
        for (boolean on : new boolean[] {false, true}) {
            Fixture f = new Fixture(with(on, false, true, true)).service(TCP80, "first");
            RealServer a = f.dest(TCP80, "10.1.0.1", DROUTE, 1);
            f.tcp(1000, Packet.SYN);
            assertThat(a.overhead()).isEqualTo(on ? 257 : 256);
        }
    }

    @Test
    void overloadOnEditSwitchDecidesWhetherLoweringUpperSetsTheFlag() {
        for (boolean on : new boolean[] {false, true}) {
            Fixture f = new Fixture(with(true, on, true, true)).service(TCP80, "first");
            RealServer a = f.dest(TCP80, "10.1.0.1", DROUTE, 1);
            f.tcp(1000, Packet.SYN);
            f.tcp(1001, Packet.SYN);
            f.table.editDest(TCP80, DestConfig.of(a.address(), 80, DROUTE, 1).withThresholds(1, 0));
            assertThat(a.isOverloaded()).isEqualTo(on);
        }
    }

    /**
     * With ONE_PACKET in a dest's conn_flags (old sockopt API), pre-fix kernels make the UDP
     * template one-packet too: it is never hashed, so each datagram gets a new scheduling decision.
     */
    @Test
    void noInvisibleTemplatesSwitchKeepsUdpPersistenceWorkingForOnePacketDests() {
        for (boolean on : new boolean[] {false, true}) {
            Fixture f = new Fixture(with(true, true, on, true)).persistent(UDP53, "least", 300, 0xFFFFFFFF);
            Fixture.check(f.table.addDestViaSockopt(UDP53, DestConfig.of(IpAddress.parse("10.1.0.2"), 53, DROUTE, 1), true));
            Fixture.check(f.table.addDestViaSockopt(UDP53, DestConfig.of(IpAddress.parse("10.1.0.1"), 53, DROUTE, 1), true));
            f.udp(CLIENT, 5000, UDP53);
            RealServer first = f.table.lastDest();
            int template = f.conns().findId(Protocol.UDP, CLIENT, 0, Fixture.VIP, 53);
            assertThat(template >= 0).as("template visible").isEqualTo(on);
            // the persistent counter makes "least" prefer the other dest for a fresh decision
            f.advance(0.004);
            assertThat(first.persistConns()).isEqualTo(on ? 1 : 0);
            first.totalConns = 5;   // make a fresh decision avoid the first dest
            f.udp(CLIENT, 5001, UDP53);
            first.totalConns = 0;
            assertThat(f.table.lastDest() == first).as("sticks to the first dest").isEqualTo(on);
        }
    }

    @Test
    void classicEstimatorRunsFromTableCreationAndKthreadsFromTheFirstService() {
        for (boolean kthreads : new boolean[] {false, true}) {
            Fixture f = new Fixture(with(true, true, true, kthreads));
            f.at(0.5);
            f.service(TCP80, "first");
            f.dest(TCP80, "10.1.0.1", DROUTE, 1);
            f.tcp(1000, Packet.SYN);
            f.at(2.01);
            long cpsAt2 = f.table.totalStats().avgCps;
            f.at(2.51);
            long cpsAt25 = f.table.totalStats().avgCps;
            assertThat(cpsAt2).isEqualTo(kthreads ? 0 : 128);
            assertThat(cpsAt25).isEqualTo(128);
        }
    }
}
