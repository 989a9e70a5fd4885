package org.lvslab.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lvslab.ipvs.Fixture.CLIENT;
import static org.lvslab.ipvs.Fixture.TCP80;
import static org.lvslab.ipvs.Fixture.UDP53;
import static org.lvslab.ipvs.Fixture.counters;
import static org.lvslab.ipvs.ForwardingMethod.DROUTE;
import static org.lvslab.ipvs.ForwardingMethod.MASQ;
import static org.lvslab.ipvs.Packet.ACK;
import static org.lvslab.ipvs.Packet.FIN;
import static org.lvslab.ipvs.Packet.PSH;
import static org.lvslab.ipvs.Packet.RST;
import static org.lvslab.ipvs.Packet.SYN;

import org.junit.jupiter.api.Test;

/** TCP and UDP connection states, their timeouts and the active/inactive counters (ipvs-model §4, cases 49–53). */
class TcpStateMachineTest {

    @Test
    void directRoutingLifecycleMovesTheConnectionFromActiveToInactiveAndExpires120sAfterTheLastPacket() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        RealServer a = f.dest(TCP80, "10.1.0.1", DROUTE, 1);

        assertThat(f.tcp(1000, SYN)).isEqualTo(Verdict.FORWARDED);
        int id = f.conn();
        assertThat(f.state(id)).isEqualTo("SYN_RECV");
        assertThat(counters(a)).isEqualTo("(1,0)");
        assertThat(f.conns().expiresAtJiffies(id)).isEqualTo(60 * 250);

        f.at(1);
        f.tcp(1000, ACK);
        assertThat(f.state(id)).isEqualTo("ESTABLISHED");
        assertThat(f.conns().expiresAtJiffies(id)).isEqualTo(250 + 900 * 250);

        f.at(2);
        f.tcp(1000, FIN | ACK);
        assertThat(f.state(id)).isEqualTo("FIN_WAIT");
        assertThat(counters(a)).isEqualTo("(0,1)");

