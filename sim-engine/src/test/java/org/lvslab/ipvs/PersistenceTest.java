package org.lvslab.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lvslab.ipvs.Fixture.CLIENT;
import static org.lvslab.ipvs.Fixture.TCP80;
import static org.lvslab.ipvs.Fixture.VIP;
import static org.lvslab.ipvs.ForwardingMethod.DROUTE;
import static org.lvslab.ipvs.Packet.ACK;
import static org.lvslab.ipvs.Packet.FIN;
import static org.lvslab.ipvs.Packet.SYN;

import org.junit.jupiter.api.Test;

/** Persistence templates (ipvs-model §5, cases 37–43). */
class PersistenceTest {
    static final int ALL = 0xFFFFFFFF;

    /** Persistent TCP80 with "first"; dests added B then A, so the list is A, B and "first" picks A. */
    private static Fixture twoDests(int timeout, int mask) {
        Fixture f = Fixture.newest().persistent(TCP80, "first", timeout, mask);
        f.dest(TCP80, "10.1.0.2", DROUTE, 1);
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        return f;
    }

    private static String destOf(Fixture f) {
        return f.table.lastDest().address().toString();
    }

    private static int template(Fixture f, IpAddress net, int vport) {
        return f.conns().findId(Protocol.TCP, net, 0, VIP, vport);
    }

    @Test
    void aTemplateIsCreatedWithClientPortZeroAndTheServicePortAndCountsAsPersistent() {
        Fixture f = twoDests(300, ALL);
        f.tcp(1000, SYN);
        int t = template(f, CLIENT, 80);
        assertThat(t).isNotNegative();
        ConnectionTable c = f.conns();
        assertThat(c.isTemplate(t)).isTrue();
        assertThat(c.stateName(t)).isEqualTo("NONE");
        assertThat(c.destPort(t)).isEqualTo(80);
        assertThat(c.controlCount(t)).isEqualTo(1);
        assertThat(c.controlId(f.conn())).isEqualTo(t);
        assertThat(c.expiresAtJiffies(t)).isEqualTo(300 * 250);
        RealServer a = c.dest(t);
        assertThat(a.persistConns()).isEqualTo(1);
        assertThat(a.totalConns()).isEqualTo(1);
        f.tcp(1000, ACK);
        assertThat(c.stateName(t)).as("controlled conn reached ESTABLISHED").isEqualTo("ASSURED");
    }

    @Test
    void aQuiescentDestKeepsItsPersistentClientsUnlessExpireQuiescentTemplateIsSet() {
        Fixture f = twoDests(300, ALL);
        f.tcp(1000, SYN);
        assertThat(destOf(f)).isEqualTo("10.1.0.1");
        f.table.editDest(TCP80, DestConfig.of(IpAddress.parse("10.1.0.1"), 80, DROUTE, 0));
        f.tcp(1001, SYN);
        assertThat(destOf(f)).isEqualTo("10.1.0.1");

        f.table.sysctls().set("expire_quiescent_template", 1);
        int old = template(f, CLIENT, 80);
        f.tcp(1002, SYN);
        assertThat(destOf(f)).isEqualTo("10.1.0.2");
        assertThat(f.conns().isLive(old)).isTrue();
        assertThat(f.conns().virtualPort(old)).as("neutralised").isEqualTo(0xFFFF);
        assertThat(f.conns().destPort(old)).isEqualTo(0xFFFF);
        assertThat(f.conns().dest(template(f, CLIENT, 80)).address().toString()).isEqualTo("10.1.0.2");
    }

    @Test
    void anOverloadedDestKeepsItsPersistentClients() {
        Fixture f = twoDests(300, ALL);
        f.table.editDest(TCP80, DestConfig.of(IpAddress.parse("10.1.0.1"), 80, DROUTE, 1).withThresholds(1, 0));
        f.tcp(1000, SYN);
        RealServer a = f.table.lastDest();
        assertThat(a.isOverloaded()).isTrue();
        f.tcp(1001, SYN);
        assertThat(f.table.lastDest()).isSameAs(a);
        f.tcp(IpAddress.parse("192.168.9.9"), 1000, TCP80, SYN);
        assertThat(destOf(f)).as("a new client is scheduled past the overloaded dest").isEqualTo("10.1.0.2");
    }

    @Test
    void theNetmaskGroupsClientsOfOneNetworkOnOneTemplate() {
        Fixture f = Fixture.newest().persistent(TCP80, "least", 300, 0xFFFFFF00);
        f.dest(TCP80, "10.1.0.2", DROUTE, 1);
        f.dest(TCP80, "10.1.0.1", DROUTE, 1);
        f.tcp(IpAddress.parse("10.1.2.3"), 1000, TCP80, SYN);
        assertThat(destOf(f)).isEqualTo("10.1.0.1");
        f.tcp(IpAddress.parse("10.1.2.200"), 1000, TCP80, SYN);
        assertThat(destOf(f)).as("same /24, same template, though more loaded").isEqualTo("10.1.0.1");
        f.tcp(IpAddress.parse("10.1.3.1"), 1000, TCP80, SYN);
        assertThat(destOf(f)).isEqualTo("10.1.0.2");
        assertThat(template(f, IpAddress.parse("10.1.2.0"), 80)).isNotNegative();
    }

