package org.lvslab.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lvslab.ipvs.Fixture.CLIENT;
import static org.lvslab.ipvs.Fixture.TCP80;
import static org.lvslab.ipvs.Fixture.UDP53;
import static org.lvslab.ipvs.Fixture.VIP;
import static org.lvslab.ipvs.Fixture.counters;
import static org.lvslab.ipvs.ForwardingMethod.DROUTE;
import static org.lvslab.ipvs.ForwardingMethod.MASQ;
import static org.lvslab.ipvs.Packet.ACK;
import static org.lvslab.ipvs.Packet.FIN;
import static org.lvslab.ipvs.Packet.SYN;

import org.junit.jupiter.api.Test;

/** ip_vs_in_hook decisions (ipvs-model §3, cases 54–60). */
class PacketPathTest {

    private static Fixture twoDests(ForwardingMethod fwd) {
        Fixture f = Fixture.newest().service(TCP80, "least");
        f.dest(TCP80, "10.1.0.2", fwd, 1);
        f.dest(TCP80, "10.1.0.1", fwd, 1);
        return f;
    }

    @Test
    void aSynOnATimeWaitNatEntryExpiresItAndSchedulesAFreshConnection() {
        Fixture f = twoDests(MASQ);
        f.tcp(1000, SYN);
        int old = f.conn();
        RealServer a = f.table.lastDest();
        f.tcp(1000, ACK);
        f.tcp(1000, FIN | ACK);
        f.reply(a.address().toString(), 80, CLIENT, 1000, Protocol.TCP, FIN | ACK);
        assertThat(f.state(old)).isEqualTo("TIME_WAIT");

        f.tcp(1000, SYN);
        int fresh = f.conn();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(f.table.lastDest().address().toString())
                .as("old entry still counted when scheduling: least picks the other").isEqualTo("10.1.0.2");
        assertThat(f.conns().findId(Protocol.TCP, CLIENT, 1000, VIP, 80)).as("newest wins the lookup").isEqualTo(fresh);
        f.advance(0.004);   // the old entry's timer fires at the next jiffy
        assertThat(f.conns().isLive(old)).isFalse();
        assertThat(f.conns().findId(Protocol.TCP, CLIENT, 1000, VIP, 80)).isEqualTo(fresh);
        assertThat(counters(a)).isEqualTo("(0,0)");
    }

    @Test
    void aDirectRoutingFinWaitEntryIsReusedInModeOneAndRescheduledInModeThree() {
        Fixture f = twoDests(DROUTE);
        f.tcp(1000, SYN);
        int id = f.conn();
        RealServer a = f.table.lastDest();
        f.tcp(1000, ACK);
        f.tcp(1000, FIN | ACK);
        assertThat(f.state(id)).isEqualTo("FIN_WAIT");
        f.tcp(1000, SYN);
        assertThat(f.conn()).isEqualTo(id);
        assertThat(f.state(id)).isEqualTo("SYN_RECV");
        assertThat(counters(a)).isEqualTo("(1,0)");

        f.tcp(1000, FIN | ACK);
        f.table.sysctls().set("conn_reuse_mode", 3);
        f.tcp(1000, SYN);
        assertThat(f.conn()).isNotEqualTo(id);
    }

    @Test
    void connReuseModeZeroNeverReschedules() {
        Fixture f = twoDests(DROUTE);
        f.table.sysctls().set("conn_reuse_mode", 0);
        f.tcp(1000, SYN);
        int id = f.conn();
        f.tcp(1000, Packet.RST);
        assertThat(f.state(id)).as("RST in SYN_RECV keeps SYN_RECV").isEqualTo("SYN_RECV");
        f.tcp(1000, ACK);
        f.tcp(1000, Packet.RST);
        assertThat(f.state(id)).isEqualTo("CLOSE");
        f.tcp(1000, SYN);
        assertThat(f.conn()).isEqualTo(id);
    }

    @Test
    void persistenceControlledConnectionsAreNeverRescheduled() {
        Fixture f = Fixture.newest().persistent(TCP80, "least", 300, 0xFFFFFFFF);
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.table.sysctls().set("conn_reuse_mode", 3);
        f.tcp(1000, SYN);
        int id = f.conn();
        f.tcp(1000, ACK);
        f.tcp(1000, Packet.RST);
        assertThat(f.state(id)).isEqualTo("CLOSE");
        f.tcp(1000, SYN);
        assertThat(f.conn()).isEqualTo(id);
    }

    @Test
    void withConfirmedOldConntrackTheReusingSynIsDroppedAndItsRetransmissionScheduled() {
        Fixture f = twoDests(MASQ);
        f.table.sysctls().set("conntrack", 1);
        f.table.setConntrackConfirmed(true);
        f.tcp(1000, SYN);
        int old = f.conn();
        assertThat(f.conns().flags(old) & ConnFlags.NFCT).isNotZero();
        f.tcp(1000, ACK);
        f.tcp(1000, Packet.RST);   // CLOSE
        assertThat(f.tcp(1000, SYN)).isEqualTo(Verdict.DROPPED);
        f.advance(1);
        assertThat(f.conns().isLive(old)).isFalse();
        assertThat(f.tcp(1000, SYN)).isEqualTo(Verdict.FORWARDED);
    }