        f.at(50);
        f.tcp(1000, ACK);   // every further packet re-arms FIN_WAIT's 120 s
        f.at(169.99);
        assertThat(f.conns().isLive(id)).isTrue();
        f.at(170);
        assertThat(f.conns().isLive(id)).isFalse();
        assertThat(counters(a)).isEqualTo("(0,0)");
    }

    @Test
    void natCloseByClientGoesThroughCloseWaitToTimeWaitOnTheServersFin() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        RealServer a = f.dest(TCP80, "10.1.0.1", MASQ, 1);
        f.tcp(1000, SYN);
        int id = f.conn();
        assertThat(f.conns().flags(id) & ConnFlags.NOOUTPUT).isZero();
        f.reply("10.1.0.1", 80, CLIENT, 1000, Protocol.TCP, SYN | ACK);
        assertThat(f.table.lastConnection()).isEqualTo(id);
        f.tcp(1000, ACK);
        assertThat(f.state(id)).isEqualTo("ESTABLISHED");

        f.tcp(1000, FIN | ACK);
        assertThat(f.state(id)).isEqualTo("CLOSE_WAIT");
        assertThat(counters(a)).isEqualTo("(0,1)");
        assertThat(f.conns().timeoutJiffies(id)).isEqualTo(60 * 250);

        assertThat(f.reply("10.1.0.1", 80, CLIENT, 1000, Protocol.TCP, FIN | ACK)).isEqualTo(Verdict.FORWARDED);
        assertThat(f.state(id)).isEqualTo("TIME_WAIT");
        assertThat(f.conns().timeoutJiffies(id)).isEqualTo(120 * 250);
    }

    @Test
    void natServerClosingFirstGivesFinWaitThenTimeWait() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        f.dest(TCP80, "10.1.0.1", MASQ, 1);
        f.tcp(1000, SYN);
        int id = f.conn();
        f.tcp(1000, ACK);
        f.reply("10.1.0.1", 80, CLIENT, 1000, Protocol.TCP, FIN | ACK);
        assertThat(f.state(id)).isEqualTo("FIN_WAIT");
        f.tcp(1000, FIN | ACK);
        assertThat(f.state(id)).isEqualTo("TIME_WAIT");
    }

    @Test
    void aReplySeenForADirectRoutingEntryClearsNooutputAndSwitchesItToTheNatTables() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.tcp(1000, SYN);
        int id = f.conn();
        f.tcp(1000, ACK);
        assertThat(f.conns().flags(id) & ConnFlags.NOOUTPUT).isNotZero();
        // DR replies come from the VIP, matching the entry's virtual side
        assertThat(f.table.outbound(f.packet.set(Protocol.TCP, Fixture.VIP, 80, CLIENT, 1000, ACK))).isEqualTo(Verdict.FORWARDED);
        assertThat(f.conns().flags(id) & ConnFlags.NOOUTPUT).isZero();
        f.tcp(1000, FIN | ACK);
        assertThat(f.state(id)).as("INPUT table now, not INPUT_ONLY").isEqualTo("CLOSE_WAIT");
    }

    @Test
    void aSegmentWithoutSynFinAckOrRstClosesAnEstablishedConnectionFor10s() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        RealServer a = f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.tcp(1000, SYN);
        int id = f.conn();
        f.tcp(1000, ACK);
        f.tcp(1000, PSH);
        assertThat(f.state(id)).isEqualTo("CLOSE");
        assertThat(counters(a)).isEqualTo("(0,1)");
        assertThat(f.conns().timeoutJiffies(id)).isEqualTo(10 * 250);
    }

    @Test
    void anAckWithoutAnEntryIsNotScheduledUnlessSloppyTcpIsOn() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        RealServer a = f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        assertThat(f.tcp(1000, ACK)).isEqualTo(Verdict.ACCEPTED);
        assertThat(f.conns().size()).isZero();

        f.table.sysctls().set("sloppy_tcp", 1);
        assertThat(f.tcp(1000, ACK)).isEqualTo(Verdict.FORWARDED);
        assertThat(f.state(f.conn())).isEqualTo("ESTABLISHED");
        assertThat(counters(a)).isEqualTo("(1,0)");
        assertThat(f.tcp(1001, RST)).as("RST never creates an entry").isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void synWithRstIsNeverScheduled() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        assertThat(f.tcp(1000, SYN | RST)).isEqualTo(Verdict.ACCEPTED);
        assertThat(f.conns().size()).isZero();
    }

    @Test
    void udpEntriesStayInactiveAndEveryDatagramRearmsTheir300sTimer() {
        Fixture f = Fixture.newest().service(UDP53, "first");
        RealServer a = f.dest(UDP53, "10.1.0.1", 53, DROUTE, 1);
        f.udp(CLIENT, 5000, UDP53);
        int id = f.conn();
        assertThat(f.state(id)).isEqualTo("UDP");
        assertThat(counters(a)).isEqualTo("(0,1)");
        f.at(200);
        f.udp(CLIENT, 5000, UDP53);
        assertThat(f.conn()).isEqualTo(id);
        assertThat(f.conns().expiresAtJiffies(id)).isEqualTo(500 * 250);
        f.at(499.99);
        assertThat(f.conns().isLive(id)).isTrue();
        f.at(500);
        assertThat(f.conns().isLive(id)).isFalse();
        assertThat(counters(a)).isEqualTo("(0,0)");
    }

    @Test
    void setTimeoutsChangesEstablishedFinWaitAndUdpForTheNextTransitionOnly() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.tcp(1000, SYN);
        int id = f.conn();
        f.tcp(1000, ACK);
        assertThat(f.conns().timeoutJiffies(id)).isEqualTo(900 * 250);

        assertThat(f.table.setTimeouts(100, 0, 30)).isZero();
        assertThat(f.table.timeouts()).isEqualTo(new Timeouts(100, 120, 30));
        assertThat(f.conns().timeoutJiffies(id)).as("existing timeout untouched").isEqualTo(900 * 250);
        f.tcp(1000, ACK);
        assertThat(f.conns().timeoutJiffies(id)).isEqualTo(100 * 250);
    }

    @Test
    void setTimeoutsRejectsNegativeAndTooLargeValuesWithoutChangingAnything() {
        Fixture f = Fixture.newest();
        int max = Integer.MAX_VALUE / 250;
        assertThat(f.table.setTimeouts(max, max, max)).isZero();
        assertThat(f.table.setTimeouts(10, 10, max + 1)).isEqualTo(Errno.EINVAL);
        assertThat(f.table.setTimeouts(-1, 0, 0)).isEqualTo(Errno.EINVAL);
        assertThat(f.table.timeouts()).isEqualTo(new Timeouts(max, max, max));
    }

    @Test
    void transitionTablesMatchTheKernelForEveryActiveStateEntry() {
        // INPUT_ONLY: established + FIN -> FIN_WAIT; INPUT: -> CLOSE_WAIT; OUTPUT: -> FIN_WAIT
        assertThat(TcpState.transition(false, false, true, TcpState.ESTABLISHED, FIN)).isEqualTo(TcpState.FIN_WAIT);
        assertThat(TcpState.transition(false, false, false, TcpState.ESTABLISHED, FIN)).isEqualTo(TcpState.CLOSE_WAIT);
        assertThat(TcpState.transition(false, true, false, TcpState.ESTABLISHED, FIN)).isEqualTo(TcpState.FIN_WAIT);
        // RST wins over SYN, SYN over FIN, FIN over ACK
        assertThat(TcpState.transition(false, false, false, TcpState.NONE, SYN | RST)).isEqualTo(TcpState.CLOSE);
        assertThat(TcpState.transition(false, false, false, TcpState.NONE, SYN | FIN)).isEqualTo(TcpState.SYN_RECV);
        assertThat(TcpState.transition(false, false, false, TcpState.SYN_RECV, FIN | ACK)).isEqualTo(TcpState.TIME_WAIT);
        // SYNACK differences between INPUT and INPUT_ONLY on RST
        assertThat(TcpState.transition(false, false, false, TcpState.SYNACK, RST)).isEqualTo(TcpState.SYN_RECV);
        assertThat(TcpState.transition(false, false, true, TcpState.SYNACK, RST)).isEqualTo(TcpState.CLOSE);
        // secure_tcp tables
        assertThat(TcpState.transition(true, false, false, TcpState.SYN_RECV, ACK)).isEqualTo(TcpState.SYN_RECV);
        assertThat(TcpState.transition(true, true, false, TcpState.SYN_RECV, SYN)).isEqualTo(TcpState.SYNACK);
        assertThat(TcpState.transition(true, false, true, TcpState.TIME_WAIT, SYN)).isEqualTo(TcpState.SYNACK);
        assertThat(TcpState.isActive(TcpState.SYNACK)).isTrue();
        assertThat(TcpState.isActive(TcpState.CLOSE_WAIT)).isFalse();
    }

    @Test
    void secureTcpThreeSwitchesToTheDefenseTablesAsSoonAsTheSysctlIsWritten() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.at(0.5);
        assertThat(f.table.secureTcpTablesActive()).isFalse();
        f.table.sysctls().set("secure_tcp", 3);
        assertThat(f.table.secureTcpTablesActive()).as("proc_do_defense_mode updates the level at once").isTrue();
        f.tcp(1000, SYN);
        assertThat(f.state(f.conn())).as("INPUT_ONLY + SYN from NONE is SYNACK under secure_tcp").isEqualTo("SYNACK");

        f.table.sysctls().set("secure_tcp", 2);   // automatic mode, memory is plentiful
        assertThat(f.table.secureTcpTablesActive()).isFalse();
        assertThat(f.table.sysctls().secureTcp()).as("kernel falls back from 2 to 1").isEqualTo(1);
    }
}