    @Test
    void aTemplateThatExpiresWhileControllingSwitchesToSixtySecondChecksForGood() {
        Fixture f = twoDests(300, ALL);
        f.tcp(1000, SYN);
        f.tcp(1000, ACK);   // established: lives 900 s
        int t = template(f, CLIENT, 80);
        f.at(100);
        f.tcp(1000, ACK);   // packets of existing connections do not refresh the template
        assertThat(f.conns().expiresAtJiffies(t)).isEqualTo(300 * 250);
        f.at(300);
        assertThat(f.conns().isLive(t)).isTrue();
        assertThat(f.conns().timeoutJiffies(t)).isEqualTo(60 * 250);
        assertThat(f.conns().expiresAtJiffies(t)).isEqualTo(360 * 250);
        f.at(410);
        f.tcp(1001, SYN);
        assertThat(f.table.lastDest().address().toString()).isEqualTo("10.1.0.1");
        assertThat(f.conns().expiresAtJiffies(t)).as("re-armed by 60 s, not 300").isEqualTo(470 * 250);
    }

    @Test
    void persistenceEndsAtTheFirstSixtySecondCheckAfterTheLastControlledConnectionIsGone() {
        Fixture f = twoDests(300, ALL);
        f.tcp(1000, SYN);
        int t = template(f, CLIENT, 80);
        f.tcp(1000, ACK);
        f.at(250);
        f.tcp(1000, FIN | ACK);   // DR FIN_WAIT: expires at 370
        f.at(369);
        assertThat(f.conns().controlCount(t)).isEqualTo(1);
        f.at(370);
        assertThat(f.conns().controlCount(t)).isZero();
        f.at(419.99);
        assertThat(f.conns().isLive(t)).isTrue();
        f.at(420);
        assertThat(f.conns().isLive(t)).isFalse();
        assertThat(f.conns().size()).isZero();
    }

    @Test
    void fwmarkPersistenceSpansProtocolsAndPorts() {
        Fixture f = Fixture.newest();
        ServiceKey fwm = ServiceKey.ofFwmark(AddressFamily.INET, 1);
        f.persistent(fwm, "least", 300, ALL);
        f.dest(fwm, "10.1.0.2", 0, DROUTE, 1);
        f.dest(fwm, "10.1.0.1", 0, DROUTE, 1);
        Packet p = f.packet.set(Protocol.TCP, CLIENT, 1000, VIP, 80, SYN);
        p.mark = 1;
        f.table.inbound(p);
        RealServer first = f.table.lastDest();
        int conn = f.conn();
        assertThat(f.conns().destPort(conn)).as("fwmark persistence keeps the packet's port").isEqualTo(80);
        p.set(Protocol.UDP, CLIENT, 2000, VIP, 53, 0);
        p.mark = 1;
        f.table.inbound(p);
        assertThat(f.table.lastDest()).isSameAs(first);
        int t = f.conns().findId(null, CLIENT, 0, IpAddress.parse("0.0.0.1"), 0);
        assertThat(f.conns().protocolName(t)).isEqualTo("IP");
        assertThat(f.conns().controlCount(t)).isEqualTo(2);
        assertThat(f.conns().virtualAddress(t)).hasToString("0.0.0.1");
    }

    @Test
    void aPersistentPortZeroServiceKeepsAClientOnOneDestForAllPorts() {
        Fixture f = Fixture.newest();
        ServiceKey any = ServiceKey.of(Protocol.TCP, VIP, 0);
        f.persistent(any, "least", 300, ALL);
        f.dest(any, "10.1.0.2", 0, DROUTE, 1);
        f.dest(any, "10.1.0.1", 0, DROUTE, 1);
        f.tcp(CLIENT, 1000, ServiceKey.of(Protocol.TCP, VIP, 80), SYN);
        RealServer d = f.table.lastDest();
        assertThat(f.tcp(CLIENT, 1001, ServiceKey.of(Protocol.TCP, VIP, 443), SYN)).isEqualTo(Verdict.FORWARDED);
        assertThat(f.table.lastDest()).isSameAs(d);
        assertThat(f.conns().destPort(f.conn())).isEqualTo(443);
        assertThat(template(f, CLIENT, 0)).isNotNegative();
    }

    @Test
    void aNonPersistentPortZeroServiceRejectsEveryPacket() {
        Fixture f = Fixture.newest();
        ServiceKey any = ServiceKey.of(Protocol.TCP, VIP, 0);
        f.service(any, "first");
        f.dest(any, "10.1.0.1", 0, DROUTE, 1);
        assertThat(f.tcp(CLIENT, 1000, ServiceKey.of(Protocol.TCP, VIP, 80), SYN)).isEqualTo(Verdict.REJECTED);
        assertThat(f.conns().size()).isZero();
    }

    @Test
    void aDeletedDestInvalidatesItsTemplatesSoTheClientIsRescheduled() {
        Fixture f = twoDests(300, ALL);
        f.tcp(1000, SYN);
        f.table.deleteDest(TCP80, IpAddress.parse("10.1.0.1"), 80);
        f.tcp(1001, SYN);
        assertThat(destOf(f)).isEqualTo("10.1.0.2");
    }

    @Test
    void serviceTimeoutEditsOnlyAffectTemplatesCreatedAfterwards() {
        Fixture f = twoDests(300, ALL);
        f.tcp(1000, SYN);
        int t = template(f, CLIENT, 80);
        f.table.editService(ServiceConfig.of(TCP80, "first").withPersistence(100, ALL));
        f.tcp(1001, SYN);
        assertThat(f.conns().timeoutJiffies(t)).isEqualTo(300 * 250);
        f.tcp(IpAddress.parse("192.168.7.7"), 1000, TCP80, SYN);
        assertThat(f.conns().timeoutJiffies(template(f, IpAddress.parse("192.168.7.7"), 80))).isEqualTo(100 * 250);
    }
}
