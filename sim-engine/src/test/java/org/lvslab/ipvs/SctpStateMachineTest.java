package org.lvslab.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lvslab.ipvs.Fixture.CLIENT;
import static org.lvslab.ipvs.Fixture.VIP;
import static org.lvslab.ipvs.Fixture.counters;
import static org.lvslab.ipvs.ForwardingMethod.DROUTE;
import static org.lvslab.ipvs.ForwardingMethod.MASQ;
import static org.lvslab.ipvs.SctpChunk.ABORT;
import static org.lvslab.ipvs.SctpChunk.COOKIE_ACK;
import static org.lvslab.ipvs.SctpChunk.COOKIE_ECHO;
import static org.lvslab.ipvs.SctpChunk.DATA;
import static org.lvslab.ipvs.SctpChunk.HEARTBEAT;
import static org.lvslab.ipvs.SctpChunk.INIT;
import static org.lvslab.ipvs.SctpChunk.INIT_ACK;
import static org.lvslab.ipvs.SctpChunk.SACK;
import static org.lvslab.ipvs.SctpChunk.SHUTDOWN;
import static org.lvslab.ipvs.SctpChunk.SHUTDOWN_ACK;
import static org.lvslab.ipvs.SctpChunk.SHUTDOWN_COMPLETE;

import org.junit.jupiter.api.Test;

/**
 * SCTP entries ({@code ip_vs_proto_sctp.c}: {@code sctp_conn_schedule}, {@code set_sctp_state};
 * {@code ip_vs_core.c}: {@code is_new_conn}, {@code is_new_conn_expected}): the states as the
 * real server sees them, their timeouts, ESTABLISHED as the only active state, scheduling on
 * INIT only unless sloppy_sctp, and reuse of CLOSED entries.
 */
class SctpStateMachineTest {
    static final ServiceKey SCTP9 = ServiceKey.of(Protocol.SCTP, VIP, 9000);
    static final int HZ = Fixture.HZ;

    private static Fixture nat(String kernel) {
        Fixture f = new Fixture(kernel).service(SCTP9, "first");
        f.dest(SCTP9, "10.1.0.1", 9000, MASQ, 1);
        return f;
    }

    private static RealServer only(Fixture f) {
        return f.table.findService(SCTP9).dest(0);
    }

    @Test
    void natHandshakeGoesThroughTheCookieStatesToAnActiveEstablishedEntry() {
        for (String kernel : new String[] {"6.1.170", "6.12.117"}) {
            Fixture f = nat(kernel);
            RealServer d = only(f);
            assertThat(f.sctp(CLIENT, 5000, SCTP9, INIT)).isEqualTo(Verdict.FORWARDED);
            int id = f.conn();
            assertThat(f.state(id)).isEqualTo("INIT1");
            assertThat(counters(d)).as(kernel).isEqualTo("(0,1)");
            assertThat(f.conns().expiresAtJiffies(id)).isEqualTo(4 * HZ);
            assertThat(f.conns().protocolName(id)).isEqualTo("SCTP");

            f.sctpReply("10.1.0.1", 9000, CLIENT, 5000, INIT_ACK);
            assertThat(f.state(id)).isEqualTo("C-SENT");
            assertThat(f.conns().expiresAtJiffies(id)).isEqualTo(61 * HZ);
            f.sctp(CLIENT, 5000, SCTP9, COOKIE_ECHO);
            assertThat(f.state(id)).isEqualTo("C-REPLIED");
            assertThat(counters(d)).isEqualTo("(0,1)");
            f.sctpReply("10.1.0.1", 9000, CLIENT, 5000, COOKIE_ACK);
            assertThat(f.state(id)).isEqualTo("ESTABLISHED");
            assertThat(counters(d)).as(kernel).isEqualTo("(1,0)");
            assertThat(f.conns().expiresAtJiffies(id)).isEqualTo(900 * HZ);
        }
    }

    @Test
    void dataSackAndHeartbeatKeepAnEstablishedEntryAndRefreshItsTimeout() {
        Fixture f = nat("6.12.117");
        int id = establish(f, 5000);
        for (int chunk : new int[] {DATA, SACK, HEARTBEAT, 200}) {
            f.advance(10);
            f.sctp(CLIENT, 5000, SCTP9, chunk);
            assertThat(f.state(id)).isEqualTo("ESTABLISHED");
            assertThat(f.conns().expiresAtJiffies(id)).isEqualTo(f.table.jiffies() + 900 * HZ);
        }
    }

