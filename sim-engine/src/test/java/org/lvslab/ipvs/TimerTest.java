package org.lvslab.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lvslab.ipvs.Fixture.TCP80;
import static org.lvslab.ipvs.ForwardingMethod.DROUTE;

import org.junit.jupiter.api.Test;

/** Jiffies on the event loop's nanosecond clock and the optional timer-wheel rounding (ipvs-model §4.4). */
class TimerTest {

    @Test
    void jiffiesFloorTheClockAndTimersLandOnJiffyBoundaries() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.at(1.0061);   // 251.525 jiffies
        assertThat(f.table.jiffies()).isEqualTo(251);
        f.tcp(1000, Packet.SYN);
        int id = f.conn();
        assertThat(f.conns().expiresAtJiffies(id)).isEqualTo(251 + 60 * 250);
        f.at(61.0039);
        assertThat(f.conns().isLive(id)).isTrue();
        f.at(61.004);   // jiffy 15251 begins at 61.004 s
        assertThat(f.conns().isLive(id)).isFalse();
    }

    @Test
    void hzThatDoesNotDivideASecondStillMapsJiffiesExactly() {
        IpvsTable t = new IpvsTable(new org.lvslab.engine.EventLoop(), KernelProfile.newest(),
                org.lvslab.ipvs.sched.SchedulerRegistry.empty(), 300, new org.lvslab.engine.RandomStreams(1));
        assertThat(t.nanosOfJiffy(1)).isEqualTo(3_333_334);
        assertThat(t.nanosOfJiffy(300)).isEqualTo(1_000_000_000);
        assertThat(t.nanosOfJiffy(301)).isEqualTo(1_003_333_334);
    }

    @Test
    void withWheelRoundingAnEstablishedTimeoutFiresLateByTheLevelGranularity() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.table.setTimerWheelRounding(true);
        f.tcp(1000, Packet.SYN);
        f.tcp(1000, Packet.ACK);
        int id = f.conn();
        // 225000 jiffies is wheel level 4 (< 258048), granularity 8^4 = 4096: fires at (54 + 1) * 4096
        assertThat(f.conns().expiresAtJiffies(id)).as("nominal").isEqualTo(225_000);
        f.at(901.1199);
        assertThat(f.conns().isLive(id)).isTrue();
        f.at(901.12);
        assertThat(f.conns().isLive(id)).isFalse();
    }
}