    @Test
    void packetsOfADeletedDestAreDroppedUnlessExpireNodestConn() {
        Fixture f = twoDests(DROUTE);
        f.tcp(1000, SYN);
        f.tcp(1000, ACK);
        int id = f.conn();
        f.table.deleteDest(TCP80, IpAddress.parse("10.1.0.1"), 80);
        assertThat(f.tcp(1000, ACK)).isEqualTo(Verdict.DROPPED);
        assertThat(f.tcp(1000, SYN)).isEqualTo(Verdict.DROPPED);
        assertThat(f.conns().isLive(id)).isTrue();

        f.table.sysctls().set("expire_nodest_conn", 1);
        assertThat(f.tcp(1000, ACK)).as("expired, non-SYN goes to the local stack").isEqualTo(Verdict.ACCEPTED);
        f.advance(0.004);
        assertThat(f.conns().isLive(id)).isFalse();
    }

    @Test
    void withExpireNodestConnASynOfADeletedDestsConnectionIsScheduledElsewhere() {
        Fixture f = twoDests(DROUTE);
        f.table.sysctls().set("expire_nodest_conn", 1);
        f.tcp(1000, SYN);
        f.table.deleteDest(TCP80, IpAddress.parse("10.1.0.1"), 80);
        assertThat(f.tcp(1000, SYN)).isEqualTo(Verdict.FORWARDED);
        assertThat(f.table.lastDest().address()).hasToString("10.1.0.2");
    }

    @Test
    void deletingADestWithExpireNodestConnFlushesItsEntriesOneJiffyLater() {
        Fixture f = twoDests(DROUTE);
        f.table.sysctls().set("expire_nodest_conn", 1);
        for (int port = 1000; port < 1003; port++) {
            f.tcp(port, SYN);
        }
        RealServer a = f.table.findService(TCP80).findDest(IpAddress.parse("10.1.0.1"), 80);
        int onA = a.totalConns();
        assertThat(onA).isPositive();
        f.table.deleteDest(TCP80, a.address(), 80);
        assertThat(a.totalConns()).isEqualTo(onA);
        f.advance(0.004);
        assertThat(a.totalConns()).isZero();
        assertThat(a.references()).isZero();
    }

    @Test
    void aSynOnAConnectionToAWeightZeroDestIsRescheduledWithExpireNodestConn() {
        Fixture f = twoDests(DROUTE);
        f.table.sysctls().set("expire_nodest_conn", 1);
        f.tcp(1000, SYN);
        int id = f.conn();
        f.tcp(1000, ACK);
        f.table.editDest(TCP80, DestConfig.of(IpAddress.parse("10.1.0.1"), 80, DROUTE, 0));
        f.tcp(1000, ACK);
        assertThat(f.conn()).isEqualTo(id);
        f.tcp(1000, SYN);
        assertThat(f.conn()).isNotEqualTo(id);
        assertThat(f.table.lastDest().address()).hasToString("10.1.0.2");
    }

    @Test
    void clientSourcePortTwentyIsNeverScheduled() {
        Fixture f = twoDests(DROUTE);
        assertThat(f.tcp(20, SYN)).isEqualTo(Verdict.ACCEPTED);
        assertThat(f.conns().size()).isZero();
    }

    @Test
    void fwmarkServicesWinOverAddressServicesAndPortZeroCatchesUnknownPorts() {
        Fixture f = Fixture.newest();
        ServiceKey fwm = ServiceKey.ofFwmark(AddressFamily.INET, 5);
        ServiceKey any = ServiceKey.of(Protocol.TCP, VIP, 0);
        f.service(fwm, "first").service(TCP80, "first").service(any, "first");
        Packet p = new Packet().set(Protocol.TCP, CLIENT, 1000, VIP, 80, SYN);
        p.mark = 5;
        assertThat(f.table.serviceFor(p)).isSameAs(f.table.findService(fwm));
        p.mark = 0;
        assertThat(f.table.serviceFor(p)).isSameAs(f.table.findService(TCP80));
        p.dport = 8080;
        assertThat(f.table.serviceFor(p)).isSameAs(f.table.findService(any));
        p.mark = 6;   // no such fwmark service: fall through to the address lookups
        assertThat(f.table.serviceFor(p)).isSameAs(f.table.findService(any));
    }