    @Test
    void shutdownSequenceEndsClosedAndInactiveWithTheMaxRtoTimeout() {
        Fixture f = nat("6.1.170");
        RealServer d = only(f);
        int id = establish(f, 5000);
        f.sctp(CLIENT, 5000, SCTP9, SHUTDOWN);
        assertThat(f.state(id)).isEqualTo("S-RECEIVED");
        assertThat(counters(d)).isEqualTo("(0,1)");
        f.sctpReply("10.1.0.1", 9000, CLIENT, 5000, SHUTDOWN_ACK);
        assertThat(f.state(id)).isEqualTo("S-ACK-SENT");
        f.sctp(CLIENT, 5000, SCTP9, SHUTDOWN_COMPLETE);
        assertThat(f.state(id)).isEqualTo("CLOSED");
        assertThat(f.conns().expiresAtJiffies(id)).isEqualTo(f.table.jiffies() + 61 * HZ);
        f.advance(60.9);
        assertThat(f.conns().isLive(id)).isTrue();
        f.advance(0.2);
        assertThat(f.conns().isLive(id)).isFalse();
        assertThat(counters(d)).isEqualTo("(0,0)");
    }

    @Test
    void serverInitiatedShutdownGoesThroughShutdownSent() {
        Fixture f = nat("6.12.117");
        int id = establish(f, 5000);
        f.sctpReply("10.1.0.1", 9000, CLIENT, 5000, SHUTDOWN);
        assertThat(f.state(id)).isEqualTo("S-SENT");
        f.sctp(CLIENT, 5000, SCTP9, SHUTDOWN_ACK);
        assertThat(f.state(id)).isEqualTo("CLOSED");
    }

    @Test
    void anAbortAnswerToInitRejectsTheEntryForFourSeconds() {
        Fixture f = nat("6.12.117");
        f.sctp(CLIENT, 5000, SCTP9, INIT);
        int id = f.conn();
        f.sctpReply("10.1.0.1", 9000, CLIENT, 5000, ABORT);
        assertThat(f.state(id)).isEqualTo("REJECTED");
        assertThat(f.conns().expiresAtJiffies(id)).isEqualTo(f.table.jiffies() + 4 * HZ);
    }

    @Test
    void aCookieEchoBundledWithAnAbortCountsAsTheAbort() {
        Fixture f = nat("6.12.117");
        f.sctp(CLIENT, 5000, SCTP9, INIT);
        int id = f.conn();
        f.sctpReply("10.1.0.1", 9000, CLIENT, 5000, INIT_ACK);
        f.packet.set(Protocol.SCTP, CLIENT, 5000, VIP, 9000, 0).sctp(COOKIE_ECHO, ABORT);
        f.table.inbound(f.packet);
        assertThat(f.state(id)).as("ABORT in C-SENT").isEqualTo("CLOSED");
        f.packet.sctp(DATA, ABORT);
        f.table.inbound(f.packet);
        assertThat(f.state(id)).as("only COOKIE ECHO/ACK look at the next chunk").isEqualTo("CLOSED");
    }

    @Test
    void aRepeatedInitMovesFromInit1ToInitWithTheLongerTimeout() {
        Fixture f = nat("6.12.117");
        f.sctp(CLIENT, 5000, SCTP9, INIT);
        int id = f.conn();
        f.advance(1);
        f.sctp(CLIENT, 5000, SCTP9, INIT);
        assertThat(f.conn()).as("same entry: INIT1 is not CLOSED, so no reuse").isEqualTo(id);
        assertThat(f.state(id)).isEqualTo("INIT");
        assertThat(f.conns().expiresAtJiffies(id)).isEqualTo(f.table.jiffies() + 61 * HZ);
    }

    @Test
    void onlyInitSchedulesUnlessSloppySctpAndAbortNever() {
        Fixture f = nat("6.12.117");
        assertThat(f.sctp(CLIENT, 5000, SCTP9, DATA)).isEqualTo(Verdict.ACCEPTED);
        assertThat(f.sctp(CLIENT, 5001, SCTP9, COOKIE_ECHO)).isEqualTo(Verdict.ACCEPTED);
        assertThat(f.conns().size()).isZero();
        f.table.sysctls().set("sloppy_sctp", 1);
        assertThat(f.sctp(CLIENT, 5002, SCTP9, ABORT)).isEqualTo(Verdict.ACCEPTED);
        assertThat(f.conns().size()).isZero();
        assertThat(f.sctp(CLIENT, 5003, SCTP9, DATA)).isEqualTo(Verdict.FORWARDED);
        int id = f.conn();
        assertThat(f.state(id)).as("DATA from NONE").isEqualTo("ESTABLISHED");
        assertThat(counters(only(f))).isEqualTo("(1,0)");
    }

    @Test
    void aPacketWithoutAChunkHeaderIsDroppedWithoutAnEntryAndKeepsTheStateAndTimeoutOfOne() {
        Fixture f = nat("6.12.117");
        assertThat(f.sctp(CLIENT, 5000, SCTP9, SctpChunk.NONE)).isEqualTo(Verdict.DROPPED);
        assertThat(f.conns().size()).isZero();
        f.sctp(CLIENT, 5001, SCTP9, INIT);
        int id = f.conn();
        f.sctpReply("10.1.0.1", 9000, CLIENT, 5001, INIT_ACK);   // C-SENT, 61 s
        f.advance(5);
        assertThat(f.sctpReply("10.1.0.1", 9000, CLIENT, 5001, SctpChunk.NONE)).isEqualTo(Verdict.FORWARDED);
        assertThat(f.state(id)).isEqualTo("C-SENT");
        assertThat(f.conns().timeoutJiffies(id)).isEqualTo(61 * HZ);
        assertThat(f.conns().expiresAtJiffies(id)).as("ip_vs_conn_put re-arms with the kept timeout")
                .isEqualTo(f.table.jiffies() + 61 * HZ);
    }

