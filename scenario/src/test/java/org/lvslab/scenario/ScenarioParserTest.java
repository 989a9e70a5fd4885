package org.lvslab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {

    private static Scenario parse(String text) throws ScenarioParseException {
        return ScenarioParser.parse("t.lvs", "t", text);
    }

    @Test
    void blankLinesAndCommentsAreSkippedAndLineNumbersKept() throws Exception {
        Scenario s = parse("# header\n\n   # indented comment\nipvsadm -Ln\n");
        assertThat(s.lines()).hasSize(1);
        assertThat(s.lines().getFirst().number()).isEqualTo(4);
        assertThat(((ScenarioLine.Ipvsadm) s.lines().getFirst()).args()).containsExactly("-Ln");
    }

    @Test
    void connectDefaultsToHoldAndKeepsTheClientSpelling() throws Exception {
        Scenario s = parse("connect [fd00:c:0::1]:4000 [fd00:a::1]:443\nconnect -u 172.16.1.1:53 10.0.0.1:53 close\n");
        ScenarioLine.Connect tcp = (ScenarioLine.Connect) s.lines().get(0);
        assertThat(tcp.udp()).isFalse();
        assertThat(tcp.mode()).isEqualTo(ConnectMode.HOLD);
        assertThat(tcp.client().text()).isEqualTo("[fd00:c:0::1]:4000");
        assertThat(tcp.client().toString()).isEqualTo("[fd00:c::1]:4000");
        ScenarioLine.Connect udp = (ScenarioLine.Connect) s.lines().get(1);
        assertThat(udp.udp()).isTrue();
        assertThat(udp.mode()).isEqualTo(ConnectMode.CLOSE);
    }

    @Test
    void sleepIsExactInNanoseconds() throws Exception {
        Scenario s = parse("sleep 0.5\nsleep 13\nsleep .25\nsleep 2.\n");
        assertThat(s.lines()).extracting(l -> ((ScenarioLine.Sleep) l).nanos())
                .containsExactly(500_000_000L, 13_000_000_000L, 250_000_000L, 2_000_000_000L);
        assertThat(s.sleepNanos()).isEqualTo(15_750_000_000L);
    }

    @Test
    void sysctlAcceptsTheFullNameAndBlanksAroundTheEqualsSign() throws Exception {
        Scenario s = parse("sysctl net.ipv4.vs.expire_nodest_conn = 1\nsysctl conn_reuse_mode=0\n");
        ScenarioLine.Sysctl a = (ScenarioLine.Sysctl) s.lines().get(0);
        assertThat(a.name()).isEqualTo("expire_nodest_conn");
        assertThat(a.value()).isEqualTo("1");
        assertThat(((ScenarioLine.Sysctl) s.lines().get(1)).name()).isEqualTo("conn_reuse_mode");
    }

    @Test
    void everyBadLineIsReportedWithFileLineAndProblem() {
        String text = "ipvsadm -Ln\nconnect 172.16.1.1 10.0.0.1:80\nsleep soon\nfrobnicate\n"
                + "connect 172.16.1.1:1 [fd00:a::1]:80\nconnect 172.16.1.1:1 10.0.0.1:80 linger\nclose\n";
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(ScenarioParseException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "t.lvs:2: bad address (a.b.c.d:port or [v6]:port): connect 172.16.1.1 10.0.0.1:80",
                        "t.lvs:3: expected sleep SECONDS: sleep soon",
                        "t.lvs:4: unknown command 'frobnicate': frobnicate",
                        "t.lvs:5: client and VIP of different families: connect 172.16.1.1:1 [fd00:a::1]:80",
                        "t.lvs:6: expected connect [-u] CLIENT VIP [hold|close|reset]: connect 172.16.1.1:1 10.0.0.1:80 linger",
                        "t.lvs:7: expected close CLIENT: close"));
    }

    @Test
    void addressesOutOfRangeAreRejected() {
        assertThat(Endpoint.tryParse("10.0.0.256:80", true)).isNull();
        assertThat(Endpoint.tryParse("10.0.0.1:65536", true)).isNull();
        assertThat(Endpoint.tryParse("10.0.0.1", true)).isNull();
        assertThat(Endpoint.tryParse("10.0.0.1", false).port()).isZero();
        assertThat(Endpoint.tryParse("[fd00::g]:1", true)).isNull();
        assertThat(Endpoint.tryParse("10.0.0.1:0", true)).isNotNull();
    }

    @Test
    void schedulerUseIsFoundInEverySpelling() throws Exception {
        Scenario s = parse("ipvsadm -A -t 10.0.0.1:80 -s wlc\nipvsadm -E -t 10.0.0.1:80 --scheduler=twos\nipvsadm -A -t 10.0.0.2:80 -smh\n");
        assertThat(List.of("wlc", "twos", "mh")).allMatch(s::usesScheduler);
        assertThat(s.usesScheduler("rr")).isFalse();
    }
}
