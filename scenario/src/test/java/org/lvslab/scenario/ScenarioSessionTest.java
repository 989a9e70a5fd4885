package org.lvslab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.IpAddress;
import org.lvslab.ipvs.KernelProfile;
import org.lvslab.ipvs.Protocol;
import org.lvslab.ipvs.RealServer;
import org.lvslab.ipvs.ServiceKey;
import org.lvslab.ipvs.TcpState;
import org.lvslab.ipvs.sched.SchedulerRegistry;

/** The simulated executor: packets per line, decisions, held connections. */
class ScenarioSessionTest {
    private final List<List<String>> ipvsadmCalls = new ArrayList<>();

    private ScenarioSession session(String profile) {
        return ScenarioSession.create(KernelProfile.of(profile));
    }

    private static String run(ScenarioSession s, String... lines) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(b, true, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String l : lines) {
                LineResult r = s.executeText(++n, l, out);
                assertThat(r.faithful()).as(l + ": " + r.problem()).isTrue();
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private static RealServer dest(ScenarioSession s, String vip, String rs) {
        Endpoint v = Endpoint.tryParse(vip, true);
        Endpoint r = Endpoint.tryParse(rs, true);
        return s.table().findService(ServiceKey.of(Protocol.TCP, v.address(), v.port())).findDest(r.address(), r.port());
    }

    private static int state(ScenarioSession s, String client, String vip) {
        Endpoint c = Endpoint.tryParse(client, true);
        Endpoint v = Endpoint.tryParse(vip, true);
        int id = s.table().connections().findId(Protocol.TCP, c.address(), c.port(), v.address(), v.port());
        return id < 0 ? -1 : s.table().connections().state(id);
    }

    @Test
    void heldConnectionIsEstablishedAndActive() {
        ScenarioSession s = session("6.12.117");
        String out = run(s, "ipvsadm -A -t 10.0.0.1:80 -s rr", "ipvsadm -a -t 10.0.0.1:80 -r 10.1.0.11:80 -m",
                "connect 172.16.1.1:10000 10.0.0.1:80");
        assertThat(out).isEqualTo("172.16.1.1:10000 -> 10.1.0.11:80\n");
        assertThat(state(s, "172.16.1.1:10000", "10.0.0.1:80")).isEqualTo(TcpState.ESTABLISHED);
        assertThat(dest(s, "10.0.0.1:80", "10.1.0.11:80").activeConns()).isEqualTo(1);
    }

    @Test
    void closeOnNatEndsInTimeWaitCountedInactive() {
        ScenarioSession s = session("6.12.117");
        run(s, "ipvsadm -A -t 10.0.0.1:80 -s rr", "ipvsadm -a -t 10.0.0.1:80 -r 10.1.0.11:80 -m",
                "connect 172.16.1.1:10000 10.0.0.1:80", "close 172.16.1.1:10000");
        assertThat(state(s, "172.16.1.1:10000", "10.0.0.1:80")).isEqualTo(TcpState.TIME_WAIT);
        RealServer d = dest(s, "10.0.0.1:80", "10.1.0.11:80");
        assertThat(d.activeConns()).isZero();
        assertThat(d.inactiveConns()).isEqualTo(1);
    }

    @Test
    void resetEndsInCloseWhichExpiresAfterTenSeconds() {
        ScenarioSession s = session("6.12.117");
        run(s, "ipvsadm -A -t 10.0.0.1:80 -s rr", "ipvsadm -a -t 10.0.0.1:80 -r 10.1.0.11:80 -m",
                "connect 172.16.1.1:10000 10.0.0.1:80 reset");
        assertThat(state(s, "172.16.1.1:10000", "10.0.0.1:80")).isEqualTo(TcpState.CLOSE);
        run(s, "sleep 9");
        assertThat(dest(s, "10.0.0.1:80", "10.1.0.11:80").inactiveConns()).isEqualTo(1);
        run(s, "sleep 2");
        assertThat(dest(s, "10.0.0.1:80", "10.1.0.11:80").inactiveConns()).isZero();
    }

    @Test
    void directRoutingDestSeesOnlyClientPacketsAndCloseLeavesFinWait() {
        ScenarioSession s = session("6.12.117");
        String out = run(s, "ipvsadm -A -t 10.0.0.1:80 -s rr", "ipvsadm -a -t 10.0.0.1:80 -r 10.1.0.11:80 -g",
                "connect 172.16.1.1:10000 10.0.0.1:80 close");
        assertThat(out).isEqualTo("172.16.1.1:10000 -> 10.1.0.11:80\n");
        // input-only table: FIN -> FIN_WAIT, the client's last ACK keeps it there
        assertThat(state(s, "172.16.1.1:10000", "10.0.0.1:80")).isEqualTo(TcpState.FIN_WAIT);
    }

    @Test
    void noServiceOrNoEligibleServerPrintsNone() {
        ScenarioSession s = session("6.12.117");
        String out = run(s, "connect 172.16.1.1:10000 10.0.0.9:80", "ipvsadm -A -t 10.0.0.1:80 -s rr",
                "ipvsadm -a -t 10.0.0.1:80 -r 10.1.0.11:80 -m -w 0", "connect 172.16.1.2:10000 10.0.0.1:80",
                "connect -u 172.16.1.3:53 10.0.0.1:53");
        assertThat(out).isEqualTo("172.16.1.1:10000 -> none\n172.16.1.2:10000 -> none\n172.16.1.3:53 -> none\n");
    }

    @Test
    void closeOfARefusedClientIsANoOpButCloseOfAnUnknownClientIsUnfaithful() {
        ScenarioSession s = session("6.12.117");
        run(s, "connect 172.16.1.1:10000 10.0.0.9:80", "close 172.16.1.1:10000");
        LineResult r = s.executeText(3, "reset 172.16.9.9:1", new PrintStream(new ByteArrayOutputStream()));
        assertThat(r.faithful()).isFalse();
        assertThat(r.problem()).contains("line 3").contains("no held connection");
    }

    @Test
    void secondConnectOnTheSameTupleWhileHeldIsUnfaithful() {
        ScenarioSession s = session("6.12.117");
        run(s, "ipvsadm -A -t 10.0.0.1:80 -s rr", "ipvsadm -a -t 10.0.0.1:80 -r 10.1.0.11:80 -m",
                "connect 172.16.1.1:10000 10.0.0.1:80");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        LineResult r = s.executeText(4, "connect 172.16.1.1:10000 10.0.0.1:80", new PrintStream(b, true, StandardCharsets.UTF_8));
        assertThat(r.faithful()).isFalse();
        assertThat(b.toString(StandardCharsets.UTF_8)).isEqualTo("172.16.1.1:10000 -> none\n");
    }

    @Test
    void reusedClientPortExpiresTheOldEntryBeforeTheNextLine() {
        ScenarioSession s = session("6.12.117");
        run(s, "ipvsadm -A -t 10.0.0.1:80 -s rr", "ipvsadm -a -t 10.0.0.1:80 -r 10.1.0.11:80 -m",
                "ipvsadm -a -t 10.0.0.1:80 -r 10.1.0.12:80 -m",
                "connect 172.16.1.1:10000 10.0.0.1:80 close", "connect 172.16.1.1:10000 10.0.0.1:80 close");
        // conn_reuse_mode=1: the TIME_WAIT entry on .12 is expired, the new SYN goes to .11
        assertThat(dest(s, "10.0.0.1:80", "10.1.0.12:80").inactiveConns()).isZero();
        assertThat(dest(s, "10.0.0.1:80", "10.1.0.11:80").inactiveConns()).isEqualTo(1);
    }

    @Test
    void ipvsadmOutputIsStdoutThenStderr() {
        ScenarioSession s = new ScenarioSession(KernelProfile.newest(), SchedulerRegistry.load(), 1, t -> (args, o, e) -> {
            ipvsadmCalls.add(args);
            e.print("err\n");
            o.print("out\n");
            return 1;
        });
        assertThat(run(s, "ipvsadm -L -n")).isEqualTo("out\nerr\n");
        assertThat(ipvsadmCalls).containsExactly(List.of("-L", "-n"));
    }

    @Test
    void explainLinesPrecedeTheDecisionOnlyWhenAskedFor() {
        String[] lines = {"ipvsadm -A -t 10.0.0.1:80 -s wlc", "ipvsadm -a -t 10.0.0.1:80 -r 10.1.0.11:80 -m",
                "connect 172.16.1.1:10000 10.0.0.1:80"};
        ScenarioSession quiet = session("6.12.117");
        assertThat(run(quiet, lines)).doesNotContain("#");
        ScenarioSession loud = session("6.12.117");
        loud.setExplain(true);
        String out = run(loud, lines);
        assertThat(out).endsWith("172.16.1.1:10000 -> 10.1.0.11:80\n");
        assertThat(out.lines().filter(l -> l.startsWith("# ")).count()).isPositive();
    }

    @Test
    void sleepAdvancesTheClock() {
        ScenarioSession s = session("6.12.117");
        run(s, "sleep 1.5");
        assertThat(s.loop().now()).isEqualTo(1_500_000_000L);
    }

    @Test
    void unknownSysctlIsUnfaithful() {
        ScenarioSession s = session("6.12.117");
        LineResult r = s.executeText(1, "sysctl no_such_knob=1", new PrintStream(new ByteArrayOutputStream()));
        assertThat(r.faithful()).isFalse();
        assertThat(r.problem()).contains("no_such_knob");
        run(s, "sysctl expire_nodest_conn=1");
        assertThat(s.table().sysctls().expireNodestConn()).isTrue();
        assertThat(IpAddress.parse("10.0.0.1")).isNotNull();
    }
}