    @Test
    void anFtpServiceCatchesTcpDataPortsButNotPrivilegedOnes() {
        Fixture f = Fixture.newest();
        ServiceKey ftp = ServiceKey.of(Protocol.TCP, VIP, 21);
        f.service(ftp, "first");
        f.dest(ftp, "10.1.0.1", 21, DROUTE, 1);
        Packet p = new Packet().set(Protocol.TCP, CLIENT, 1000, VIP, 2000, SYN);
        assertThat(f.table.serviceFor(p)).isSameAs(f.table.findService(ftp));
        p.dport = 20;
        assertThat(f.table.serviceFor(p)).isSameAs(f.table.findService(ftp));
        p.dport = 500;
        assertThat(f.table.serviceFor(p)).isNull();
        p.dport = 2000;
        assertThat(f.table.inbound(p)).as("non-persistent FTP: data ports are passed").isEqualTo(Verdict.ACCEPTED);
        p.protocol = Protocol.UDP;
        assertThat(f.table.serviceFor(p)).isNull();
    }

    @Test
    void aServiceWithoutAvailableDestRejectsWithIcmpAndCreatesNothing() {
        Fixture f = Fixture.newest().service(TCP80, "first");
        f.dest(TCP80, "10.1.0.1", DROUTE, 0);
        assertThat(f.tcp(1000, SYN)).isEqualTo(Verdict.REJECTED);
        assertThat(f.conns().size()).isZero();
        Fixture none = Fixture.newest().service(TCP80, "none");
        none.dest(TCP80, "10.1.0.1", DROUTE, 1);
        assertThat(none.tcp(1000, SYN)).isEqualTo(Verdict.REJECTED);
        assertThat(f.tcp(CLIENT, 1000, ServiceKey.of(Protocol.TCP, VIP, 81), SYN)).as("no service").isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void oneOPacketEntriesBindAndUnbindWithinTheirDatagram() {
        Fixture f = Fixture.newest();
        f.table.addService(ServiceConfig.of(UDP53, "least").withFlags(ServiceFlags.ONEPACKET));
        RealServer b = f.dest(UDP53, "10.1.0.2", 53, DROUTE, 1);
        RealServer a = f.dest(UDP53, "10.1.0.1", 53, DROUTE, 1);
        for (int i = 0; i < 3; i++) {
            assertThat(f.udp(CLIENT, 5000 + i, UDP53)).isEqualTo(Verdict.FORWARDED);
            assertThat(f.table.lastDest()).as("counters are 0 between datagrams").isSameAs(a);
            assertThat(f.conns().isLive(f.conn())).isFalse();
        }
        assertThat(f.conns().size()).isZero();
        assertThat(a.stats().liveConns()).isEqualTo(3);
        assertThat(b.stats().liveConns()).isZero();
    }

    @Test
    void realServerRepliesWithoutAnEntryPassUnlessNatIcmpSend() {
        Fixture f = twoDests(MASQ);
        assertThat(f.reply("10.1.0.1", 80, CLIENT, 1234, Protocol.TCP, ACK)).isEqualTo(Verdict.ACCEPTED);
        f.table.sysctls().set("nat_icmp_send", 1);
        assertThat(f.reply("10.1.0.1", 80, CLIENT, 1234, Protocol.TCP, ACK)).isEqualTo(Verdict.REJECTED);
        assertThat(f.reply("10.1.0.1", 80, CLIENT, 1234, Protocol.TCP, Packet.RST)).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void statisticsCountConnectionsPacketsAndBytesForDestServiceAndTotal() {
        Fixture f = twoDests(MASQ);
        f.packet.length = 100;
        f.tcp(1000, SYN);
        RealServer d = f.table.lastDest();
        f.tcp(1000, ACK);
        f.packet.length = 1500;
        f.reply(d.address().toString(), 80, CLIENT, 1000, Protocol.TCP, ACK);
        for (Stats s : new Stats[] {d.stats(), f.table.findService(TCP80).stats(), f.table.totalStats()}) {
            assertThat(s.liveConns()).isEqualTo(1);
            assertThat(s.liveInPkts()).isEqualTo(2);
            assertThat(s.liveInBytes()).isEqualTo(200);
            assertThat(s.liveOutPkts()).isEqualTo(1);
            assertThat(s.liveOutBytes()).isEqualTo(1500);
            assertThat(s.conns()).as("reported only after the estimator's next run").isZero();
        }
    }

    @Test
    void aBackupDaemonWithBackupOnlyMakesTheDirectorIgnoreTraffic() {
        Fixture f = twoDests(DROUTE);
        f.table.sysctls().set("backup_only", 1);
        assertThat(f.tcp(1000, SYN)).isEqualTo(Verdict.FORWARDED);
        f.table.startDaemon(DaemonConfig.of(DaemonConfig.BACKUP, "eth0", 1));
        assertThat(f.tcp(1001, SYN)).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void aClientPortOfZeroNeverMatchesAnEntry() {
        Fixture f = Fixture.newest().service(UDP53, "first");
        f.dest(UDP53, "10.1.0.1", 53, DROUTE, 1);
        f.udp(CLIENT, 0, UDP53);
        int first = f.conn();
        f.udp(CLIENT, 0, UDP53);
        assertThat(f.conn()).isNotEqualTo(first);
        assertThat(f.conns().size()).isEqualTo(2);
    }
}