    @Test
    void anInitOnAClosedEntryIsScheduledAfreshWithConnReuseMode() {
        Fixture f = new Fixture("6.12.117").service(SCTP9, "least");
        RealServer b = f.dest(SCTP9, "10.1.0.2", 9000, MASQ, 1);
        RealServer a = f.dest(SCTP9, "10.1.0.1", 9000, MASQ, 1);
        int first = establish(f, 5000);
        assertThat(f.conns().dest(first)).isSameAs(a);
        f.sctp(CLIENT, 5000, SCTP9, ABORT);
        assertThat(f.state(first)).isEqualTo("CLOSED");
        f.sctp(CLIENT, 5000, SCTP9, INIT);   // the old entry still counts on a until it expires
        int second = f.conn();
        assertThat(second).isNotEqualTo(first);
        assertThat(f.conns().dest(second)).as("rescheduled").isSameAs(b);
        f.advance(0.01);
        assertThat(f.conns().isLive(first)).as("the old entry expired now").isFalse();
    }

    @Test
    void withoutConnReuseModeAnInitOnAClosedEntryReusesIt() {
        Fixture f = nat("6.12.117");
        f.table.sysctls().set("conn_reuse_mode", 0);
        int id = establish(f, 5000);
        f.sctp(CLIENT, 5000, SCTP9, ABORT);
        f.sctp(CLIENT, 5000, SCTP9, INIT);
        assertThat(f.conn()).isEqualTo(id);
        assertThat(f.state(id)).as("INIT in CLOSED").isEqualTo("INIT");
    }

    @Test
    void directRoutingUsesTheInputOnlyTable() {
        Fixture f = new Fixture("6.12.117").service(SCTP9, "first");
        RealServer d = f.dest(SCTP9, "10.1.0.1", 9000, DROUTE, 1);
        f.sctp(CLIENT, 5000, SCTP9, INIT);
        int id = f.conn();
        f.sctp(CLIENT, 5000, SCTP9, COOKIE_ECHO);
        assertThat(f.state(id)).as("INPUT_ONLY: COOKIE ECHO from INIT1").isEqualTo("ESTABLISHED");
        assertThat(counters(d)).isEqualTo("(1,0)");
        f.sctp(CLIENT, 5000, SCTP9, SHUTDOWN_ACK);
        assertThat(f.state(id)).isEqualTo("CLOSED");
        assertThat(counters(d)).isEqualTo("(0,1)");
    }

    @Test
    void natIcmpSendSparesAnAbortFromAServerWithoutEntry() {
        Fixture f = nat("6.12.117");
        f.table.sysctls().set("nat_icmp_send", 1);
        assertThat(f.sctpReply("10.1.0.1", 9000, CLIENT, 7000, DATA)).isEqualTo(Verdict.REJECTED);
        assertThat(f.sctpReply("10.1.0.1", 9000, CLIENT, 7000, ABORT)).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void establishedAssuresThePersistenceTemplate() {
        Fixture f = new Fixture("6.12.117");
        f.table.addService(ServiceConfig.of(SCTP9, "first").withPersistence(300, 0xffffffff));
        f.dest(SCTP9, "10.1.0.1", 9000, MASQ, 1);
        f.sctp(CLIENT, 5000, SCTP9, INIT);
        int id = f.conn();
        int tpl = f.conns().controlId(id);
        assertThat(f.state(tpl)).isEqualTo("NONE");
        f.sctpReply("10.1.0.1", 9000, CLIENT, 5000, INIT_ACK);
        f.sctp(CLIENT, 5000, SCTP9, COOKIE_ECHO);
        f.sctpReply("10.1.0.1", 9000, CLIENT, 5000, COOKIE_ACK);
        assertThat(f.state(tpl)).isEqualTo("ASSURED");
    }

    /** INIT, INIT ACK, COOKIE ECHO, COOKIE ACK through the NAT director; returns the entry. */
    private static int establish(Fixture f, int sport) {
        f.sctp(CLIENT, sport, SCTP9, INIT);
        int id = f.conn();
        RealServer d = f.conns().dest(id);
        String rs = d.address().toString();
        f.sctpReply(rs, 9000, CLIENT, sport, INIT_ACK);
        f.sctp(CLIENT, sport, SCTP9, COOKIE_ECHO);
        f.sctpReply(rs, 9000, CLIENT, sport, COOKIE_ACK);
        assertThat(f.state(id)).isEqualTo("ESTABLISHED");
        return id;
    }
}
